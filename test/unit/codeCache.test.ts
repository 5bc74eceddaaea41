import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { evaluateWithCodeCache, MAX_CACHE_BYTES, type CodeCacheUse } from '../../src/node/codeCache';

// Each start runs in a process of its own, as the extension host's starts do: within one process
// V8 finds a script it compiled before in memory and never looks at the cache it is handed.
const CHILD = 'AI_ROADMAP_CODE_CACHE_CHILD';
if (process.env[CHILD]) {
  const { bundle, cacheDir } = JSON.parse(process.env[CHILD]) as { bundle: string; cacheDir?: string };
  const b = evaluateWithCodeCache(bundle, cacheDir, require);
  process.stdout.write(JSON.stringify({ use: b.use, answer: (b.exports as { answer: number }).answer, problem: b.save() ?? null }));
  process.exit(0);
}

/** One start of the bundle in a new Node process: how the cache was used, what it exported, and what saving it said. */
function start(bundle: string, cacheDir: string | undefined): { use: CodeCacheUse; answer: number; problem: string | null } {
  return JSON.parse(execFileSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: JSON.stringify({ bundle, cacheDir }) }, encoding: 'utf8' }));
}

describe('evaluateWithCodeCache (the Node entry evaluates the startup bundle with V8\'s code cache)', () => {
  let dir: string;
  let bundle: string;
  let cacheDir: string;
  const source = (n: number) => `const path = require('node:path');\nexports.answer = ${n};\nexports.where = [__filename, __dirname, path.sep];\nexports.twice = (x) => x * 2;\n`;
  const caches = () => readdirSync(cacheDir).filter((f) => f.endsWith('.cache'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    bundle = join(dir, 'bundle.js');
    cacheDir = join(dir, 'storage', 'code-cache');
    writeFileSync(bundle, source(41));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('evaluates the bundle as require would: exports, require, __filename and __dirname', () => {
    const b = evaluateWithCodeCache(bundle, cacheDir, require);
    const exports = b.exports as { answer: number; where: string[]; twice(x: number): number };
    assert.equal(exports.answer, 41);
    assert.deepEqual(exports.where, [bundle, dir, '/']);
    assert.equal(exports.twice(4), 8);
  });

  it('has no cache on the first start, saves one, and V8 takes it on the next start', () => {
    assert.deepEqual(start(bundle, cacheDir), { use: 'none', answer: 41, problem: null });
    assert.equal(caches().length, 1);
    const written = statSync(join(cacheDir, caches()[0])).mtimeMs;
    assert.deepEqual(start(bundle, cacheDir), { use: 'accepted', answer: 41, problem: null });
    // An accepted cache is not written again.
    assert.equal(statSync(join(cacheDir, caches()[0])).mtimeMs, written);
  });

  it('never hands a changed bundle the old cache, and the new cache replaces the old one', () => {
    start(bundle, cacheDir);
    const [old] = caches();
    // Same length, other code: V8's own check compares lengths; the file name holds the content's hash.
    writeFileSync(bundle, source(42));
    assert.deepEqual(start(bundle, cacheDir), { use: 'none', answer: 42, problem: null });
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], old);
    assert.equal(start(bundle, cacheDir).use, 'accepted');
  });

  it('runs the bundle when the cache is damaged, and writes a good one over it', () => {
    start(bundle, cacheDir);
    const [file] = caches();
    writeFileSync(join(cacheDir, file), Buffer.from('not a code cache at all'.repeat(10)));
    assert.deepEqual(start(bundle, cacheDir), { use: 'rejected', answer: 41, problem: null });
    assert.equal(start(bundle, cacheDir).use, 'accepted');
  });

  it('does not read a cache that is a link, or larger than the bound', () => {
    start(bundle, cacheDir);
    const [file] = caches();
    const target = join(dir, 'elsewhere.cache');
    writeFileSync(target, readFileSync(join(cacheDir, file)));
    rmSync(join(cacheDir, file));
    symlinkSync(target, join(cacheDir, file));
    assert.equal(start(bundle, cacheDir).use, 'none');
    rmSync(join(cacheDir, file));
    writeFileSync(join(cacheDir, file), Buffer.alloc(MAX_CACHE_BYTES + 1));
    assert.equal(start(bundle, cacheDir).use, 'none');
  });

  it('says why when the cache cannot be written, and still runs without one', () => {
    // A file where the cache folder should be: mkdir fails.
    mkdirSync(join(dir, 'storage'), { recursive: true });
    writeFileSync(cacheDir, 'a file, not a folder');
    const { use, answer, problem } = start(bundle, cacheDir);
    assert.deepEqual([use, answer], ['none', 41]);
    assert.match(problem ?? '', /^the code cache could not be written to .*code-cache: /);
  });

  it('keeps no cache where there is no storage folder', () => {
    const b = evaluateWithCodeCache(bundle, undefined, require);
    assert.equal(b.use, 'none');
    assert.equal(b.save(), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/paths';

/**
 * The layers of src/extension, highest first. A file may import from its own folder and from
 * lower layers; a folder never imports another folder of its layer (no sideways imports), and
 * nothing imports upwards.
 */
const EXTENSION_LAYERS: string[][] = [['boot.ts'], ['extension.ts'], ['wiring'], ['commands'], ['views', 'panels', 'exercises', 'navigation', 'papers'], ['plan', 'quiz'], ['progress', 'roadmap'], ['offThread'], ['base', 'files']];

const src = join(repoRoot, 'src');
const files = readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => f.split(sep).join('/'));

/** Every import of a source file that names another source file (static, dynamic, type-only, `typeof import`). */
function edges(): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  for (const from of files) {
    const text = readFileSync(join(src, from), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = join(src, dirname(from), spec);
      const target = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
      // Code generated at build time (the compiled schema validators) is not a source file.
      if (!target && [`${base}.js`, `${base}.d.ts`].some(existsSync)) continue;
      if (target) out.push({ from, to: relative(src, target).split(sep).join('/') });
      // else: a bundle required at run time from dist/ (lazyModules: './render.js'), or data (a JSON schema)
      else assert.match(spec, /^\.\/\w+\.js$|\.json$/, `${from}: ${spec} resolves to no source file`);
    }
  }
  return out;
}

const area = (f: string) => f.split('/')[0];
/** The folder of src/extension a file belongs to ("extension.ts" for the entry point). */
const extensionFolder = (f: string) => f.split('/')[1];
const rank = (folder: string) => EXTENSION_LAYERS.findIndex((layer) => layer.includes(folder));

describe('the import graph', () => {
  const all = edges();

  it('is read from the sources', () => {
    assert.ok(all.length > 150, `${all.length} imports`);
    for (const f of files.filter((x) => area(x) === 'extension')) assert.notEqual(rank(extensionFolder(f)), -1, `${f} is in no layer of EXTENSION_LAYERS`);
  });

  it('core imports only core; webview front ends only core and webview; node and worker only core, worker and a protocol', () => {
    const allowed: Record<string, string[]> = { core: ['core'], webview: ['core', 'webview'], node: ['core', 'node', 'worker'], worker: ['core', 'worker'] };
    for (const { from, to } of all) {
      const a = allowed[area(from)];
      // The core worker speaks the extension's off-thread protocol, as a webview speaks its panel's.
      const sharedProtocol = ['node', 'worker'].includes(area(from)) && /^extension\/\w+\/protocol\.ts$/.test(to);
      if (a) assert.ok(a.includes(area(to)) || sharedProtocol, `${from} imports ${to}`);
    }
  });

  it('the extension reaches webviews only through their protocol.ts', () => {
    for (const { from, to } of all) {
      if (area(from) === 'extension' && area(to) === 'webview') assert.match(to, /^webview\/\w+\/protocol\.ts$/, `${from} imports ${to}`);
    }
  });

  it('in src/extension, no folder imports another of its layer or one above it', () => {
    const offenders: string[] = [];
    for (const { from, to } of all) {
      if (area(from) !== 'extension' || area(to) !== 'extension') continue;
      const [a, b] = [extensionFolder(from), extensionFolder(to)];
      if (a !== b && rank(b) <= rank(a)) offenders.push(`${from} -> ${to}`);
    }
    assert.deepEqual(offenders, []);
  });
});

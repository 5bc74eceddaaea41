import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/paths';

/** Runs the built CLI (dist/cli.js, as `npx ai-roadmap-validate` does) from the repository root. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout.trim() ? r.stdout.trim().split('\n') : [], err: r.stderr.trim() };
}

const LINE = /^[^:]+:\d+:\d+: (error|warning): \S/;

describe('ai-roadmap-validate, the command-line validator', () => {
  it('is the package\'s bin, built for node', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.deepEqual(pkg.bin, { 'ai-roadmap-validate': './dist/cli.js' });
    assert.match(readFileSync(join(repoRoot, 'dist', 'cli.js'), 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node\n/);
  });

  it('exits 0 and prints nothing on stdout for a roadmap without problems (the built-in one, by file or folder)', () => {
    for (const target of ['roadmap/roadmap.yaml', 'roadmap']) {
      const r = cli(target);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(r.out, []);
      assert.match(r.err, /"Modern AI Learning Roadmap 2025" loads, 0 errors, 0 warnings\./);
    }
  });

  it('prints every problem as file:line:col: severity: message and exits 1 on errors', () => {
    const r = cli('test/fixtures/roadmaps/references/roadmap.yaml');
    assert.equal(r.code, 1);
    assert.equal(r.out.length, 7, r.out.join('\n'));
    for (const line of r.out) assert.match(line, LINE);
    assert.ok(r.out.includes('test/fixtures/roadmaps/references/roadmap.yaml:16:25: error: Topic "beta" in layer "one" needs "alpah", which is neither a topic nor a sub-topic of this roadmap. Did you mean "alpha"?'), r.out.join('\n'));
    assert.match(r.err, /7 errors, 0 warnings\./);
    // Problems in a layer file name that file, as the user's path leads to it.
    const layer = cli('test/fixtures/roadmaps/layer-file-error/roadmap.yaml');
    assert.equal(layer.code, 1);
    assert.ok(layer.out.some((l) => l.startsWith('test/fixtures/roadmaps/layer-file-error/layers/one.yaml:')), layer.out.join('\n'));
  });

  it('exits 0 when there are only warnings, and prints them', () => {
    const r = cli('test/fixtures/roadmaps/warnings-only');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out, ['test/fixtures/roadmaps/warnings-only/roadmap.yaml:7:13: warning: Layer "only" is number 2 but stands at position 1; leave "number" out and the position gives it.']);
    assert.match(r.err, /loads, 0 errors, 1 warning\./);
  });

  it('exits 2 with the usage on a usage error', () => {
    for (const args of [[], ['a.yaml', 'b.yaml'], ['--strict', 'roadmap'], ['no/such/roadmap.yaml'], ['--import-outline', 'x.md']]) {
      const r = cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^ai-roadmap-validate: .+\n\nUsage:/, args.join(' '));
    }
    const help = cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.out.join('\n'), /^Usage:/);
  });

  it('imports an outline into a new folder, checks it, and never overwrites', () => {
    const top = mkdtempSync(join(tmpdir(), 'ai-roadmap-cli-'));
    const target = join(top, 'intro-course');
    const r = cli('--import-outline', 'test/fixtures/outlines/flat.md', target);
    assert.equal(r.code, 0, `${r.out.join('\n')}\n${r.err}`);
    assert.match(r.err, /Wrote .*intro-course: 2 layers, 3 topics, 0 sub-topics, 3 resources\./);
    assert.match(r.err, /"Intro course" loads, 0 errors, 0 warnings\./);
    assert.deepEqual(readdirSync(target).sort(), ['layers', 'notes', 'roadmap.yaml']);
    const before = readFileSync(join(target, 'roadmap.yaml'), 'utf8');

    const again = cli('--import-outline', 'test/fixtures/outlines/web-course.md', target);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists, so nothing was written \(nothing is ever overwritten\)/);
    assert.equal(readFileSync(join(target, 'roadmap.yaml'), 'utf8'), before, 'the existing roadmap is untouched');

    // An empty folder, or a file, in the way is refused just the same.
    mkdirSync(join(top, 'empty'));
    writeFileSync(join(top, 'a-file'), 'x');
    for (const blocked of ['empty', 'a-file']) {
      const b = cli('--import-outline', 'test/fixtures/outlines/flat.md', join(top, blocked));
      assert.equal(b.code, 1, blocked);
      assert.match(b.err, /already exists/);
    }
    assert.deepEqual(readdirSync(join(top, 'empty')), []);
  });

  it('prints what it had to guess in an outline as warnings at the outline\'s lines', () => {
    const r = cli('--import-outline', 'test/fixtures/outlines/messy.md', join(mkdtempSync(join(tmpdir(), 'ai-roadmap-cli-')), 'messy'));
    const remarks = r.out.filter((l) => l.startsWith('test/fixtures/outlines/messy.md:'));
    assert.equal(remarks.length, 5, r.out.join('\n'));
    assert.match(remarks[0], /^test\/fixtures\/outlines\/messy\.md:1:1: warning: "Before any layer" comes before any "#" heading/);
    for (const line of r.out) assert.match(line, LINE);
  });
});

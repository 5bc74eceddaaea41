import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_FIGURES, runSnippetProcess, type SnippetProcessResult } from '../../src/extension/exercises/snippetProcess';

// The runner starts `<python> -u snippet.py`; with /bin/sh as the "interpreter" (-u: unset
// variables are errors) the snippet is a shell script, so these tests need no Python.
const figuresRoot = mkdtempSync(join(tmpdir(), 'snippet-process-test-'));
after(() => rmSync(figuresRoot, { recursive: true, force: true }));
let n = 0;

async function runShell(script: string, timeoutMs = 60_000): Promise<SnippetProcessResult & { output: string }> {
  let output = '';
  const result = await runSnippetProcess({ python: '/bin/sh', code: script, timeoutMs, figuresFolder: join(figuresRoot, `run-${++n}`), onOutput: (_s, text) => (output += text) });
  return { ...result, output };
}

const PNG = "printf '\\211PNG\\r\\n\\032\\n0000'";

/** Whether a process runs: a zombie (ended, not yet reaped) counts as gone. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('the snippet process', { skip: process.platform === 'win32' }, () => {
  it('runs in a fresh folder, removed afterwards, and streams its output', async () => {
    const r = await runShell('pwd\necho to-stderr >&2\nexit 3\n');
    const cwd = r.output.split('\n')[0];
    assert.match(cwd, /ai-roadmap-run-/);
    assert.equal(existsSync(cwd), false);
    assert.match(r.output, /to-stderr/);
    assert.equal(r.exitCode, 3);
    assert.deepEqual(r.figures, []);
  });

  it('keeps only plain image files: no link, no second name, no impostor, no deeper than two folders, at most a dozen', async () => {
    const r = await runShell(
      [
        `${PNG} > real.png`,
        'echo not an image > fake.png',
        'ln -s real.png link.png',
        `${PNG} > a.png && ln a.png b.png`,
        'mkdir -p sub deep/a/b',
        `printf '<?xml version="1.0"?>\\n<svg xmlns="http://www.w3.org/2000/svg"></svg>' > sub/inner.svg`,
        `${PNG} > deep/a/b/far.png`,
        'echo "print(1)" > other.py',
      ].join('\n'),
    );
    assert.deepEqual(r.figures.map((f) => f.name), ['real.png', 'sub/inner.svg']);
    for (const f of r.figures) assert.ok(f.path.startsWith(join(figuresRoot, `run-${n}`)) && existsSync(f.path), f.path);
    const many = await runShell(`for i in $(seq 10 30); do ${PNG} > "fig$i.png"; done`);
    assert.equal(many.figures.length, MAX_FIGURES);
  });

  it('stops at the time limit, and ends what the snippet left running', async () => {
    const slow = await runShell('sleep 30\n', 500);
    assert.equal(slow.timedOut, true);
    const left = await runShell('sleep 600 >/dev/null 2>&1 &\necho $!\n');
    const pid = Number(left.output.trim());
    assert.ok(pid > 0);
    const deadline = Date.now() + 30_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(alive(pid), false, 'the background process went with its group');
  });

  it('says why when the interpreter cannot start', async () => {
    const r = await runSnippetProcess({ python: '/no/such/python', code: 'print(1)', timeoutMs: 10_000, figuresFolder: join(figuresRoot, 'none'), onOutput: () => undefined });
    assert.match(r.spawnError ?? '', /ENOENT/);
  });
});

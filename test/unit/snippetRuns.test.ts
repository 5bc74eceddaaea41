import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { missingPackages } from '../../src/core/snippets/missingPackage';
import { MAX_RUN_OUTPUT_CHARS, OutputCap, plainOutput } from '../../src/core/snippets/outputCap';
import { describeRun, type RunFacts } from '../../src/core/snippets/snippetRun';
import { isFromNotesPanel, isToNotesPanel, type FromNotesPanel, type ToNotesPanel } from '../../src/webview/notes/protocol';
import { repoRoot } from './support/paths';

describe('a run’s output', () => {
  it('passes whole under the cap, and is cut at the cap with a note that counts the rest', () => {
    const cap = new OutputCap(10);
    assert.equal(cap.take('12345'), '12345');
    assert.equal(cap.cut, false);
    assert.equal(cap.note(), undefined);
    assert.equal(cap.take('67890abc'), '67890');
    assert.equal(cap.take('more'), '');
    assert.equal(cap.cut, true);
    assert.equal(cap.note(), 'Output cut at 10 characters: 7 more were not shown.');
  });

  it('keeps megabytes to the cap', () => {
    const cap = new OutputCap();
    let shown = 0;
    for (let i = 0; i < 50; i++) shown += cap.take('x'.repeat(100_000)).length;
    assert.equal(shown, MAX_RUN_OUTPUT_CHARS);
    assert.match(cap.note()!, /^Output cut at 100,000 characters: 4,900,000 more were not shown\.$/);
  });

  it('is plain text: terminal codes and control characters go, line endings become \\n, markup stays as written', () => {
    assert.equal(plainOutput('\x1b[31mred\x1b[0m\r\nnext\x1b]0;title\x07\x00!'), 'red\nnext!');
    assert.equal(plainOutput('<img src=x onerror=alert(1)>\ttab'), '<img src=x onerror=alert(1)>\ttab');
    assert.equal(plainOutput('a\rb'), 'a\nb');
  });
});

describe('a missing package', () => {
  const traceback = 'Traceback (most recent call last):\n  File "snippet.py", line 1, in <module>\n    import torch\nModuleNotFoundError: No module named \'torch\'\n';

  it('is named with pip for the interpreter that ran, and the Debian package when one is known', () => {
    assert.deepEqual(missingPackages(traceback, '/usr/bin/python3'), [
      { module: 'torch', hint: 'Python has no module named "torch". Install it with: /usr/bin/python3 -m pip install torch, or on Debian and Ubuntu: sudo apt-get install python3-torch.' },
    ]);
    const [sk] = missingPackages("ModuleNotFoundError: No module named 'sklearn.linear_model'", 'python3');
    assert.match(sk.hint, /python3 -m pip install scikit-learn, or on Debian and Ubuntu: sudo apt-get install python3-sklearn\.$/);
  });

  it('gets pip alone when no Debian package is known, a quoted path with spaces, and harmless names', () => {
    const [m] = missingPackages("ModuleNotFoundError: No module named 'tiktoken'", '/home/me/my env/bin/python');
    assert.equal(m.hint, 'Python has no module named "tiktoken". Install it with: "/home/me/my env/bin/python" -m pip install tiktoken.');
    const odd = missingPackages("No module named 'x'\nModuleNotFoundError: No module named '__proto__'\nModuleNotFoundError: No module named 'constructor'\nModuleNotFoundError: No module named 'constructor'", 'python3');
    assert.deepEqual(odd.map((p) => p.module), ['__proto__', 'constructor']);
    assert.match(odd[1].hint, /pip install constructor\.$/);
  });
});

describe('how a run ended, in words', () => {
  const facts: RunFacts = { exitCode: 0, timedOut: false, cancelled: false, timeoutSeconds: 60, python: 'python3 (python3 on the PATH)', missing: [], figures: 0 };
  it('names each ending', () => {
    assert.deepEqual(describeRun(facts), { outcome: 'ok', summary: 'Finished.' });
    assert.deepEqual(describeRun({ ...facts, figures: 2 }), { outcome: 'ok', summary: 'Finished. 2 figures saved.' });
    assert.equal(describeRun({ ...facts, exitCode: 1 }).outcome, 'failed');
    assert.match(describeRun({ ...facts, exitCode: null, timedOut: true }).summary, /^Stopped after 60 s, the time limit \(aiRoadmap\.notes\.runTimeoutSeconds\)\.$/);
    assert.deepEqual(describeRun({ ...facts, exitCode: null, cancelled: true }), { outcome: 'cancelled', summary: 'Stopped.' });
    assert.match(describeRun({ ...facts, exitCode: null, spawnError: 'spawn nope ENOENT' }).summary, /^Could not start Python \(python3 \(python3 on the PATH\)\): spawn nope ENOENT\./);
    const missing = describeRun({ ...facts, exitCode: 1, missing: [{ module: 'torch', hint: 'Install torch.' }] });
    assert.deepEqual(missing, { outcome: 'failed', summary: 'Install torch.' });
  });
});

describe('the runnable notes messages', () => {
  it('accept what the types allow', () => {
    const from: FromNotesPanel[] = [
      { type: 'runSnippet', id: 'a', block: 0 },
      { type: 'stopSnippet', id: 'a', block: 3 },
      { type: 'copySnippet', id: 'a', block: 1 },
      { type: 'openNotebook', id: 'a' },
    ];
    const to: ToNotesPanel[] = [
      { type: 'snippetStarted', id: 'a', block: 0, interpreter: '/usr/bin/python3' },
      { type: 'snippetOutput', id: 'a', block: 0, stream: 'stderr', text: 'x'.repeat(MAX_RUN_OUTPUT_CHARS) },
      { type: 'snippetEnded', id: 'a', block: 0, outcome: 'ok', summary: 'Finished.', figures: [{ name: 'fig.png', src: 'https://file+.vscode-resource.vscode-cdn.net/tmp/x.png' }] },
      { type: 'snippetRuns', id: 'a', runs: [{ block: 0, running: false, interpreter: 'p', output: 'o', figures: [], outcome: 'failed', summary: 's' }, { block: 1, running: true, interpreter: '', output: '', figures: [] }] },
    ];
    for (const m of from) assert.ok(isFromNotesPanel(m), JSON.stringify(m));
    for (const m of to) assert.ok(isToNotesPanel(m), JSON.stringify(m).slice(0, 80));
  });

  it('refuse anything else: no code from the page, odd block numbers, unknown streams and outcomes', () => {
    const hostile: unknown[] = [
      { type: 'runSnippet', id: 'a', block: -1 },
      { type: 'runSnippet', id: 'a', block: 1.5 },
      { type: 'runSnippet', id: 'a', block: '0' },
      { type: 'runSnippet', id: 'a', block: 1e9 },
      { type: 'runSnippet', id: 'a' },
      { type: 'runCode', id: 'a', code: 'import os' },
      { type: 'snippetOutput', id: 'a', block: 0, stream: 'html', text: '<b>' },
      { type: 'snippetOutput', id: 'a', block: 0, stream: 'stdout', text: 'x'.repeat(MAX_RUN_OUTPUT_CHARS + 1000) },
      { type: 'snippetEnded', id: 'a', block: 0, outcome: 'toString', summary: '', figures: [] },
      { type: 'snippetEnded', id: 'a', block: 0, outcome: 'ok', summary: '', figures: 'x' },
      { type: 'snippetEnded', id: 'a', block: 0, outcome: 'ok', summary: '', figures: [{ name: 'a' }] },
      { type: 'snippetRuns', id: 'a', runs: [{ block: 0 }] },
      { type: 'snippetRuns', id: 'a', runs: {} },
    ];
    for (const m of hostile) for (const guard of [isFromNotesPanel, isToNotesPanel]) assert.equal(guard(m), false, JSON.stringify(m).slice(0, 100));
  });
});

describe('the web build', () => {
  it('references no process API: the snippet runner is replaced by its web variant', () => {
    const bundle = readFileSync(join(repoRoot, 'dist', 'web', 'extension.js'), 'utf8');
    for (const name of ['child_process', 'node:fs', 'node:os', 'spawn(', 'process.kill', 'process.env']) assert.ok(!bundle.includes(name), `the web bundle mentions ${name}`);
    assert.match(bundle, /Running code needs a desktop or remote window/);
  });
});

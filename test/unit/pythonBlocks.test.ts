import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import { notePythonBlocks } from '../../src/core/snippets/noteBlocks';
import { fenceLanguage, isPythonLanguage } from '../../src/core/snippets/pythonBlocks';
import { builtInNotes } from './support/builtInNotes';

/** The page's numbering (src/webview/notes/snippets.ts), over the rendered HTML: code elements whose language is Python. */
function renderedPythonBlocks(html: string): string[] {
  return [...html.matchAll(/<pre[^>]*><code class="language-([^"]+)"/g)].map((m) => m[1]).filter((lang) => isPythonLanguage(fenceLanguage(lang)));
}

const NOTE = [
  '# Title',
  '',
  '```python',
  'print(1)',
  '```',
  '',
  '- a list item',
  '',
  '  ```py',
  '  print(2)',
  '  ```',
  '',
  '> ```Python no-run',
  '> print(3)',
  '> ```',
  '',
  '$$',
  '```python',
  'not code: inside display math',
  '```',
  '$$',
  '',
  '```python3',
  'print("another language to highlight.js")',
  '```',
  '',
  '~~~python',
  'print(4)',
  '~~~',
  '',
  '    print("indented code, no fence")',
  '',
  '```bash',
  'echo hi',
  '```',
].join('\n');

describe('the Python blocks of a note', () => {
  it('are the python and py fences, any case, in document order, with their lines', () => {
    const blocks = notePythonBlocks(NOTE);
    assert.deepEqual(blocks.map((b) => b.code), ['print(1)\n', 'print(2)\n', 'print(3)\n', 'print(4)\n']);
    assert.deepEqual(blocks.map((b) => b.index), [0, 1, 2, 3]);
    assert.deepEqual(blocks.map((b) => b.topLevel), [true, false, false, true]);
    assert.deepEqual(blocks.map((b) => b.noRun), [false, false, true, false]);
    assert.deepEqual([blocks[0].start, blocks[0].end], [2, 5]);
  });

  it('are numbered as the panel numbers the rendered blocks', () => {
    const html = createNotesRenderer()(NOTE);
    assert.equal(renderedPythonBlocks(html).length, 4);
  });

  it('agree with the rendered page on every built-in note', () => {
    const render = createNotesRenderer();
    let total = 0;
    for (const note of builtInNotes()) {
      const blocks = notePythonBlocks(note.markdown);
      assert.equal(renderedPythonBlocks(render(note.markdown)).length, blocks.length, note.path);
      total += blocks.length;
    }
    assert.ok(total >= 50, `${total} Python blocks in the built-in notes`);
  });

  it('read CRLF notes the same, and an unclosed fence to the end', () => {
    const crlf = notePythonBlocks('Text\r\n\r\n```python\r\nx = 1\r\n```\r\n');
    assert.deepEqual(crlf.map((b) => b.code), ['x = 1\n']);
    const open = notePythonBlocks('```python\nprint("no end")\n');
    assert.equal(open.length, 1);
    assert.equal(open[0].end, 2);
  });

  it('take linear time on hostile input', () => {
    const many = '```python\nx\n```\n'.repeat(20_000);
    const started = performance.now();
    assert.equal(notePythonBlocks(many).length, 20_000);
    assert.ok(performance.now() - started < 5_000);
    assert.deepEqual(notePythonBlocks('`'.repeat(100_000)), []);
  });

  it('know the languages by the first word of the info string', () => {
    assert.equal(fenceLanguage('  python no-run '), 'python');
    for (const yes of ['python', 'py', 'PY', 'Python']) assert.ok(isPythonLanguage(yes), yes);
    for (const no of ['python3', 'pycon', 'ipython', '', 'constructor', '__proto__']) assert.ok(!isPythonLanguage(no), no);
  });
});

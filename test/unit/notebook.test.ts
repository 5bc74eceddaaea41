import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { notePythonBlocks } from '../../src/core/snippets/noteBlocks';
import { noteToNotebook, serializeNotebook, type Notebook } from '../../src/core/snippets/notebook';
import { builtInNotes } from './support/builtInNotes';
import { fixture } from './support/paths';

// The nbformat v4.5 schema, vendored with its licence (test/fixtures/nbformat/LICENSE.md). It is
// draft-04 and has a misspelt keyword ("item" for "items" in one place), which draft-04 validators
// ignore: strict mode off does the same.
const schema = JSON.parse(readFileSync(fixture('nbformat', 'nbformat.v4.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function notebookOf(markdown: string, topicId = 't', title = 'T'): Notebook {
  return noteToNotebook({ markdown, blocks: notePythonBlocks(markdown), topicId, title });
}

function assertValid(nb: unknown, what: string) {
  // Through the file's text, as Jupyter reads it.
  const parsed: unknown = JSON.parse(serializeNotebook(nb as Notebook));
  assert.ok(validate(parsed), `${what}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

const text = (cell: Notebook['cells'][number]) => cell.source.join('');

describe('the notebook writer', () => {
  it('writes every built-in note as a valid nbformat 4 notebook: its top-level Python blocks as code cells, the rest as markdown', () => {
    const notes = builtInNotes();
    assert.ok(notes.length > 40);
    for (const note of notes) {
      const nb = notebookOf(note.markdown, 'topic', 'Topic');
      assertValid(nb, note.path);
      const code = nb.cells.filter((c) => c.cell_type === 'code');
      const topLevel = notePythonBlocks(note.markdown).filter((b) => b.topLevel);
      assert.deepEqual(code.map(text), topLevel.map((b) => b.code.replace(/\n$/, '')), note.path);
      const markdown = nb.cells.filter((c) => c.cell_type === 'markdown').map(text).join('\n');
      assert.match(markdown, /^# /, `${note.path}: the title leads`);
      assert.match(markdown, /## Check yourself/, note.path);
      assert.doesNotMatch(markdown, /```python\n/, `${note.path}: no top-level Python block is left in the markdown`);
    }
  });

  it('keeps the order of text and code, nested blocks in their markdown, and tags no-run blocks', () => {
    const nb = notebookOf('# Title\n\nIntro $x^2$.\n\n```python\nprint(1)\n```\n\n- item\n\n  ```python\n  nested()\n  ```\n\n```python no-run\nbig_download()\n```\n\nEnd.\n');
    assertValid(nb, 'crafted');
    assert.deepEqual(nb.cells.map((c) => c.cell_type), ['markdown', 'code', 'markdown', 'code', 'markdown']);
    assert.equal(text(nb.cells[0]), '# Title\n\nIntro $x^2$.');
    assert.equal(text(nb.cells[1]), 'print(1)');
    assert.match(text(nb.cells[2]), /nested\(\)/);
    assert.deepEqual(nb.cells[3].metadata, { tags: ['no-run'] });
    assert.equal(text(nb.cells[4]), 'End.');
    assert.deepEqual(nb.cells[1].source, ['print(1)']);
    assert.deepEqual(nb.cells[0].source, ['# Title\n', '\n', 'Intro $x^2$.']);
    assert.equal(new Set(nb.cells.map((c) => c.id)).size, nb.cells.length, 'cell ids are unique');
  });

  it('names the Python kernel and the topic, and writes JSON Jupyter reads, ending in a newline', () => {
    const nb = notebookOf('```python\nx = 1\n```\n', 'linear-algebra', 'Linear algebra');
    assert.equal(nb.nbformat, 4);
    assert.deepEqual(nb.metadata.kernelspec, { name: 'python3', display_name: 'Python 3', language: 'python' });
    assert.deepEqual(nb.metadata.ai_roadmap, { topic: 'linear-algebra', title: 'Linear algebra' });
    const file = serializeNotebook(nb);
    assert.ok(file.endsWith('}\n'));
    assert.deepEqual(JSON.parse(file), nb);
  });

  it('makes valid notebooks of empty, code-only, CRLF and unclosed notes', () => {
    for (const md of ['', '\n\n', '```python\n```\n', 'a\r\n\r\n```python\r\nx = 1\r\n```\r\nb\r\n', '```python\nopen = True\n', '$$\n```python\nx\n```\n$$\n']) {
      assertValid(notebookOf(md), JSON.stringify(md));
    }
    assert.deepEqual(notebookOf('a\r\n\r\n```python\r\nx = 1\r\n```\r\nb\r\n').cells.map(text), ['a', 'x = 1', 'b']);
  });

  it('the schema refuses what is not a notebook, so passing it means something', () => {
    const nb = notebookOf('```python\nx = 1\n```\n') as unknown as Record<string, unknown>;
    const broken = [
      { ...nb, nbformat: 3 },
      { ...nb, cells: [{ cell_type: 'code', metadata: {}, source: [] }] },
      { ...nb, cells: [{ id: 'a', cell_type: 'code', metadata: {}, source: 'x', outputs: [] }] },
      { ...nb, cells: [{ id: 'bad id!', cell_type: 'markdown', metadata: {}, source: '' }] },
      { ...nb, extra: true },
    ];
    for (const b of broken) assert.equal(validate(b), false, JSON.stringify(b).slice(0, 120));
  });
});

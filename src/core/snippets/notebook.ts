import { normalizeNewlines } from './noteBlocks';
import type { PythonBlock } from './pythonBlocks';

/** The parts of an nbformat 4.5 notebook this writer makes. */
export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

export type NotebookCell =
  | { id: string; cell_type: 'markdown'; metadata: Record<string, unknown>; source: string[] }
  | { id: string; cell_type: 'code'; metadata: Record<string, unknown>; source: string[]; execution_count: null; outputs: [] };

export interface NoteForNotebook {
  /** The note's markdown as it is stored. */
  markdown: string;
  /** Its Python blocks, from notePythonBlocks(markdown). */
  blocks: readonly PythonBlock[];
  topicId: string;
  title: string;
}

/**
 * A note as a Jupyter notebook (nbformat 4.5): the text between top-level Python blocks becomes
 * markdown cells (math, code in other languages and nested blocks stay markdown), each top-level
 * Python block a code cell with no outputs. Nothing is run or added: the notebook says what the
 * note says, and Jupyter renders its $…$ math itself.
 */
export function noteToNotebook(note: NoteForNotebook): Notebook {
  const lines = normalizeNewlines(note.markdown).split('\n');
  const cells: NotebookCell[] = [];
  const markdownCell = (from: number, to: number) => {
    const text = trimBlankLines(lines.slice(from, to));
    if (text) cells.push({ id: `cell-${cells.length + 1}`, cell_type: 'markdown', metadata: {}, source: sourceLines(text) });
  };
  let at = 0;
  for (const block of note.blocks) {
    if (!block.topLevel || block.start < at) continue;
    markdownCell(at, block.start);
    const metadata = block.noRun ? { tags: ['no-run'] } : {};
    cells.push({ id: `cell-${cells.length + 1}`, cell_type: 'code', metadata, source: sourceLines(block.code.replace(/\n$/, '')), execution_count: null, outputs: [] });
    at = block.end;
  }
  markdownCell(at, lines.length);
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
      ai_roadmap: { topic: note.topicId, title: note.title },
    },
    cells,
  };
}

/** The file's text: JSON with one-space indents and a final newline, as Jupyter writes it. */
export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** nbformat's multiline string: lines that keep their "\n", the last without one. */
function sourceLines(text: string): string[] {
  if (!text) return [];
  const parts = text.split('\n');
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line)).filter((l) => l !== '');
}

function trimBlankLines(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a].trim()) a++;
  while (b > a && !lines[b - 1].trim()) b--;
  return lines.slice(a, b).join('\n');
}

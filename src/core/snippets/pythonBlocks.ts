/**
 * The fenced Python blocks of a note, numbered in document order: the notes panel numbers its
 * rendered blocks the same way (a `code.language-python` or `language-py` element per fence), so
 * a block index from the page names the same code here. The page sends only that index; the code
 * to run is always taken from the extension's copy of the note.
 */
export interface PythonBlock {
  /** 0-based, in document order. */
  index: number;
  code: string;
  /** 0-based lines of the note: the opening fence, and the line after the closing one. */
  start: number;
  end: number;
  /** Not inside a list or a quote: a notebook can make it a cell of its own. */
  topLevel: boolean;
  /** The info string says `no-run`: the block needs a download or a GPU (the snippet check skips it). */
  noRun: boolean;
}

/** The languages that make a fence runnable Python, as its info string's first word (any case). */
export const PYTHON_LANGUAGES: readonly string[] = ['python', 'py'];

export function isPythonLanguage(lang: string): boolean {
  return PYTHON_LANGUAGES.includes(lang.toLowerCase());
}

/** What a markdown-it fence token carries that matters here (structural, so the core needs no markdown-it types). */
export interface FenceLike {
  type: string;
  info: string;
  content: string;
  map: [number, number] | null;
  level: number;
}

/** markdown-it's language name of a fence: the info string's first word, as its renderer takes it. */
export function fenceLanguage(info: string): string {
  return info.trim().split(/\s+/)[0] ?? '';
}

export function pythonBlocksFrom(tokens: readonly FenceLike[]): PythonBlock[] {
  const blocks: PythonBlock[] = [];
  for (const t of tokens) {
    if (t.type !== 'fence' || !isPythonLanguage(fenceLanguage(t.info))) continue;
    const [start, end] = t.map ?? [0, 0];
    blocks.push({ index: blocks.length, code: t.content, start, end, topLevel: t.level === 0, noRun: /(^|\s)no-run(\s|$)/.test(t.info) });
  }
  return blocks;
}

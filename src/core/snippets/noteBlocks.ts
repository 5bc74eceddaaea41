import katexPlugin from '@vscode/markdown-it-katex';
import MarkdownIt from 'markdown-it';
import { pythonBlocksFrom, type PythonBlock } from './pythonBlocks';

let parser: MarkdownIt.MarkdownIt | undefined;

/**
 * The Python blocks of a note, parsed as the notes renderer parses it (the same block rules,
 * math included, so a fence inside $$ … $$ is no block here either), but only at the block level:
 * inline parsing cannot make or hide a fence, and skipping it keeps this linear and cheap.
 * Line endings are normalised first, as markdown-it does, so `start` and `end` count the lines
 * of `normalizeNewlines(markdown)`.
 */
export function notePythonBlocks(markdown: string): PythonBlock[] {
  parser ??= new MarkdownIt({ html: false }).use(katexPlugin).disable(['inline']);
  return pythonBlocksFrom(parser.parse(normalizeNewlines(markdown), {}));
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

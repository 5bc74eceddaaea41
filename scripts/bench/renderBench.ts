import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import katexPlugin from '@vscode/markdown-it-katex';
import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import { ms, type Row } from './measure';

/** A 5,000-word note with math and code, built from the roadmap's own notes. */
export function longNote(root: string): { text: string; words: number } {
  const files = ['foundations/linear-algebra', 'foundations/calculus', 'deep-learning/optimizers', 'cnn-rnn-transformer/attention-mechanism', 'foundation-models/peft-lora', 'multimodal-generative/diffusion-models'];
  let text = '';
  for (const f of files) {
    text += `${readFileSync(join(root, 'roadmap', 'notes', `${f}.md`), 'utf8')}\n\n`;
    if (text.split(/\s+/).length >= 5000) break;
  }
  return { text, words: text.split(/\s+/).filter(Boolean).length };
}

/** Our renderer beside bare markdown-it with the same plugins (KaTeX, anchors, highlight.js) on the same text. */
export async function renderRows(root: string): Promise<Row[]> {
  const { text, words } = longNote(root);
  const ours = createNotesRenderer();
  hljs.registerLanguage('python', python);
  const bare = new MarkdownIt({ html: false, linkify: true });
  bare.options.highlight = (code: string, lang: string) => (hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang }).value : '');
  bare.use(katexPlugin).use(anchor);
  // Both share markdown-it's code: warm both up before timing either, then alternate.
  for (let i = 0; i < 10; i++) {
    ours(text);
    bare.render(text);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 21; i++) {
    let t0 = performance.now();
    ours(text);
    a.push(performance.now() - t0);
    t0 = performance.now();
    bare.render(text);
    b.push(performance.now() - t0);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const t = median(a);
  const floor = median(b);
  return [{ figure: `render a ${words.toLocaleString('en')}-word note (math + code)`, value: ms(t), floor: ms(floor), ratio: `${(t / floor).toFixed(2)}x`, goal: '< 20 ms, ratio < 1.5' }];
}

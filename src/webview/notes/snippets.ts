// Runnable notes, the page's side: a Run (Stop while it runs) and a Copy to Workspace button on
// each Python block, its output under it, and Open as Notebook. The page sends block numbers only;
// every text it shows goes in with textContent, and figures are images the extension names.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { fenceLanguage, isPythonLanguage } from '../../core/snippets/pythonBlocks';
import { announce } from '../shared/announce';
import { el } from '../shared/dom';
import type { BlockRunState, FromNotesPanel, ShownFigure, ToNotesPanel } from './protocol';

type Post = (m: FromNotesPanel) => void;
type SnippetMessage = Extract<ToNotesPanel, { type: 'snippetStarted' | 'snippetOutput' | 'snippetEnded' | 'snippetRuns' }>;

/** The rendered Python blocks in document order: the same numbering as the extension's (pythonBlocks.ts). */
function pythonBlocks(notes: Element): HTMLPreElement[] {
  return [...notes.querySelectorAll('pre > code')].filter((code) => [...code.classList].some((c) => c.startsWith('language-') && isPythonLanguage(fenceLanguage(c.slice(9))))).map((code) => code.parentElement as HTMLPreElement);
}

/** Adds the buttons and output areas to a topic's rendered notes, and Open as Notebook beside its links. */
export function decorateSnippets(root: HTMLElement, topicId: string, post: Post): void {
  const notes = root.querySelector('.notes');
  if (!notes) return;
  const blocks = pythonBlocks(notes);
  blocks.forEach((pre, block) => {
    const n = block + 1;
    const run = button('Run', `Run Python block ${n}`, `run:${block}`, () => post({ type: (run.dataset.running ? 'stopSnippet' : 'runSnippet') as 'runSnippet', id: topicId, block }));
    run.classList.add('snippet-run');
    const copy = button('Copy to Workspace', `Copy to Workspace: Python block ${n}, as a .py file`, `copy:${block}`, () => post({ type: 'copySnippet', id: topicId, block }), true);
    const output = el('div', { cls: 'snippet-output', attrs: { hidden: '', 'aria-label': `Output of Python block ${n}`, role: 'region' } });
    const wrapper = el('div', { cls: 'snippet', attrs: { 'data-block': String(block) } }, el('div', { cls: 'snippet-actions' }, run, copy), output);
    pre.replaceWith(wrapper);
    wrapper.insertBefore(pre, output);
  });
  if (!blocks.length) return;
  const section = el(
    'section',
    { cls: 'snippet-notebook', attrs: { 'aria-label': 'Run the code' } },
    el('h2', { text: 'Run the code' }),
    el('p', { text: `This note has ${blocks.length === 1 ? 'one Python block' : `${blocks.length} Python blocks`}. Run each where it stands, or open the whole note as a Jupyter notebook in your workspace.` }),
    el('p', {}, button('Open as Notebook', 'Open as Notebook: this note as a Jupyter notebook in the workspace', 'notebook', () => post({ type: 'openNotebook', id: topicId }))),
  );
  const links = root.querySelector('.topic-links');
  if (links) links.before(section);
  else notes.after(section);
}

/** Shows a run's messages; false for any other message. */
export function handleSnippetMessage(root: HTMLElement, msg: ToNotesPanel): msg is SnippetMessage {
  if (!isSnippetMessage(msg)) return false;
  if (root.dataset.topic !== msg.id) return true; // a run of a topic no longer shown
  if (msg.type === 'snippetRuns') {
    for (const state of msg.runs) restore(root, state);
    return true;
  }
  const parts = partsOf(root, msg.block);
  if (!parts) return true;
  if (msg.type === 'snippetStarted') {
    if (!parts.run.dataset.running) {
      parts.log.replaceChildren();
      parts.figures.replaceChildren();
      parts.summary.textContent = '';
      parts.summary.className = 'snippet-summary';
      announce(`Running Python block ${msg.block + 1}`);
    }
    setRunning(parts, true, msg.interpreter);
  } else if (msg.type === 'snippetOutput') {
    append(parts.log, msg.stream, msg.text);
  } else {
    end(parts, msg.block, msg.outcome, msg.summary, msg.figures, true);
  }
  return true;
}

function isSnippetMessage(msg: ToNotesPanel): msg is SnippetMessage {
  return msg.type === 'snippetStarted' || msg.type === 'snippetOutput' || msg.type === 'snippetEnded' || msg.type === 'snippetRuns';
}

interface Parts {
  output: HTMLElement;
  run: HTMLElement;
  header: HTMLElement;
  log: HTMLElement;
  figures: HTMLElement;
  summary: HTMLElement;
}

/** The output area of a block, made on first use: who ran it, the text, the figures, how it ended. */
function partsOf(root: HTMLElement, block: number): Parts | undefined {
  const wrapper = root.querySelector<HTMLElement>(`.snippet[data-block="${block}"]`);
  const output = wrapper?.querySelector<HTMLElement>('.snippet-output');
  const run = wrapper?.querySelector<HTMLElement>('.snippet-run');
  if (!output || !run) return undefined;
  if (!output.firstChild) {
    output.append(
      el('p', { cls: 'snippet-interpreter' }),
      el('pre', { cls: 'snippet-log', attrs: { tabindex: '0', 'aria-label': `Output of Python block ${block + 1}` } }),
      el('div', { cls: 'snippet-figures' }),
      el('p', { cls: 'snippet-summary' }),
    );
  }
  const [header, log, figures, summary] = [...output.children] as HTMLElement[];
  return { output, run, header, log, figures, summary };
}

function setRunning(parts: Parts, running: boolean, interpreter: string) {
  parts.output.hidden = false;
  if (interpreter) parts.header.textContent = `Python: ${interpreter}`;
  const n = Number(parts.run.closest<HTMLElement>('.snippet')?.dataset.block) + 1;
  if (running) {
    parts.log.hidden = false;
    parts.run.dataset.running = 'true';
    parts.run.textContent = 'Stop';
    parts.run.setAttribute('aria-label', `Stop Python block ${n}`);
    parts.output.setAttribute('aria-busy', 'true');
  } else {
    delete parts.run.dataset.running;
    parts.run.textContent = 'Run';
    parts.run.setAttribute('aria-label', `Run Python block ${n}`);
    parts.output.removeAttribute('aria-busy');
  }
}

/** Output is text: a span per stream piece, so errors can look different (and say so in words at the end). */
function append(log: HTMLElement, stream: 'stdout' | 'stderr' | 'note', text: string) {
  const last = log.lastElementChild as HTMLElement | null;
  if (last?.dataset.stream === stream) last.append(text);
  else log.append(el('span', { cls: `snippet-${stream}`, text, attrs: { 'data-stream': stream } }));
}

const OUTCOME_WORDS: Record<string, string> = { ok: 'Done', failed: 'Error', timeout: 'Time limit', cancelled: 'Stopped', refused: 'Not run' };

function end(parts: Parts, block: number, outcome: string, summary: string, figures: ShownFigure[], say: boolean) {
  setRunning(parts, false, '');
  parts.summary.className = `snippet-summary outcome-${outcome}`;
  parts.summary.replaceChildren(el('strong', { text: `${OUTCOME_WORDS[outcome] ?? outcome}: ` }), summary);
  parts.figures.replaceChildren(
    ...figures.map((f) => el('figure', {}, el('img', { attrs: { src: f.src, alt: `Figure ${f.name}, saved by Python block ${block + 1}` } }), el('figcaption', { text: f.name }))),
  );
  parts.log.hidden = !parts.log.textContent;
  if (say) announce(`Python block ${block + 1}: ${OUTCOME_WORDS[outcome] ?? outcome}. ${summary}`);
}

/** A run as it stands, after the page was rebuilt. */
function restore(root: HTMLElement, s: BlockRunState) {
  const parts = partsOf(root, s.block);
  if (!parts) return;
  parts.log.replaceChildren();
  if (s.output) append(parts.log, 'stdout', s.output);
  setRunning(parts, s.running, s.interpreter);
  if (!s.running && s.outcome) end(parts, s.block, s.outcome, s.summary ?? '', s.figures, false);
}

function button(text: string, label: string, focusKey: string, onClick: () => void, secondary = false): HTMLElement {
  const b = el('vscode-button', { text, attrs: { 'aria-label': label, 'data-focus-key': focusKey } });
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', onClick);
  return b;
}

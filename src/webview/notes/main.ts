// Front end of the notes panel: renders what the extension sends and reports the learner's
// actions back. It owns no state but its scroll position (kept with setState).
import { STATUS_LABELS } from '../../core/progress/statusWords';
import { announce } from '../shared/announce';
import { focusWhenShown } from '../shared/keepFocus';
import { isNotesPanelState, isToNotesPanel, type FromNotesPanel, type NotesPanelState } from './protocol';
import { vscodeApi } from '../shared/vscodeApi';
import { renderLayer, renderTopic, updateStatus } from './renderTopic';
import { decorateSnippets, handleSnippetMessage } from './snippets';

const vscode = vscodeApi<FromNotesPanel, NotesPanelState>();
const root = document.getElementById('root')!;
const post = (m: FromNotesPanel) => vscode.postMessage(m);
let restoreScroll = isNotesPanelState(vscode.getState()) ? vscode.getState()!.scrollY : 0;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToNotesPanel(msg)) return console.warn('AI Roadmap: ignored a message the panel does not understand', msg);
  if (msg.type === 'feedback') return announce(msg.text);
  if (handleSnippetMessage(root, msg)) return;
  if (msg.type === 'scrollTo') {
    const heading = document.getElementById(msg.anchor);
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.setAttribute('tabindex', '-1');
    focusWhenShown(heading);
    return saveState();
  }
  if (msg.type === 'status') {
    if (updateStatus(root, msg.id, msg.status)) announce(`${document.title}: ${STATUS_LABELS[msg.status]}`);
    return;
  }
  // A refresh of the same topic keeps the reader's place and focus; another topic takes the focus
  // to its heading when the focus was in the page (a keyboard user followed a link). A page
  // without the focus keeps an activeElement too: only `hasFocus` tells, and focusing then would
  // pull the focus out of a quick pick the learner has open over the panel and close it.
  const same = root.dataset.topic === msg.view.id;
  const scrollY = same ? window.scrollY : restoreScroll;
  const focusKey = document.hasFocus() && root.contains(document.activeElement) ? ((document.activeElement as HTMLElement).dataset.focusKey ?? '') : undefined;
  root.dataset.topic = msg.view.id;
  root.replaceChildren(msg.view.kind === 'topic' ? renderTopic(msg.view, post) : renderLayer(msg.view, post));
  if (msg.view.kind === 'topic') decorateSnippets(root, msg.view.id, post);
  document.title = msg.view.title;
  window.scrollTo(0, scrollY);
  if (focusKey !== undefined) {
    const again = same && focusKey ? root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`) : null;
    (again ?? root.querySelector<HTMLElement>('h1'))?.focus();
  }
  restoreScroll = 0;
  saveState();
});

// Every link leaves through the extension, which checks its scheme; in-page anchors scroll.
document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a');
  if (!a) return;
  event.preventDefault();
  const href = a.getAttribute('href') ?? '';
  if (href.startsWith('#')) document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
  else if (href) post({ type: 'openLink', href });
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(saveState, 150);
});

function saveState() {
  if (root.dataset.topic) vscode.setState({ id: root.dataset.topic, scrollY: window.scrollY });
}

// Announce readiness only now, so the extension never posts into a page that is not listening.
post({ type: 'ready' });

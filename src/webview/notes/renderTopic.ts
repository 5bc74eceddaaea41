import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { STATUS_LABELS, type FromNotesPanel, type LayerView, type Status, type TopicRef, type TopicView } from '../protocol';
import { el, linkButton, parseTrustedHtml } from '../shared/dom';

type Post = (m: FromNotesPanel) => void;
const STATUSES = Object.keys(STATUS_LABELS) as Status[];

export function renderTopic(view: TopicView, post: Post): HTMLElement {
  const open = (t: TopicRef) => () => post({ type: 'open', id: t.id });
  const header = el(
    'header',
    { cls: 'topic-header' },
    el('p', { cls: 'context' }, linkButton(`Layer ${view.layer.number} · ${view.layer.title}`, () => post({ type: 'open', id: view.layer.id }))),
    el('h1', { text: view.title, attrs: { id: 'topic-title' } }),
    view.hours ? el('p', { cls: 'meta', text: `About ${view.hours} hours` }) : undefined,
    statusControl(view.id, view.status, post),
  );
  const notes = el('article', { cls: 'notes', attrs: { 'aria-labelledby': 'topic-title' } }, ...parseTrustedHtml(view.notesHtml));
  markPaperReferences(notes, view, post);

  const aside = el('section', { cls: 'topic-links', attrs: { 'aria-label': 'Prerequisites, exercises and resources' } });
  if (view.prerequisites.length) {
    aside.append(el('h2', { text: 'Prerequisites' }), list(view.prerequisites.map((p) => [linkButton(p.title, open(p)), el('span', { cls: `badge status-${p.status}`, text: STATUS_LABELS[p.status] })])));
  }
  if (view.exercises.length) {
    aside.append(
      el('h2', { text: 'Exercises' }),
      list(
        view.exercises.map((x) => [
          el('span', { text: x.title, cls: 'exercise-title' }),
          el('span', { cls: 'meta', text: ` ${x.difficulty}${x.hours ? ` · ${x.hours} h` : ''} · ${STATUS_LABELS[x.status]} ` }),
          button('Scaffold', `Scaffold exercise ${x.title}`, () => post({ type: 'exercise', action: 'scaffold', id: x.id })),
          button('Check', `Check exercise ${x.title}`, () => post({ type: 'exercise', action: 'check', id: x.id }), true),
        ]),
      ),
    );
  }
  if (view.resources.length) {
    aside.append(
      el('h2', { text: 'Resources' }),
      list(view.resources.map((r) => [linkButton(r.title, () => post({ type: 'openLink', href: r.url }), `${r.title} (${r.kind}, opens in browser)`), el('span', { cls: 'meta', text: ` ${r.kind}${r.free === false ? ' · paid' : ''}` })])),
    );
  }
  aside.append(el('h2', { text: 'My notes' }), el('p', {}, button(view.hasMyNotes ? 'Open my notes' : 'Start my notes', 'Open my notes for this topic in an editor', () => post({ type: 'openMyNotes', id: view.id }), true)));

  const nav = el(
    'nav',
    { cls: 'prev-next', attrs: { 'aria-label': 'Previous and next topic' } },
    view.previous ? linkButton(`← ${view.previous.title}`, open(view.previous), `Previous topic: ${view.previous.title}`) : el('span'),
    view.next ? linkButton(`${view.next.title} →`, open(view.next), `Next topic: ${view.next.title}`) : el('span'),
  );
  return el('div', { cls: 'topic' }, header, notes, aside, nav);
}

export function renderLayer(view: LayerView, post: Post): HTMLElement {
  return el(
    'div',
    { cls: 'layer' },
    el('p', { cls: 'context', text: `Layer ${view.number}` }),
    el('h1', { text: view.title }),
    el('p', { cls: 'goal', text: `Goal: ${view.goal}` }),
    view.summary ? el('p', { cls: 'summary', text: view.summary }) : undefined,
    el('p', { cls: 'meta', text: `${view.done} of ${view.total} topics done` }),
    el('h2', { text: 'Topics' }),
    list(view.topics.map((t) => [linkButton(t.title, () => post({ type: 'open', id: t.id })), el('span', { cls: `badge status-${t.status}`, text: STATUS_LABELS[t.status] })])),
  );
}

/** Beside each arXiv reference in the notes' References list: one click adds it to the Papers view. */
function markPaperReferences(notes: HTMLElement, view: TopicView, post: Post) {
  const heading = [...notes.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'References');
  const list = heading?.nextElementSibling;
  if (!list || !view.paperRefs) return;
  const items = [...list.querySelectorAll('li')];
  for (const ref of view.paperRefs) {
    const li = items.find((item) => (item.textContent ?? '').replace(/\s+/g, ' ').includes(ref.arxivId));
    if (!li) continue;
    const label = ref.title.length > 80 ? `${ref.title.slice(0, 80)}…` : ref.title;
    li.append(
      ' ',
      ref.listed
        ? el('span', { cls: 'badge paper-listed', text: 'In your papers', attrs: { 'data-arxiv': ref.arxivId } })
        : button('Add to Papers', `Add "${label}" to your papers`, () => post({ type: 'addPaper', id: view.id, arxivId: ref.arxivId }), true),
    );
  }
}

function statusControl(id: string, current: Status, post: Post): HTMLElement {
  const group = el('vscode-radio-group', { cls: 'status-control', attrs: { 'aria-label': 'Status of this topic' } });
  for (const s of STATUSES) {
    const radio = el('vscode-radio', { text: STATUS_LABELS[s], attrs: { name: 'status', value: s, 'data-status': s } });
    radio.checked = s === current;
    radio.addEventListener('change', () => {
      if (radio.checked) post({ type: 'setStatus', id, status: s });
    });
    group.append(radio);
  }
  return el('div', { cls: 'status-row' }, el('span', { cls: 'status-label', text: 'Status:' }), group);
}

/** Reflects a status changed elsewhere, without re-rendering the page or moving the scroll. */
export function updateStatus(root: HTMLElement, id: string, status: Status) {
  const group = root.querySelector('.status-control');
  if (!group || root.dataset.topic !== id) return;
  for (const radio of group.querySelectorAll('vscode-radio')) radio.checked = radio.getAttribute('data-status') === status;
}

function list(rows: Array<Array<Node>>): HTMLUListElement {
  return el('ul', {}, ...rows.map((cells) => el('li', {}, ...cells)));
}

function button(text: string, label: string, onClick: () => void, secondary = false): HTMLElement {
  const b = el('vscode-button', { text, attrs: { 'aria-label': label } });
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', onClick);
  return b;
}

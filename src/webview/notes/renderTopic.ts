import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { STATUSES, type Status } from '../../core/progress/progressModel';
import { STATUS_LABELS } from '../../core/progress/statusWords';
import { readLine, type MasteryLine } from '../../core/progress/mastery';
import { el, linkButton, parseTrustedHtml } from '../shared/dom';
import type { FromNotesPanel, LayerView, TopicRef, TopicView } from './protocol';

type Post = (m: FromNotesPanel) => void;

export function renderTopic(view: TopicView, post: Post): HTMLElement {
  const open = (t: TopicRef) => () => post({ type: 'open', id: t.id });
  const header = el(
    'header',
    { cls: 'topic-header' },
    el(
      'p',
      { cls: 'context' },
      keyed(linkButton(`Layer ${view.layer.number} · ${view.layer.title}`, () => post({ type: 'open', id: view.layer.id })), 'layer'),
      // A sub-topic names its topic, one click away.
      ...(view.parent ? [el('span', { text: ' › ', attrs: { 'aria-hidden': 'true' } }), keyed(linkButton(view.parent.title, open(view.parent), `Topic: ${view.parent.title}`), 'parent')] : []),
    ),
    view.parent ? el('p', { cls: 'meta kind', text: 'Sub-topic' }) : undefined,
    el('h1', { text: view.title, attrs: { id: 'topic-title', tabindex: '-1' } }),
    view.hours ? el('p', { cls: 'meta', text: `About ${view.hours} hours` }) : undefined,
    statusControl(view.id, view.status, post),
    masteryRow(view, post),
  );
  const notes = el('article', { cls: 'notes', attrs: { 'aria-labelledby': 'topic-title' } }, ...parseTrustedHtml(view.notesHtml));
  markPaperReferences(notes, view, post);

  const aside = el('section', { cls: 'topic-links', attrs: { 'aria-label': 'Sub-topics, prerequisites, exercises and resources' } });
  if (view.subtopics?.length) {
    aside.append(el('h2', { text: 'Sub-topics' }), list(view.subtopics.map((t) => statusLink(t, open(t)))));
  }
  if (view.prerequisites.length) {
    aside.append(el('h2', { text: 'Prerequisites' }), list(view.prerequisites.map((p) => [keyed(linkButton(p.title, open(p)), `open:${p.id}`), el('span', { cls: `badge status-${p.status}`, text: STATUS_LABELS[p.status] })])));
  }
  if (view.exercises.length) {
    aside.append(
      el('h2', { text: 'Exercises' }),
      list(
        view.exercises.map((x) => [
          el('span', { text: x.title, cls: 'exercise-title' }),
          el('span', { cls: 'meta', text: ` ${x.difficulty}${x.hours ? ` · ${x.hours} h` : ''} · ${STATUS_LABELS[x.status]} ` }),
          keyed(button('Scaffold', `Scaffold exercise ${x.title}`, () => post({ type: 'exercise', action: 'scaffold', id: x.id })), `scaffold:${x.id}`),
          keyed(button('Check', `Check exercise ${x.title}`, () => post({ type: 'exercise', action: 'check', id: x.id }), true), `check:${x.id}`),
        ]),
      ),
    );
  }
  if (view.resources.length) {
    aside.append(
      el('h2', { text: 'Resources' }),
      list(
        view.resources.map((r) => {
          const kind = r.kindWords ?? r.kind;
          return [linkButton(r.title, () => post({ type: 'openLink', href: r.url }), `${r.title} (${kind}, opens in browser)`), el('span', { cls: `meta resource-kind kind-${r.kind}`, text: ` ${kind}${r.free === false ? ' · paid' : ''}` })];
        }),
      ),
    );
  }
  const myNotes = view.hasMyNotes ? 'Open my notes' : 'Start my notes';
  // The accessible name starts with the visible words, so speech input ("click Start my notes") finds it.
  aside.append(el('h2', { text: 'My notes' }), el('p', {}, keyed(button(myNotes, `${myNotes} for this topic, in an editor`, () => post({ type: 'openMyNotes', id: view.id }), true), 'my-notes')));

  const nav = el(
    'nav',
    { cls: 'prev-next', attrs: { 'aria-label': 'Previous and next topic' } },
    view.previous ? keyed(linkButton(`← ${view.previous.title}`, open(view.previous), `Previous topic: ${view.previous.title}`), 'previous') : el('span'),
    view.next ? keyed(linkButton(`${view.next.title} →`, open(view.next), `Next topic: ${view.next.title}`), 'next') : el('span'),
  );
  return el('div', { cls: 'topic' }, header, notes, aside, nav);
}

export function renderLayer(view: LayerView, post: Post): HTMLElement {
  return el(
    'div',
    { cls: 'layer' },
    el('p', { cls: 'context', text: `Layer ${view.number}` }),
    el('h1', { text: view.title, attrs: { tabindex: '-1' } }),
    view.goal ? el('p', { cls: 'goal', text: `Goal: ${view.goal}` }) : undefined,
    view.summary ? el('p', { cls: 'summary', text: view.summary }) : undefined,
    el('p', { cls: 'meta', text: view.progressText ?? `${view.done} of ${view.total} topics done` }),
    el('h2', { text: 'Topics' }),
    list(
      view.topics.map((t) => {
        const open = () => post({ type: 'open', id: t.id });
        // Sub-topics as a nested list under their topic.
        return t.subtopics?.length ? [...statusLink(t, open), list(t.subtopics.map((x) => statusLink(x, () => post({ type: 'open', id: x.id }))))] : statusLink(t, open);
      }),
    ),
  );
}

/** Read, quizzed, verified, each with a mark and words; and the topic's quiz and due reviews. */
function masteryRow(view: TopicView, post: Post): HTMLElement {
  const row = el(
    'div',
    { cls: 'mastery-row' },
    el('ul', { cls: 'mastery', attrs: { 'aria-label': 'Mastery of this topic' } }, ...(view.mastery ?? []).map(masteryItem)),
  );
  if (view.quiz) {
    const q = view.quiz;
    row.append(
      el(
        'p',
        { cls: 'quiz-links' },
        // Each accessible name starts with the visible words, so speaking them finds the button.
        keyed(button(`Take the quiz (${q.items} questions)`, `Take the quiz (${q.items} questions) of this topic, in the quiz panel`, () => post({ type: 'quiz', id: view.id, mode: 'quiz' })), 'quiz'),
        q.due ? keyed(button(`Review ${q.due} due`, `Review ${q.due} due: the quiz cards of this topic due today`, () => post({ type: 'quiz', id: view.id, mode: 'review' }), true), 'review') : undefined,
      ),
    );
  }
  return row;
}

/** A link to a topic with its status beside it. */
function statusLink(t: TopicRef, onClick: () => void): Node[] {
  return [keyed(linkButton(t.title, onClick), `open:${t.id}`), el('span', { cls: `badge status-${t.status}`, text: STATUS_LABELS[t.status] })];
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
  const group = el('vscode-radio-group', { cls: 'status-control', attrs: { 'aria-label': 'Status of this topic', 'data-focus-key': 'status', 'data-status': current } });
  // The group checks a radio on an arrow key without a change event (only click and Space send
  // one), so the checked radio is read after either, and a new status is sent once.
  const commit = () => {
    const s = [...group.querySelectorAll('vscode-radio')].find((r) => r.checked)?.getAttribute('data-status') as Status | undefined;
    if (!s || s === group.dataset.status) return;
    group.dataset.status = s;
    post({ type: 'setStatus', id, status: s });
  };
  for (const s of STATUSES) {
    const radio = el('vscode-radio', { text: STATUS_LABELS[s], attrs: { name: 'status', value: s, 'data-status': s } });
    radio.checked = s === current;
    radio.addEventListener('change', commit);
    group.append(radio);
  }
  group.addEventListener('keydown', (e) => {
    if (e.key.startsWith('Arrow')) window.setTimeout(commit, 0);
  });
  return el('div', { cls: 'status-row' }, el('span', { cls: 'status-label', text: 'Status:' }), group);
}

/** Reflects a status changed elsewhere, without re-rendering the page or moving the scroll; true if shown. */
export function updateStatus(root: HTMLElement, id: string, status: Status): boolean {
  const group = root.querySelector<HTMLElement>('.status-control');
  if (!group || root.dataset.topic !== id) return false;
  group.dataset.status = status;
  for (const radio of group.querySelectorAll('vscode-radio')) radio.checked = radio.getAttribute('data-status') === status;
  // "Read" follows the status; quizzed and verified do not.
  root.querySelector('.mastery-row [data-fact="read"]')?.replaceWith(masteryItem(readLine(status === 'done')));
  return true;
}

function masteryItem(l: MasteryLine): HTMLLIElement {
  return el('li', { cls: l.met ? 'met' : 'unmet', attrs: { 'data-fact': l.fact } }, el('span', { cls: 'icon', text: l.met ? '✓' : '○', attrs: { 'aria-hidden': 'true' } }), ` ${l.text}`);
}

/** Marks a control so a refresh of the same topic gives it the focus back. */
function keyed<T extends HTMLElement>(node: T, key: string): T {
  node.dataset.focusKey = key;
  return node;
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

// Front end of the quiz panel: shows one question, sends what the learner gave, and shows the
// verdict the extension sends back. Keyboard first: number keys pick options (or self-grade an
// explain item), Enter submits and then moves on. It never sees an answer before submitting.
import { SELF_GRADES, type QuizResponse, type SelfGrade } from '../../core/quiz/grading';
import { announce } from '../shared/announce';
import { el, parseTrustedHtml } from '../shared/dom';
import { focusWhenShown } from '../shared/keepFocus';
import { vscodeApi } from '../shared/vscodeApi';
import { isToQuizPanel, type FeedbackView, type FromQuizPanel, type QuestionView, type QuizPanelState, type SummaryView } from './protocol';

const vscode = vscodeApi<FromQuizPanel, QuizPanelState>();
const root = document.getElementById('root')!;
const post = (m: FromQuizPanel) => vscode.postMessage(m);

const GRADE_LABELS: Record<SelfGrade, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** What the keyboard does now: set by whichever screen is shown. */
let onDigit: ((n: number) => void) | undefined;
let onEnter: (() => void) | undefined;
let current: QuestionView | undefined;

function showQuestion(q: QuestionView) {
  current = q;
  vscode.setState(q.mode === 'quiz' ? { mode: 'quiz', topicId: q.topicId } : { mode: 'review', topicId: undefined });
  const header = el(
    'header',
    { cls: 'quiz-header' },
    el('p', { cls: 'context', text: `${q.mode === 'quiz' ? 'Quiz' : 'Review'} · ${q.topicTitle} · question ${q.position} of ${q.count}` }),
    el('h1', { attrs: { id: 'question', tabindex: '-1', 'data-kind': q.kind } }, ...parseTrustedHtml(q.questionHtml)),
  );
  const form = el('form', { cls: 'answer', attrs: { 'aria-labelledby': 'question' } });
  const error = el('p', { cls: 'invalid', attrs: { id: 'invalid', role: 'alert' } });
  const submit = el('button', { cls: 'primary', text: 'Check answer', attrs: { type: 'submit', id: 'submit' } });
  let respond: () => QuizResponse | undefined;
  onDigit = undefined;

  if (q.kind === 'single' || q.kind === 'multiple') {
    const multiple = q.kind === 'multiple';
    const inputs = (q.optionsHtml ?? []).map((html, i) => {
      const input = el('input', { attrs: { type: multiple ? 'checkbox' : 'radio', name: 'option', id: `option-${i}`, value: String(i) } });
      const label = el('label', { attrs: { for: `option-${i}` } }, el('span', { cls: 'key', text: String(i + 1), attrs: { 'aria-hidden': 'true' } }), el('span', { cls: 'option-text' }, ...parseTrustedHtml(html)));
      form.append(el('div', { cls: 'option' }, input, label));
      return input;
    });
    form.prepend(el('p', { cls: 'hint', text: multiple ? 'Choose every right option (number keys toggle them), then press Enter.' : 'Choose one option (press its number), then press Enter.' }));
    onDigit = (n) => {
      const input = inputs[n - 1];
      if (!input) return;
      input.checked = multiple ? !input.checked : true;
      input.focus();
    };
    respond = () => {
      const picked = inputs.flatMap((x, i) => (x.checked ? [i] : []));
      if (!multiple) return picked.length ? { kind: 'single', choice: picked[0] } : undefined;
      return picked.length ? { kind: 'multiple', choices: picked } : undefined;
    };
  } else if (q.kind === 'numeric' || q.kind === 'short') {
    const input = el('input', { attrs: { type: 'text', id: 'response', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'invalid', 'aria-label': q.kind === 'numeric' ? `Your answer, a number${q.unit ? ` in ${q.unit}` : ''}` : 'Your answer' } });
    form.append(el('p', { cls: 'hint', text: q.kind === 'numeric' ? 'Type a number (0.25, 1e-3 and 1,000 are all read), then press Enter.' : 'Type a word or a phrase, then press Enter.' }), el('div', { cls: 'typed' }, input, q.unit ? el('span', { cls: 'unit', text: q.unit }) : undefined));
    respond = () => (input.value.trim() ? { kind: q.kind as 'numeric' | 'short', text: input.value } : undefined);
  } else {
    // explain: write an answer, see the model answer, grade yourself.
    const text = el('textarea', { attrs: { id: 'response', rows: '6', 'aria-label': 'Your answer, in your own words', 'aria-describedby': 'explain-hint' } });
    submit.textContent = 'Show model answer';
    form.append(el('p', { cls: 'hint', text: 'Write your answer, then press Ctrl+Enter (or the button) to see the model answer and grade yourself.', attrs: { id: 'explain-hint' } }), text);
    respond = () => undefined;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      text.readOnly = true;
      submit.disabled = true;
      post({ type: 'reveal', key: q.key });
    });
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
  }
  if (q.kind !== 'explain') {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const r = respond();
      if (!r) return showInvalid(q.kind === 'single' || q.kind === 'multiple' ? 'Choose an option first.' : 'Type an answer first.');
      submit.disabled = true;
      post({ type: 'answer', key: q.key, response: r });
    });
  }
  form.append(error, el('p', { cls: 'actions' }, submit));
  onEnter = () => form.requestSubmit();
  root.replaceChildren(header, form, el('section', { cls: 'feedback', attrs: { id: 'feedback', 'aria-live': 'polite' } }));
  focusWhenShown(root.querySelector<HTMLElement>('#response') ?? root.querySelector<HTMLElement>('input') ?? header.querySelector('h1'));
}

/** The model answer of an explain item, and the four self-grades (keys 1 to 4). */
function showReveal(answerHtml: string) {
  const q = current;
  if (!q) return;
  const grades = el('div', { cls: 'grades', attrs: { role: 'group', 'aria-label': 'How well did you answer? Keys 1 to 4' } });
  const text = (root.querySelector('#response') as HTMLTextAreaElement | null)?.value ?? '';
  const send = (grade: SelfGrade) => {
    grades.querySelectorAll('button').forEach((b) => (b.disabled = true));
    post({ type: 'answer', key: q.key, response: { kind: 'explain', text, grade } });
  };
  SELF_GRADES.forEach((g, i) => {
    const b = el('button', { cls: g === 'good' ? 'primary' : 'secondary', attrs: { type: 'button', 'data-grade': g } }, el('span', { cls: 'key', text: String(i + 1), attrs: { 'aria-hidden': 'true' } }), ` ${GRADE_LABELS[g]}`);
    b.addEventListener('click', () => send(g));
    grades.append(b);
  });
  root.querySelector('#feedback')!.replaceChildren(
    el('h2', { text: 'Model answer' }),
    el('div', { cls: 'model-answer' }, ...parseTrustedHtml(answerHtml)),
    el('p', { cls: 'hint', text: 'Compare it with yours, then grade yourself: 1 Again (missed it), 2 Hard, 3 Good, 4 Easy.' }),
    grades,
  );
  onDigit = (n) => (n >= 1 && n <= 4 ? send(SELF_GRADES[n - 1]) : undefined);
  onEnter = undefined;
  focusWhenShown(grades.querySelector<HTMLElement>('[data-grade="good"]'));
  announce('Model answer shown. Grade yourself with keys 1 to 4.');
}

function showFeedback(f: FeedbackView) {
  const box = root.querySelector('#feedback');
  if (!box || current?.key !== f.key) return;
  root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('form input, form textarea, form button').forEach((x) => (x.disabled = true));
  const verdict = f.correct ? 'Right' : 'Not right';
  const next = el('button', { cls: 'primary', text: f.last ? 'Finish' : 'Next question', attrs: { type: 'button', id: 'next' } });
  next.addEventListener('click', () => post({ type: 'next' }));
  const actions = el('p', { cls: 'actions' }, next);
  if (!f.correct) {
    const section = el('button', { cls: 'secondary', text: f.hasSection ? 'Show the section' : 'Open the notes', attrs: { type: 'button', id: 'show-section' } });
    section.addEventListener('click', () => (f.hasSection ? post({ type: 'showSection', key: f.key }) : post({ type: 'openNotes', topicId: current!.topicId })));
    actions.append(section);
  }
  box.replaceChildren(
    el('div', { cls: `verdict ${f.correct ? 'right' : 'wrong'}`, attrs: { 'data-correct': String(f.correct) } }, el('span', { cls: 'icon', text: f.correct ? '✓' : '✗', attrs: { 'aria-hidden': 'true' } }), el('strong', { text: verdict })),
    el('div', { cls: 'right-answer' }, el('span', { cls: 'label', text: current?.kind === 'explain' ? 'Model answer: ' : 'Answer: ' }), ...parseTrustedHtml(f.answerHtml)),
    el('div', { cls: 'explanation' }, el('h2', { text: 'Why' }), ...parseTrustedHtml(f.explanationHtml)),
    actions,
  );
  onDigit = undefined;
  onEnter = () => post({ type: 'next' });
  focusWhenShown(next);
  announce(`${verdict}. ${box.querySelector('.explanation')?.textContent?.replace(/^Why/, '').trim().slice(0, 300) ?? ''}`);
}

function showInvalid(message: string) {
  const error = root.querySelector('#invalid');
  if (error) error.textContent = message;
  const submit = root.querySelector<HTMLButtonElement>('#submit');
  if (submit) submit.disabled = false;
}

function showSummary(s: SummaryView) {
  current = undefined;
  const buttons = el('p', { cls: 'actions' });
  const button = (text: string, onClick: () => void, primary = false) => {
    const b = el('button', { cls: primary ? 'primary' : 'secondary', text, attrs: { type: 'button' } });
    b.addEventListener('click', onClick);
    buttons.append(b);
    return b;
  };
  const first = s.dueLeft > 0 ? button(`Review ${s.dueLeft} due`, () => post({ type: 'restart', mode: 'review' }), true) : undefined;
  if (s.mode === 'quiz') button('Take the quiz again', () => post({ type: 'restart', mode: 'quiz' }), !first);
  if (s.topicId) button('Open the notes', () => post({ type: 'openNotes', topicId: s.topicId! }));
  root.replaceChildren(
    el('h1', { text: s.title, attrs: { tabindex: '-1' } }),
    el('p', { cls: 'score', text: `${s.right} of ${s.answered} right.`, attrs: { 'data-fact': 'score' } }),
    el('p', { cls: 'meta', text: s.dueLeft ? `${s.dueLeft} card${s.dueLeft === 1 ? '' : 's'} still to review today.` : 'Nothing more to review today.', attrs: { 'data-fact': 'due-left' } }),
    ...(s.mastery ? [el('h2', { text: 'Mastery' }), masteryList(s.mastery)] : []),
    buttons,
  );
  onDigit = undefined;
  onEnter = undefined;
  focusWhenShown(root.querySelector<HTMLElement>('h1'));
  announce(`${s.title} finished: ${s.right} of ${s.answered} right.`);
}

function masteryList(lines: NonNullable<SummaryView['mastery']>): HTMLElement {
  return el('ul', { cls: 'mastery' }, ...lines.map((l) => el('li', { cls: l.met ? 'met' : 'unmet', attrs: { 'data-fact': l.fact } }, el('span', { cls: 'icon', text: l.met ? '✓' : '○', attrs: { 'aria-hidden': 'true' } }), ` ${l.text}`)));
}

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement | null;
  const typing = target?.tagName === 'TEXTAREA' || (target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text');
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  if (!typing && /^[1-9]$/.test(e.key) && onDigit) {
    e.preventDefault();
    onDigit(Number(e.key));
    return;
  }
  // Enter on a button presses that button; elsewhere (an option, the page) it submits or moves on.
  if (e.key === 'Enter' && target?.tagName !== 'BUTTON' && target?.tagName !== 'TEXTAREA' && onEnter) {
    e.preventDefault();
    onEnter();
  }
});

// Links in questions and explanations leave through the extension, which checks them; anchors are the note's.
document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a');
  if (a) event.preventDefault();
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToQuizPanel(msg)) return console.warn('AI Roadmap: ignored a message the quiz panel does not understand', msg);
  switch (msg.type) {
    case 'question':
      return showQuestion(msg.view);
    case 'reveal':
      return current?.key === msg.key ? showReveal(msg.answerHtml) : undefined;
    case 'feedback':
      return showFeedback(msg.view);
    case 'invalid':
      return current?.key === msg.key ? showInvalid(msg.message) : undefined;
    case 'summary':
      return showSummary(msg.view);
    case 'empty':
      current = undefined;
      onDigit = onEnter = undefined;
      root.replaceChildren(el('h1', { text: msg.title, attrs: { tabindex: '-1' } }), el('p', { cls: 'empty', text: msg.message }));
      return focusWhenShown(root.querySelector<HTMLElement>('h1'));
  }
});

post({ type: 'ready' });

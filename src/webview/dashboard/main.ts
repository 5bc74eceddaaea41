// Front end of the dashboard: draws what the extension sends; owns no state.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { isToDashboard, type DashboardData, type FromDashboard } from './protocol';
import { el, linkButton } from '../shared/dom';
import '../shared/keepFocus';
import { vscodeApi } from '../shared/vscodeApi';
import { bar, burnDownChart, ring, weekChart } from './charts';

const vscode = vscodeApi<FromDashboard, undefined>();
const root = document.getElementById('root')!;
const post = (m: FromDashboard) => vscode.postMessage(m);

function render(d: DashboardData) {
  const overallLabel = `${d.overall.done} of ${d.overall.total} topics done, ${d.overall.percent} percent`;
  const totalDone = d.weeks.reduce((n, w) => n + w.count, 0);
  const weeksLabel = `Topics done per week over the last ${d.weeks.length} weeks: ${totalDone} in all`;
  // A refresh (progress changed elsewhere) gives the focus back to the same control.
  // Only when the page has the focus: focusing otherwise would close a quick pick open over it.
  const focusKey = document.hasFocus() && root.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.focusKey : undefined;
  root.replaceChildren(
    el('h1', { text: 'Progress' }),
    el('p', { cls: 'meta', text: d.title }),
    el(
      'section',
      { cls: 'summary-row', attrs: { 'aria-label': 'Summary' } },
      ring(d.overall.percent, overallLabel),
      el(
        'dl',
        { cls: 'facts' },
        el('dt', { text: 'Topics done' }), el('dd', { text: `${d.overall.done} / ${d.overall.total}`, attrs: { 'data-fact': 'done' } }),
        el('dt', { text: 'Current streak' }), el('dd', { text: `${d.streakDays} day${d.streakDays === 1 ? '' : 's'}`, attrs: { 'data-fact': 'streak' } }),
        el('dt', { text: 'Hours left' }), el('dd', { text: d.hoursLeftText ?? `${d.hoursLeft} h`, attrs: { 'data-fact': 'hours' } }),
        el('dt', { text: 'In progress' }), el('dd', { text: String(d.overall.inProgress) }),
      ),
    ),
    el('h2', { text: 'Layers' }),
    el(
      'ul',
      { cls: 'layers' },
      ...d.layers.map((l) =>
        el(
          'li',
          {},
          keyed(linkButton(`${l.number}. ${l.title}`, () => post({ type: 'open', id: l.id })), `layer:${l.id}`),
          bar(l.tally.percent, `${l.title}: ${l.tally.done} of ${l.tally.total} done`),
          el('span', { cls: 'meta', text: `${l.tally.done}/${l.tally.total} · ${l.tally.percent}%` }),
        ),
      ),
    ),
    el('h2', { text: 'Check-offs per week' }),
    weekChart(d.weeks, weeksLabel, 'topic', 'check-offs'),
    // The same numbers as a table, for screen readers and for reading exact values.
    el(
      'table',
      { cls: 'visually-hidden' },
      el('caption', { text: weeksLabel }),
      el('tr', {}, el('th', { text: 'Week of' }), el('th', { text: 'Topics done' })),
      ...d.weeks.map((w) => el('tr', {}, el('td', { text: w.start }), el('td', { text: String(w.count) }))),
    ),
    ...reviewSection(d),
    ...masterySection(d),
    ...(d.papers ? papersSection(d.papers) : []),
    ...planSection(d),
    el('h2', { text: 'Next topics' }),
    d.next.length
      ? el('ol', { cls: 'next' }, ...d.next.map((n) => el('li', {}, keyed(linkButton(n.title, () => post({ type: 'open', id: n.id })), `next:${n.id}`), el('span', { cls: 'meta', text: ` ${n.layer}${n.hours ? ` · ${n.hours} h` : ''}` }))))
      : el('p', { text: 'Every topic is done or skipped. Congratulations!' }),
    el('p', {}, keyed(button('Show Next Topics', () => post({ type: 'command', command: 'showNextTopics' })), 'show-next'), keyed(button('Go to Topic...', () => post({ type: 'command', command: 'goToTopic' }), true), 'go-to-topic')),
  );
  if (focusKey) root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
}

function keyed<T extends HTMLElement>(node: T, key: string): T {
  node.dataset.focusKey = key;
  return node;
}

const PASSES = [
  ['first-pass', 'First'],
  ['second-pass', 'Second'],
  ['third-pass', 'Third'],
  ['done', 'Done'],
] as const;

/** Papers per month and their passes, as a table: exact numbers, read well by screen readers. */
function papersSection(p: NonNullable<DashboardData['papers']>): HTMLElement[] {
  return [
    el('h2', { text: 'Papers' }),
    el(
      'dl',
      { cls: 'facts' },
      el('dt', { text: 'Reading list' }), el('dd', { text: `${p.total} paper${p.total === 1 ? '' : 's'}, ${p.done} done`, attrs: { 'data-fact': 'papers' } }),
      el('dt', { text: 'Research streak' }), el('dd', { text: `${p.streakMonths} month${p.streakMonths === 1 ? '' : 's'}`, attrs: { 'data-fact': 'paper-streak' } }),
    ),
    el(
      'table',
      { cls: 'papers-months' },
      el('caption', { text: 'Papers added and passes made per month' }),
      el('tr', {}, el('th', { text: 'Month' }), el('th', { text: 'Added' }), ...PASSES.map(([, label]) => el('th', { text: label }))),
      ...p.months.map((m) => el('tr', {}, el('td', { text: m.month }), el('td', { text: String(m.added) }), ...PASSES.map(([k]) => el('td', { text: String(m.passes[k]) })))),
    ),
  ];
}

/** Quiz reviews: what is due, how much was reviewed, how much was kept, and what is coming. */
function reviewSection(d: DashboardData): Element[] {
  const r = d.review;
  if (!r) return [];
  const total = r.perDay.reduce((n, x) => n + x.count, 0);
  const perDayLabel = `Quiz answers per day over the last ${r.perDay.length} days: ${total} in all`;
  const forecastLabel = `Review cards due on each of the next ${r.forecast.length} days (the first day holds today's and the overdue ones)`;
  const table = (caption: string, head: string, rows: Array<{ day: string; count: number }>) =>
    el('table', { cls: 'visually-hidden' }, el('caption', { text: caption }), el('tr', {}, el('th', { text: 'Day' }), el('th', { text: head })), ...rows.map((x) => el('tr', {}, el('td', { text: x.day }), el('td', { text: String(x.count) }))));
  return [
    el('h2', { text: 'Reviews' }),
    el(
      'dl',
      { cls: 'facts' },
      el('dt', { text: 'To review today' }), el('dd', { text: String(r.dueToday), attrs: { 'data-fact': 'due' } }),
      el('dt', { text: 'Retention (30 days)' }), el('dd', { text: r.retention ? `${r.retention.percent}% right at the first try (${r.retention.answered} cards)` : 'no answers yet', attrs: { 'data-fact': 'retention' } }),
      el('dt', { text: 'Answers (30 days)' }), el('dd', { text: String(total), attrs: { 'data-fact': 'reviews' } }),
    ),
    r.dueToday ? el('p', {}, keyed(button(`Review ${r.dueToday} due`, () => post({ type: 'command', command: 'review' })), 'review')) : el('span'),
    el('h3', { text: 'Answers per day' }),
    weekChart(r.perDay.map((x) => ({ start: x.day, count: x.count })), perDayLabel, 'answer', 'reviews-per-day'),
    table(perDayLabel, 'Answers', r.perDay),
    el('h3', { text: 'Due in the next 14 days' }),
    weekChart(r.forecast.map((x) => ({ start: x.day, count: x.count })), forecastLabel, 'card due', 'forecast'),
    table(forecastLabel, 'Cards due', r.forecast),
  ];
}

/** Per layer, three bars kept apart: topics read, quizzed (80% right) and verified (exercises pass). */
function masterySection(d: DashboardData): Element[] {
  if (!d.mastery) return [];
  const pct = (n: number, of: number) => (of === 0 ? 0 : Math.floor((n / of) * 100));
  return [
    el('h2', { text: 'Mastery' }),
    el('p', { cls: 'meta', text: 'Read: marked done. Quizzed: the last answers right on 80% of its quiz. Verified: its exercises pass their tests. Done never counts as verified.' }),
    el(
      'ul',
      { cls: 'mastery-layers' },
      ...d.mastery.map((m) =>
        el(
          'li',
          { attrs: { 'data-layer': m.id } },
          el('span', { cls: 'mastery-title', text: `${m.number}. ${m.title}` }),
          ...([
            ['read', 'Read', m.read, m.topics],
            ['quizzed', 'Quizzed', m.quizzed, m.quizzable],
            ['verified', 'Verified', m.verified, m.verifiable],
          ] as const).map(([fact, label, n, of]) =>
            el(
              'span',
              { cls: `mastery-fact ${fact}`, attrs: { 'data-fact': fact } },
              el('span', { cls: 'mastery-label', text: label }),
              bar(pct(n, of), `${m.title}: ${n} of ${of} topics ${fact}`),
              el('span', { cls: 'meta', text: of ? `${n}/${of}` : 'none' }),
            ),
          ),
        ),
      ),
    ),
  ];
}

/** The burn-down of the study plan, or an offer to start one. */
function planSection(d: DashboardData): Element[] {
  const heading = el('h2', { text: 'Study plan' });
  if (!d.plan) return [heading, el('p', {}, el('span', { text: 'No study plan yet. ' }), button('Start Study Plan...', () => post({ type: 'command', command: 'startStudyPlan' }), true))];
  const p = d.plan;
  const label = `Hours left, planned against actual, week by week: ${p.summary}`;
  return [
    heading,
    el('p', { text: p.summary, attrs: { 'data-fact': 'plan' } }),
    ...(p.estimateNote ? [el('p', { cls: 'meta', text: p.estimateNote, attrs: { 'data-fact': 'plan-estimate' } })] : []),
    burnDownChart(p.weeks, p.totalHours, label),
    el('p', { cls: 'legend' }, el('span', { cls: 'planned', text: 'planned' }), el('span', { cls: 'actual', text: 'actual' }), el('span', { text: `projected finish ${p.projectedFinishLabel}` , attrs: { 'data-fact': 'finish' } })),
    el(
      'table',
      { cls: 'visually-hidden' },
      el('caption', { text: label }),
      el('tr', {}, el('th', { text: 'Week of' }), el('th', { text: 'Planned hours left' }), el('th', { text: 'Actual hours left' })),
      ...p.weeks.map((w) => el('tr', {}, el('td', { text: w.start }), el('td', { text: String(w.planned) }), el('td', { text: w.actual === undefined ? '' : String(w.actual) }))),
    ),
  ];
}

function button(text: string, onClick: () => void, secondary = false) {
  const b = el('vscode-button', { text });
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', onClick);
  return b;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isToDashboard(event.data)) render(event.data.data);
  else console.warn('AI Roadmap: ignored a message the dashboard does not understand', event.data);
});
post({ type: 'ready' });

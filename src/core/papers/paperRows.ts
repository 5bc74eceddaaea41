/**
 * What the Papers view shows, as plain rows: the month's checklist, then the papers grouped by
 * pass. The editor adapter only turns these into tree items.
 */
import { checklist, HABIT_LABELS, monthStreak, type OffsetAt, localOffset, monthKey } from './monthlyHabit';
import { PAPER_STATUS_LABELS, PAPER_STATUSES, type Paper, type PaperStatus, type ResearchState } from './paperModel';

export type PaperNode = { kind: 'month'; month: string } | { kind: 'habit'; item: 'feed' | 'labs' | 'papers' } | { kind: 'group'; status: PaperStatus } | { kind: 'paper'; id: string };

export interface PaperRow {
  node: PaperNode;
  label: string;
  description?: string;
  tooltip?: string;
  checked?: boolean;
  expandable: boolean;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthTitle(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

export function paperRows(state: ResearchState, parent: PaperNode | undefined, now: Date, perMonth: number, offset: OffsetAt = localOffset): PaperRow[] {
  const month = monthKey(now, offset);
  if (!parent) {
    const c = checklist(state, month, perMonth, offset);
    const streak = monthStreak(state, now, perMonth, offset);
    const monthRow: PaperRow = {
      node: { kind: 'month', month },
      label: `This month: ${monthTitle(month)}`,
      description: `${c.complete ? 'done' : `${[c.feed, c.labs, c.papersRead >= c.papersGoal].filter(Boolean).length} of 3`} · streak ${streak} month${streak === 1 ? '' : 's'}`,
      expandable: true,
    };
    const groups = PAPER_STATUSES.flatMap((status): PaperRow[] => {
      const n = papersIn(state, status).length;
      return n ? [{ node: { kind: 'group', status }, label: PAPER_STATUS_LABELS[status], description: String(n), expandable: true }] : [];
    });
    return [monthRow, ...groups];
  }
  if (parent.kind === 'month') {
    const c = checklist(state, month, perMonth, offset);
    return [
      { node: { kind: 'habit', item: 'feed' }, label: HABIT_LABELS.feed, checked: c.feed, expandable: false },
      { node: { kind: 'habit', item: 'labs' }, label: HABIT_LABELS.labs, checked: c.labs, expandable: false },
      { node: { kind: 'habit', item: 'papers' }, label: `Read ${perMonth} paper${perMonth === 1 ? '' : 's'}`, description: `${c.papersRead} of ${perMonth} so far (a pass counts)`, checked: c.papersRead >= perMonth, expandable: false },
    ];
  }
  if (parent.kind === 'group') {
    return papersIn(state, parent.status).map((p) => ({
      node: { kind: 'paper', id: p.id },
      label: p.title,
      description: [p.authors[0] && `${p.authors[0]}${p.authors.length > 1 ? ' et al.' : ''}`, p.published?.slice(0, 4), ...p.tags.map((t) => `#${t}`)].filter(Boolean).join(' · '),
      tooltip: tooltip(p),
      expandable: false,
    }));
  }
  return [];
}

function papersIn(state: ResearchState, status: PaperStatus): Paper[] {
  return Object.values(state.papers)
    .filter((p) => p.status === status)
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
}

function tooltip(p: Paper): string {
  const lines = [p.title, p.authors.slice(0, 8).join(', ') + (p.authors.length > 8 ? ', et al.' : ''), [p.arxivId && `arXiv:${p.arxivId}`, p.doi && `doi:${p.doi}`, p.published].filter(Boolean).join(' · ')];
  lines.push(`${PAPER_STATUS_LABELS[p.status]} · added ${p.added.slice(0, 10)}${p.passes.length ? ` · last change ${p.passes[p.passes.length - 1].at.slice(0, 10)}` : ''}`);
  if (p.abstract) lines.push('', p.abstract.length > 600 ? `${p.abstract.slice(0, 600)}…` : p.abstract);
  return lines.filter((l) => l !== undefined).join('\n');
}

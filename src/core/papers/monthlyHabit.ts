/**
 * The monthly research habit of layer 8: scan a feed, look at two labs' news, read N papers.
 * Months are the learner's local months: callers pass the UTC offset (in minutes) in force at
 * each instant, so a paper read at 23:30 on the 31st counts where the learner lives.
 */
import type { MonthChecks, ResearchState } from './paperModel';

export type OffsetAt = (d: Date) => number;
/** The host's time zone. */
export const localOffset: OffsetAt = (d) => -d.getTimezoneOffset();

export function monthKey(d: Date, offset: OffsetAt = localOffset): string {
  const local = new Date(d.getTime() + offset(d) * 60_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function dayOfMonth(d: Date, offset: OffsetAt = localOffset): number {
  return new Date(d.getTime() + offset(d) * 60_000).getUTCDate();
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export type HabitItem = 'feed' | 'labs' | 'papers';
export const HABIT_LABELS: Record<HabitItem, string> = {
  feed: 'Scan a feed (arXiv listings, arxiv-sanity, Hugging Face Daily Papers)',
  labs: "Look at two labs' news",
  papers: 'Read papers',
};

export interface MonthChecklist {
  month: string;
  feed: boolean;
  labs: boolean;
  papersRead: number;
  papersGoal: number;
  complete: boolean;
}

/** Papers read in a month: those that got at least one pass (any move past "to read") in it. */
export function papersReadIn(state: ResearchState, month: string, offset: OffsetAt = localOffset): number {
  let n = 0;
  for (const p of Object.values(state.papers)) if (p.passes.some((e) => e.status !== 'to-read' && monthKey(new Date(e.at), offset) === month)) n++;
  return n;
}

export function checklist(state: ResearchState, month: string, papersGoal: number, offset: OffsetAt = localOffset): MonthChecklist {
  const c: MonthChecks = state.months[month] ?? {};
  const papersRead = papersReadIn(state, month, offset);
  return { month, feed: !!c.feed, labs: !!c.labs, papersRead, papersGoal, complete: !!c.feed && !!c.labs && papersRead >= papersGoal };
}

export function setCheck(state: ResearchState, month: string, item: 'feed' | 'labs', done: boolean, now: Date): ResearchState {
  const cur = { ...(state.months[month] ?? {}) };
  if (done === !!cur[item]) return state;
  if (done) cur[item] = now.toISOString();
  else delete cur[item];
  return { ...state, months: { ...state.months, [month]: cur } };
}

/**
 * Complete months in a row, ending with this month, or with last month while this one is not
 * complete yet (a streak is not lost on the 1st).
 */
export function monthStreak(state: ResearchState, now: Date, papersGoal: number, offset: OffsetAt = localOffset): number {
  let month = monthKey(now, offset);
  if (!checklist(state, month, papersGoal, offset).complete) month = previousMonth(month);
  let n = 0;
  while (checklist(state, month, papersGoal, offset).complete && n < 1200) {
    n++;
    month = previousMonth(month);
  }
  return n;
}

/** The nudge shows during the first days of a month until its checklist is complete. */
export function shouldNudge(state: ResearchState, now: Date, papersGoal: number, days = 5, offset: OffsetAt = localOffset): boolean {
  return dayOfMonth(now, offset) <= days && !checklist(state, monthKey(now, offset), papersGoal, offset).complete;
}

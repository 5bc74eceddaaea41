/** Papers per month and their passes, for the dashboard. */
import { monthKey, monthStreak, previousMonth, localOffset, type OffsetAt } from './monthlyHabit';
import type { PaperStatus, ResearchState } from './paperModel';

export interface PapersMonth {
  month: string;
  added: number;
  passes: Record<Exclude<PaperStatus, 'to-read'>, number>;
}

export interface PapersSummary {
  months: PapersMonth[];
  streakMonths: number;
  total: number;
  done: number;
}

/** The last `count` local months, oldest first; a pass counts in the month it was made. */
export function papersPerMonth(state: ResearchState | undefined, now: Date, count = 12, offset: OffsetAt = localOffset): PapersMonth[] {
  const keys: string[] = [monthKey(now, offset)];
  while (keys.length < count) keys.unshift(previousMonth(keys[0]));
  const rows = new Map(keys.map((month) => [month, { month, added: 0, passes: { 'first-pass': 0, 'second-pass': 0, 'third-pass': 0, done: 0 } } as PapersMonth]));
  for (const p of Object.values(state?.papers ?? {})) {
    const added = rows.get(monthKey(new Date(p.added), offset));
    if (added) added.added++;
    for (const e of p.passes) {
      const row = rows.get(monthKey(new Date(e.at), offset));
      if (row && e.status !== 'to-read') row.passes[e.status]++;
    }
  }
  return keys.map((k) => rows.get(k)!);
}

/** The dashboard's Papers section. */
export function papersSummary(state: ResearchState | undefined, now: Date, perMonth: number, months = 6, offset: OffsetAt = localOffset): PapersSummary {
  const papers = Object.values(state?.papers ?? {});
  return {
    months: papersPerMonth(state, now, months, offset),
    streakMonths: state ? monthStreak(state, now, perMonth, offset) : 0,
    total: papers.length,
    done: papers.filter((p) => p.status === 'done').length,
  };
}

import type { PapersSummary } from '../papers/paperStats';
import { burnDown, type BurnDown } from '../plan/planSummary';
import { planMonthsOf, topicStateOf } from '../plan/planInput';
import { computeSchedule } from '../plan/schedule';
import type { RoadmapIndex } from '../roadmapIndex';
import { daysBetween, localDayKey, localDayOf, plusDays, weekStartOf, type WeekStart } from '../time/localDates';
import type { RoadmapProgress } from '../progress/progressModel';
import { hoursLeft, layerTally, nextTopics, overallTally, unestimatedLeft, type Tally } from '../progress/progressStats';
import { layerMastery, type LayerMastery } from '../progress/mastery';
import { dueCounts, dueForecast, retention, reviewsPerDay } from '../review/reviewStats';

export interface DashboardData {
  title: string;
  overall: Tally;
  layers: Array<{ id: string; number: number; title: string; tally: Tally }>;
  /** Topics checked off per week, oldest first; the last entry is the current week. */
  weeks: Array<{ start: string; count: number }>;
  streakDays: number;
  next: Array<{ id: string; title: string; layer: string; hours?: number }>;
  hoursLeft: number;
  /** The reading list: papers per month and their passes (src/core/papers). */
  papers?: PapersSummary;
  /** Topics left that have no estimate: their hours are not in `hoursLeft`. */
  unestimatedLeft: number;
  /** "12 h", "unknown" or "at least 12 h, 3 topics without an estimate": never 0 h for hours nobody gave. */
  hoursLeftText?: string;
  /** Planned against actual hours, when the learner has a study plan. */
  plan?: BurnDown;
  /** Quiz reviews: due today, answers per day (30 days), retention and the 14-day forecast. */
  review: {
    dueToday: number;
    perDay: Array<{ day: string; count: number }>;
    retention?: { percent: number; answered: number };
    forecast: Array<{ day: string; count: number }>;
  };
  /** Per layer, its topics read, quizzed and verified (core/progress/mastery.ts). */
  mastery: Array<{ id: string; number: number; title: string } & LayerMastery>;
}

/** Everything the dashboard draws, from the roadmap, the progress and the clock, in local days. */
export function dashboardData(index: RoadmapIndex, progress: RoadmapProgress | undefined, now: Date, weeks = 12, weekStartsOn: WeekStart = 1): DashboardData {
  const plan = progress?.plan && index.roadmap.plan
    ? burnDown(computeSchedule({ months: planMonthsOf(index), plan: progress.plan, state: topicStateOf(progress), now, weekStartsOn }))
    : undefined;
  const left = hoursLeft(index, progress);
  const unknown = unestimatedLeft(index, progress);
  return {
    title: index.roadmap.title,
    overall: overallTally(index, progress),
    layers: index.roadmap.layers.map((l) => ({ id: l.id, number: l.number, title: l.title, tally: layerTally(l, progress) })),
    weeks: weeklyCheckOffs(progress, now, weeks, weekStartsOn),
    streakDays: streak(progress, now),
    next: nextTopics(index, progress, 5).map((id) => {
      const t = index.topic(id)!;
      return { id, title: t.title, layer: index.layerOf(id)?.title ?? '', hours: t.hours };
    }),
    hoursLeft: left,
    unestimatedLeft: unknown,
    hoursLeftText: hoursLeftText(left, unknown),
    ...(plan ? { plan } : {}),
    review: {
      dueToday: dueCounts(index, progress, now).total,
      perDay: reviewsPerDay(progress, now, 30),
      ...(retention(progress, now, 30) ? { retention: retention(progress, now, 30) } : {}),
      forecast: dueForecast(index, progress, now, 14),
    },
    mastery: index.roadmap.layers.map((l) => ({ id: l.id, number: l.number, title: l.title, ...layerMastery(l, progress) })),
  };
}

/** Hours left in words: an estimate nobody gave is unknown, not zero. */
export function hoursLeftText(hours: number, unestimated: number): string {
  const h = `${Math.round(hours * 10) / 10} h`;
  if (unestimated === 0) return h;
  if (hours === 0) return 'unknown';
  return `at least ${h}, ${unestimated} topic${unestimated === 1 ? '' : 's'} without an estimate`;
}

/** Local days on which a topic was marked done. */
function doneDays(progress: RoadmapProgress | undefined): Set<string> {
  const days = new Set<string>();
  for (const e of progress?.history ?? []) if (e.kind === 'topic' && e.to === 'done') days.add(localDayKey(new Date(e.at)));
  return days;
}

/** Topics marked done in each of the last `weeks` local weeks (starting on `weekStartsOn`). */
export function weeklyCheckOffs(progress: RoadmapProgress | undefined, now: Date, weeks: number, weekStartsOn: WeekStart = 1): Array<{ start: string; count: number }> {
  const first = plusDays(weekStartOf(now, weekStartsOn), -7 * (weeks - 1));
  const counts = Array.from({ length: weeks }, (_, i) => ({ start: localDayKey(plusDays(first, 7 * i)), count: 0 }));
  for (const e of progress?.history ?? []) {
    if (e.kind !== 'topic' || e.to !== 'done') continue;
    const at = new Date(e.at);
    if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) continue;
    const week = Math.floor(daysBetween(localDayOf(at), first) / 7);
    if (week >= 0) counts[Math.min(weeks - 1, week)].count++;
  }
  return counts;
}

/** Consecutive local days with a check-off, ending today, or yesterday if today has none yet. */
export function streak(progress: RoadmapProgress | undefined, now: Date): number {
  const days = doneDays(progress);
  let day = localDayOf(now);
  if (!days.has(localDayKey(day))) day = plusDays(day, -1);
  let n = 0;
  while (days.has(localDayKey(day))) {
    n++;
    day = plusDays(day, -1);
  }
  return n;
}

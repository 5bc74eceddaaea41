import type { PapersSummary } from '../papers/paperStats';
import type { RoadmapIndex } from '../roadmapIndex';
import type { RoadmapProgress } from './progressModel';
import { hoursLeft, layerTally, nextTopics, overallTally, type Tally } from './progressStats';

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
}

const DAY = 86_400_000;
const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/** Everything the dashboard draws, from the roadmap, the progress and the clock. */
export function dashboardData(index: RoadmapIndex, progress: RoadmapProgress | undefined, now: Date, weeks = 12): DashboardData {
  return {
    title: index.roadmap.title,
    overall: overallTally(index, progress),
    layers: index.roadmap.layers.map((l) => ({ id: l.id, number: l.number, title: l.title, tally: layerTally(l, progress) })),
    weeks: weeklyCheckOffs(progress, now, weeks),
    streakDays: streak(progress, now),
    next: nextTopics(index, progress, 5).map((id) => {
      const t = index.topic(id)!;
      return { id, title: t.title, layer: index.layerOf(id)?.title ?? '', hours: t.hours };
    }),
    hoursLeft: hoursLeft(index, progress),
  };
}

/** Days on which a topic was marked done, as UTC day keys. */
function doneDays(progress: RoadmapProgress | undefined): Set<string> {
  const days = new Set<string>();
  for (const e of progress?.history ?? []) if (e.kind === 'topic' && e.to === 'done') days.add(e.at.slice(0, 10));
  return days;
}

/** Topics marked done in each of the last `weeks` weeks (weeks start on Monday, UTC). */
export function weeklyCheckOffs(progress: RoadmapProgress | undefined, now: Date, weeks: number): Array<{ start: string; count: number }> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY);
  const starts = Array.from({ length: weeks }, (_, i) => new Date(monday.getTime() - (weeks - 1 - i) * 7 * DAY));
  const counts = starts.map((s) => ({ start: dayKey(s), count: 0 }));
  const first = starts[0].getTime();
  for (const e of progress?.history ?? []) {
    if (e.kind !== 'topic' || e.to !== 'done') continue;
    const t = Date.parse(e.at);
    if (t < first || t > now.getTime()) continue;
    counts[Math.min(weeks - 1, Math.floor((t - first) / (7 * DAY)))].count++;
  }
  return counts;
}

/** Consecutive days with a check-off, ending today, or yesterday if today has none yet. */
export function streak(progress: RoadmapProgress | undefined, now: Date): number {
  const days = doneDays(progress);
  let day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (!days.has(dayKey(day))) day = new Date(day.getTime() - DAY);
  let n = 0;
  while (days.has(dayKey(day))) {
    n++;
    day = new Date(day.getTime() - DAY);
  }
  return n;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Roadmap } from '../../../src/core/model';
import type { PlanSettings } from '../../../src/core/plan/planSettings';
import { planMonthsOf } from '../../../src/core/plan/planInput';
import { computeSchedule, type PlanMonthInput, type Schedule, type TopicState } from '../../../src/core/plan/schedule';
import { RoadmapIndex } from '../../../src/core/roadmapIndex';
import { repoRoot } from './paths';

/** The built-in roadmap as the extension ships it (dist/roadmap.json, built by build:tests). */
export function builtInIndex(): RoadmapIndex {
  return new RoadmapIndex(JSON.parse(readFileSync(join(repoRoot, 'dist', 'roadmap.json'), 'utf8')) as Roadmap);
}

export function builtInMonths(): PlanMonthInput[] {
  return planMonthsOf(builtInIndex());
}

export function plan(over: Partial<PlanSettings> = {}): PlanSettings {
  return { start: '2027-01-01', hoursPerWeek: 10, weekdays: [1, 2, 3, 4, 5], pauses: [], updated: '2026-12-01T00:00:00.000Z', ...over };
}

/** A local instant: `new Date(y, m - 1, d, h)` in the process's time zone. */
export const local = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

export function schedule(months: readonly PlanMonthInput[], p: PlanSettings, now: Date, states: Record<string, TopicState> = {}, weekStartsOn: 0 | 1 = 1): Schedule {
  return computeSchedule({ months, plan: p, state: (id) => states[id] ?? { status: 'not-started' }, now, weekStartsOn });
}

/** Twelve months of `perMonth` topics of `hours` each. */
export function evenMonths(perMonth = 4, hours = 10): PlanMonthInput[] {
  return Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    title: `M${i + 1}`,
    milestone: `Milestone ${i + 1}`,
    topics: Array.from({ length: perMonth }, (_, j) => ({ id: `m${i + 1}t${j + 1}`, title: `Topic ${i + 1}.${j + 1}`, hours })),
  }));
}

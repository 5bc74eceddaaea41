import { createEvents, type EventAttributes } from 'ics';
import { planToIcs } from '../../src/core/plan/calendarExport';
import type { PlanSettings } from '../../src/core/plan/planSettings';
import { computeSchedule, type PlanMonthInput } from '../../src/core/plan/schedule';
import { medianMs, ms, type Row } from './measure';

/**
 * The study plan: a schedule of 10,000 topics over 60 months (five years), with a third of them
 * done and a pause, as the view and the dashboard compute it on every change. The floor is a
 * bare pass laying the same topics end to end. Then the calendar export of the
 * built-in-sized plan beside the bare ics library writing the same events.
 */
export async function planRows(): Promise<Row[]> {
  const months: PlanMonthInput[] = Array.from({ length: 60 }, (_, m) => ({
    month: m + 1, title: `Month ${m + 1}`, milestone: `Milestone ${m + 1}`,
    topics: Array.from({ length: 10_000 / 60 + (m < 10_000 % 60 ? 1 : 0) }, (_, i) => ({ id: `m${m}t${i}`, title: `Topic ${m}.${i}`, hours: 1 + ((m * 7 + i) % 9) })),
  }));
  const topics = months.flatMap((m) => m.topics);
  const done = new Set(topics.filter((_, i) => i % 3 === 0 && i < 4000).map((t) => t.id));
  const plan: PlanSettings = { start: '2026-01-05', hoursPerWeek: 10, weekdays: [1, 3, 5], pauses: [{ from: '2026-08-01', to: '2026-08-15' }], updated: '2026-01-01T00:00:00Z' };
  const now = new Date(2027, 5, 1, 12);
  const state = (id: string) => (done.has(id) ? { status: 'done' as const, at: '2026-06-01T10:00:00Z' } : { status: 'not-started' as const });
  const pace = computeSchedule({ months, plan, state, now, weekStartsOn: 1 }).intendedPace;
  const input = { months, plan: { ...plan, hoursPerWeek: pace }, state, now, weekStartsOn: 1 as const };
  const schedule = await medianMs(() => computeSchedule(input), 11);
  const weeks = computeSchedule(input).weeks;
  // The floor lays the same topics end to end in day numbers, with their weeks: the arithmetic
  // without the months, the pauses, the flags or the sums.
  const floor = await medianMs(() => {
    let day = 0;
    const out: Array<{ id: string; startDay: number; endDay: number; week: number }> = [];
    for (const t of topics) {
      if (done.has(t.id)) continue;
      const from = day;
      day += (t.hours ?? 0) * 0.7;
      out.push({ id: t.id, startDay: from, endDay: day, week: Math.floor(day / 7) });
    }
    return out;
  }, 11);

  // The calendar: ~18 h a week on three days over a year of ~90 topics.
  const small = months.slice(0, 12).map((m) => ({ ...m, topics: m.topics.slice(0, 8) }));
  const smallPlan = { ...plan, hoursPerWeek: 18, pauses: [] };
  const smallNow = new Date(2026, 0, 5, 8);
  const s = computeSchedule({ months: small, plan: smallPlan, state: () => ({ status: 'not-started' }), now: smallNow, weekStartsOn: 1 });
  const options = { roadmapId: 'bench', roadmapTitle: 'Bench', now: smallNow, timeZone: 'UTC', studyTime: { hour: 19, minute: 0 } };
  let events = 0;
  const ics = await medianMs(() => {
    const r = planToIcs(s, smallPlan, options);
    if (r.ok) events = r.blocks + r.milestones;
  }, 3);
  const bare: EventAttributes[] = Array.from({ length: events }, (_, i) => ({ uid: `u${i}`, title: 'Study', description: 'Topics', start: [2026, 1, 5 + (i % 28), 19, 0], duration: { hours: 6 } }));
  const icsFloor = await medianMs(() => createEvents(bare), 3);
  return [
    { figure: `plan: schedule of 10,000 topics over 60 months (${weeks} weeks)`, value: ms(schedule), floor: `bare pass: ${ms(floor)}`, ratio: `${(schedule / floor).toFixed(1)}x`, goal: '< 50 ms' },
    { figure: `plan: calendar export, ${events} events`, value: ms(ics), floor: `bare ics: ${ms(icsFloor)}`, ratio: `${(ics / icsFloor).toFixed(1)}x` },
  ];
}

import { daysBetween, longDate, parseLocalDay, plusDays, shortDate } from '../time/localDates';
import type { Schedule, ScheduledTopic } from './schedule';

/** "Week 7 of 52 · 3 h behind · finish around 14 Dec 2027". */
export function summaryLine(s: Schedule): string {
  const week = s.currentWeek < 0 ? `Starts ${longDate(parseLocalDay(s.start)!)}` : `Week ${s.currentWeek + 1} of ${s.weeks}`;
  const rounded = Math.round(s.behindHours);
  const pace = s.currentWeek < 0 ? undefined : rounded > 0 ? `${rounded} h behind` : rounded < 0 ? `${-rounded} h ahead` : 'on track';
  const finish = `finish around ${longDate(parseLocalDay(s.projectedFinish)!)}`;
  return [week, pace, s.paused ? 'paused' : undefined, finish].filter(Boolean).join(' · ');
}

/**
 * What the plan's hours rest on when estimates are missing, or undefined when every topic has
 * one: hours nobody gave are called unknown, and the assumption behind the dates is said.
 */
export function estimateNote(s: Pick<Schedule, 'topics' | 'unestimated' | 'assumedHours'>): string | undefined {
  if (!s.unestimated) return undefined;
  const h = `${Math.round(s.assumedHours * 10) / 10} h`;
  if (s.unestimated === s.topics.length) return `Hours unknown: no topic has an estimate, so the dates assume ${h} for each.`;
  const n = `${s.unestimated} topic${s.unestimated === 1 ? '' : 's'}`;
  return `Hours partly unknown: ${n} without an estimate; the dates assume ${h} for each (the mean of the others).`;
}

/** The first and last day of a week of the plan. */
export function weekDays(s: Schedule, week: number): { first: Date; last: Date } {
  const first = plusDays(parseLocalDay(s.firstWeekStart)!, week * 7);
  return { first, last: plusDays(first, 6) };
}

/** The local day by which a topic is due: the last day of its stretch. Worked out on demand, as few rows show it. */
export function dueDate(s: Schedule, t: ScheduledTopic): Date {
  return plusDays(parseLocalDay(s.start)!, Math.floor(Math.max(t.startDay, t.endDay - 1e-9)));
}

/** "3–9 Feb" (or "27 Jan – 2 Feb"). */
export function weekLabel(s: Schedule, week: number): string {
  const { first, last } = weekDays(s, week);
  return first.getMonth() === last.getMonth() ? `${first.getDate()}–${shortDate(last)}` : `${shortDate(first)} – ${shortDate(last)}`;
}

/** Planned topics whose stretch overlaps the current week, behind ones first. */
export function thisWeek(s: Schedule): ScheduledTopic[] {
  const weekStart = s.currentWeek * 7 - dayOffset(s);
  const weekEnd = weekStart + 7;
  return s.topics.filter((t) => t.planned && t.startDay < weekEnd && (t.endDay > weekStart || (t.endDay === t.startDay && t.startDay >= weekStart)));
}

/** The topic to work on now: the first planned one not yet done, behind or this week's. */
export function focusTopic(s: Schedule): ScheduledTopic | undefined {
  return s.topics.find((t) => t.planned && t.status !== 'done' && t.startDay <= (s.currentWeek + 1) * 7 - dayOffset(s));
}

/** Days between the first week's first day and the plan's start. */
function dayOffset(s: Schedule): number {
  return daysBetween(parseLocalDay(s.start)!, parseLocalDay(s.firstWeekStart)!);
}

export interface BurnDown {
  /** Hours left at the end of each week: planned, and actual up to the current week. */
  weeks: Array<{ start: string; planned: number; actual?: number }>;
  totalHours: number;
  projectedFinish: string;
  /** "14 Dec 2027". */
  projectedFinishLabel: string;
  plannedFinish: string;
  summary: string;
  /** Set when topics have no estimate: the hours are partly or wholly assumed. */
  estimateNote?: string;
}

const MAX_BURN_WEEKS = 520;

/**
 * Planned against actual hours left, week by week, from the plan's start to its end or today,
 * whichever is later. Topics are laid out one after another, so one pass with a pointer suffices.
 */
export function burnDown(s: Schedule): BurnDown {
  const planned = s.topics.filter((t) => t.planned);
  const offset = dayOffset(s);
  const lastWeek = Math.min(MAX_BURN_WEEKS - 1, Math.max(s.weeks - 1, s.currentWeek));
  const doneDays = planned.flatMap((t) => {
    const d = t.status === 'done' ? t.doneDay : undefined;
    return d === undefined ? [] : [{ day: d, hours: t.hours }];
  }).sort((a, b) => a.day - b.day);
  const weeks: BurnDown['weeks'] = [];
  let full = 0;
  let fullHours = 0;
  let d = 0;
  let doneHours = 0;
  for (let w = 0; w <= lastWeek; w++) {
    const end = (w + 1) * 7 - offset;
    while (full < planned.length && planned[full].endDay <= end) fullHours += planned[full++].hours;
    const partial = full < planned.length && planned[full].startDay < end ? (planned[full].hours * (end - planned[full].startDay)) / (planned[full].endDay - planned[full].startDay) : 0;
    while (d < doneDays.length && doneDays[d].day < end) doneHours += doneDays[d++].hours;
    const week = { start: weekLabelStart(s, w), planned: round1(s.plannedHours - fullHours - partial) };
    weeks.push(w <= s.currentWeek ? { ...week, actual: round1(s.plannedHours - doneHours) } : week);
  }
  const note = estimateNote(s);
  return { weeks, totalHours: round1(s.plannedHours), projectedFinish: s.projectedFinish, projectedFinishLabel: longDate(parseLocalDay(s.projectedFinish)!), plannedFinish: s.plannedFinish, summary: summaryLine(s), ...(note ? { estimateNote: note } : {}) };
}

function weekLabelStart(s: Schedule, w: number): string {
  return shortDate(weekDays(s, w).first);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

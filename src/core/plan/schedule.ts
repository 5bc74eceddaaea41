import { addMonths } from 'date-fns/addMonths';
import type { Status } from '../progress/progressModel';
import { daysBetween, localDayKey, localDayOf, parseLocalDay, plusDays, weekStartOf, type WeekStart } from '../time/localDates';
import type { PlanSettings } from './planSettings';

/**
 * The dated schedule of a study plan. Time is counted in days from the plan's start (local
 * midnight), fractions allowed, so daylight-saving days of 23 or 25 hours change nothing: a
 * day number becomes a date by adding calendar days.
 *
 * The plan's months set the rhythm. At the plan's own pace (its hours over its months, about
 * 18 h a week for the built-in plan) month N of the plan is the N-th calendar month from the
 * start. At another pace every month stretches or shrinks by the ratio of the two paces. Inside
 * a month each topic takes its share of the month by hours. Topics skipped, or done before the
 * plan started, free their share; paused days push everything after them.
 */
export interface PlanTopicInput {
  id: string;
  title: string;
  /** The topic's or sub-topic's own hours (each is scheduled on its own); undefined when the roadmap gives no estimate. */
  hours?: number;
}

export interface PlanMonthInput {
  month: number;
  title: string;
  milestone: string;
  topics: PlanTopicInput[];
}

export interface TopicState {
  status: Status;
  /** ISO instant of the last change, for done topics: when they were done. */
  at?: string;
}

export type TopicFlag = 'on-track' | 'behind' | 'ahead' | 'skipped';

export interface ScheduledTopic {
  id: string;
  title: string;
  month: number;
  hours: number;
  /** False when `hours` is the default for a topic the roadmap gives no estimate for. */
  estimated: boolean;
  status: Status;
  /** In the plan (false when skipped or done before the start). */
  planned: boolean;
  /** Day numbers from the start: the topic's planned stretch. */
  startDay: number;
  endDay: number;
  /** Day number on which it was done, for done topics. */
  doneDay?: number;
  /** Index of the week (from the start's week) in which the topic is due. */
  week: number;
  flag: TopicFlag;
}

export interface ScheduledMonth {
  month: number;
  title: string;
  milestone: string;
  start: string;
  /** The last day of the month's stretch: the milestone's target date. */
  target: string;
  hours: number;
  current: boolean;
  topics: ScheduledTopic[];
}

export interface Schedule {
  start: string;
  weekStartsOn: WeekStart;
  /** Local day on which week 0 begins. */
  firstWeekStart: string;
  /** Weeks from the first to the one in which the plan ends. */
  weeks: number;
  /** Index of the current week; negative before the plan starts. */
  currentWeek: number;
  months: ScheduledMonth[];
  topics: ScheduledTopic[];
  /** The plan's own pace, in hours per week: the pace at which months land on calendar months. */
  intendedPace: number;
  plannedHours: number;
  /** Hours the plan expected done by now, and hours done of planned topics. */
  dueHours: number;
  doneHours: number;
  /** Positive: behind by that many hours; negative: ahead. */
  behindHours: number;
  /** When the topics left would be done, at the pace, from today. */
  projectedFinish: string;
  plannedFinish: string;
  paused: boolean;
  /** Paused stretches as day numbers [from, to). */
  pauses: Array<[number, number]>;
  /** Topics with no estimate in the roadmap, and the hours assumed for each of them. */
  unestimated: number;
  assumedHours: number;
}

/** Hours assumed for a topic without an estimate: the mean of those that have one, else this. */
export const DEFAULT_TOPIC_HOURS = 5;
const EPS = 1e-9;

export interface ScheduleInput {
  months: readonly PlanMonthInput[];
  plan: PlanSettings;
  state: (topicId: string) => TopicState;
  now: Date;
  weekStartsOn: WeekStart;
}

export function computeSchedule({ months, plan, state, now, weekStartsOn }: ScheduleInput): Schedule {
  const start = parseLocalDay(plan.start)!;
  const dayOf = (key: string) => daysBetween(parseLocalDay(key)!, start);
  const today = localDayOf(now);
  const nowDay = daysBetween(today, start) + (now.getTime() - today.getTime()) / 86_400_000;
  const pauses = plan.pauses.map((p): [number, number] => [dayOf(p.from), p.to === undefined ? Math.max(dayOf(p.from), Math.floor(nowDay) + 1) : dayOf(p.to)]);
  const advance = activeClock(pauses);

  const fallback = meanHours(months);
  const monthDays = months.map((_, i) => daysBetween(addMonths(start, i + 1), addMonths(start, i)));
  const monthHours = months.map((m) => m.topics.reduce((n, t) => n + (t.hours ?? fallback), 0));
  const allHours = monthHours.reduce((a, b) => a + b, 0);
  const allDays = monthDays.reduce((a, b) => a + b, 0);
  const intendedPace = allDays > 0 && allHours > 0 ? allHours / (allDays / 7) : plan.hoursPerWeek;
  const stretch = intendedPace / plan.hoursPerWeek;

  const firstWeek = weekStartOf(start, weekStartsOn);
  const weekOffset = daysBetween(start, firstWeek);
  const weekOf = (day: number) => Math.floor((day + weekOffset) / 7);
  // Many topics share a day: each day's key and each check-off instant is worked out once.
  const dayKeys = new Map<number, string>();
  const dateOf = (day: number) => {
    const whole = Math.floor(day);
    let key = dayKeys.get(whole);
    if (key === undefined) dayKeys.set(whole, (key = localDayKey(plusDays(start, whole))));
    return key;
  };
  const startedAt = start.getTime();
  const instantDays = new Map<string, number>();
  const dayOfInstant = (iso: string | undefined) => {
    if (!iso) return -Infinity;
    let day = instantDays.get(iso);
    if (day === undefined) instantDays.set(iso, (day = daysBetween(localDayOf(new Date(iso)), start)));
    return day;
  };

  const topics: ScheduledTopic[] = [];
  const scheduledMonths: ScheduledMonth[] = [];
  let cursor = advance(0, 0);
  let plannedHours = 0;
  let dueHours = 0;
  let doneHours = 0;
  let remainingCost = 0;
  months.forEach((m, i) => {
    const monthStart = cursor;
    const perHour = monthHours[i] > 0 ? (monthDays[i] * stretch) / monthHours[i] : 0;
    const list: ScheduledTopic[] = [];
    for (const t of m.topics) {
      const hours = t.hours ?? fallback;
      const s = state(t.id);
      const doneAt = s.status === 'done' ? dayOfInstant(s.at) : Infinity;
      const planned = s.status !== 'skipped' && !(s.status === 'done' && (!s.at || Date.parse(s.at) < startedAt));
      const from = cursor;
      if (planned) cursor = advance(cursor, hours * perHour);
      const topic: ScheduledTopic = {
        id: t.id, title: t.title, month: m.month, hours, estimated: t.hours !== undefined, status: s.status, planned,
        startDay: from, endDay: cursor, doneDay: Number.isFinite(doneAt) ? doneAt : undefined, week: weekOf(Math.max(from, cursor - EPS)), flag: 'on-track',
      };
      if (planned) {
        plannedHours += hours;
        const span = topic.endDay - topic.startDay;
        dueHours += hours * (span <= EPS ? (nowDay >= topic.endDay ? 1 : 0) : clamp((nowDay - topic.startDay) / span));
        if (s.status === 'done') doneHours += hours;
        else remainingCost += hours * perHour;
      }
      topic.flag = flagOf(topic, doneAt, nowDay, weekOf);
      list.push(topic);
      topics.push(topic);
    }
    if (monthHours[i] === 0) cursor = advance(cursor, monthDays[i] * stretch);
    scheduledMonths.push({
      month: m.month, title: m.title, milestone: m.milestone, start: dateOf(monthStart), target: dateOf(Math.max(monthStart, cursor - EPS)),
      hours: monthHours[i], current: nowDay >= monthStart && nowDay < cursor, topics: list,
    });
  });
  const end = cursor;
  // From the start of today, so the projection (and the calendar built on it) holds all day.
  const finishDay = remainingCost > 0 ? advance(Math.max(Math.floor(nowDay), 0), remainingCost) - EPS : Math.min(nowDay, end);
  return {
    start: plan.start, weekStartsOn, firstWeekStart: localDayKey(firstWeek),
    weeks: weekOf(Math.max(0, end - EPS)) + 1, currentWeek: weekOf(nowDay),
    months: scheduledMonths, topics, intendedPace, plannedHours, dueHours, doneHours, behindHours: dueHours - doneHours,
    projectedFinish: dateOf(finishDay), plannedFinish: dateOf(Math.max(0, end - EPS)),
    paused: plan.pauses.some((p) => p.to === undefined), pauses,
    unestimated: topics.reduce((n, t) => n + (t.estimated ? 0 : 1), 0), assumedHours: fallback,
  };
}

function flagOf(t: ScheduledTopic, doneDay: number, nowDay: number, weekOf: (day: number) => number): TopicFlag {
  if (t.status === 'skipped') return 'skipped';
  if (!t.planned) return 'on-track';
  if (t.status === 'done') return weekOf(doneDay) < t.week ? 'ahead' : 'on-track';
  return weekOf(nowDay) > t.week ? 'behind' : 'on-track';
}

/** Adds study days to a day number, stepping over paused stretches. */
function activeClock(pauses: Array<[number, number]>): (from: number, days: number) => number {
  const sorted = [...pauses].sort((a, b) => a[0] - b[0]);
  return (from, days) => {
    let x = from;
    let left = days;
    for (const [a, b] of sorted) {
      if (b <= x) continue;
      if (a <= x) {
        x = b;
        continue;
      }
      if (x + left <= a) break;
      left -= a - x;
      x = b;
    }
    return x + left;
  };
}

function meanHours(months: readonly PlanMonthInput[]): number {
  let n = 0;
  let sum = 0;
  for (const m of months) {
    for (const t of m.topics) {
      if (t.hours === undefined) continue;
      n++;
      sum += t.hours;
    }
  }
  return n > 0 ? sum / n : DEFAULT_TOPIC_HOURS;
}

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

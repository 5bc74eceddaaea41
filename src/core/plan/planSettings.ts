import { daysBetween, localDayKey, localDayOf, parseLocalDay } from '../time/localDates';

/** A learner's study plan, kept with their progress per roadmap. Days are local "yyyy-MM-dd". */
export interface PlanSettings {
  start: string;
  hoursPerWeek: number;
  /** Days of the week the learner studies, 0 = Sunday … 6 = Saturday; sorted, distinct. */
  weekdays: number[];
  /** Paused stretches, each from its first day up to (not including) `to`; an open one is ongoing. */
  pauses: Array<{ from: string; to?: string }>;
  /** ISO instant of the last change: the newer plan wins a merge. */
  updated: string;
}

export const MIN_PACE = 0.5;
export const MAX_PACE = 168;
/** A start further away than this is a typo, not a plan. */
export const MAX_YEARS_BACK = 5;
export const MAX_YEARS_AHEAD = 2;
export const MAX_PAUSES = 200;
export const DEFAULT_WEEKDAYS = [1, 2, 3, 4, 5];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A pace in hours per week, from a number or what the learner typed. */
export function checkPace(raw: unknown): Checked<number> {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) return { ok: false, message: `The pace must be a number of hours per week; "${String(raw).slice(0, 40)}" is not a number.` };
  if (n < MIN_PACE) return { ok: false, message: `The pace must be at least ${MIN_PACE} h a week; ${n} h would never finish.` };
  if (n > MAX_PACE) return { ok: false, message: `The pace must be at most ${MAX_PACE} h a week, the hours a week has; ${n} h is more.` };
  return { ok: true, value: Math.round(n * 100) / 100 };
}

/** A start day, not further than a few years from today. */
export function checkStart(raw: unknown, now: Date): Checked<string> {
  const day = typeof raw === 'string' ? parseLocalDay(raw.trim()) : undefined;
  if (!day) return { ok: false, message: `The start date must be a date written as YYYY-MM-DD; "${String(raw).slice(0, 40)}" is not.` };
  const offset = daysBetween(day, localDayOf(now));
  if (offset < -366 * MAX_YEARS_BACK) return { ok: false, message: `The start date ${localDayKey(day)} is more than ${MAX_YEARS_BACK} years ago; choose a date since then.` };
  if (offset > 366 * MAX_YEARS_AHEAD) return { ok: false, message: `The start date ${localDayKey(day)} is more than ${MAX_YEARS_AHEAD} years ahead; choose a nearer date.` };
  return { ok: true, value: localDayKey(day) };
}

export function checkWeekdays(raw: unknown): Checked<number[]> {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 7) return { ok: false, message: 'Choose at least one day of the week to study on.' };
  if (!raw.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) return { ok: false, message: 'Study days must be numbers from 0 (Sunday) to 6 (Saturday).' };
  return { ok: true, value: [...new Set(raw as number[])].sort((a, b) => a - b) };
}

function checkPauses(raw: unknown, now: Date): Checked<PlanSettings['pauses']> {
  if (raw === undefined) return { ok: true, value: [] };
  if (!Array.isArray(raw) || raw.length > MAX_PAUSES) return { ok: false, message: `The pauses must be a list of at most ${MAX_PAUSES}.` };
  const out: PlanSettings['pauses'] = [];
  for (const p of raw) {
    const rec = isRecord(p) ? p : {};
    const from = checkStart(rec.from, now);
    const to = rec.to === undefined ? undefined : checkStart(rec.to, now);
    if (!from.ok) return { ok: false, message: `A pause has a bad first day: ${from.message}` };
    if (to && !to.ok) return { ok: false, message: `A pause has a bad last day: ${to.message}` };
    if (to?.ok && to.value < from.value) return { ok: false, message: `A pause ends (${to.value}) before it begins (${from.value}).` };
    out.push(to?.ok ? { from: from.value, to: to.value } : { from: from.value });
  }
  out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (out.slice(0, -1).some((p) => p.to === undefined)) return { ok: false, message: 'Only the last pause may be ongoing.' };
  return { ok: true, value: out };
}

/** A whole plan from untrusted data (an import or the store): every field checked, one sentence if not. */
export function checkPlan(raw: unknown, now: Date): Checked<PlanSettings> {
  if (!isRecord(raw)) return { ok: false, message: 'The study plan is not an object.' };
  const start = checkStart(raw.start, now);
  if (!start.ok) return start;
  const pace = checkPace(raw.hoursPerWeek);
  if (!pace.ok) return pace;
  const weekdays = raw.weekdays === undefined ? ({ ok: true, value: DEFAULT_WEEKDAYS } as const) : checkWeekdays(raw.weekdays);
  if (!weekdays.ok) return weekdays;
  const pauses = checkPauses(raw.pauses, now);
  if (!pauses.ok) return pauses;
  const updated = typeof raw.updated === 'string' && raw.updated.length <= 40 && !Number.isNaN(Date.parse(raw.updated)) ? raw.updated : undefined;
  if (!updated) return { ok: false, message: 'The study plan has no valid "updated" time.' };
  return { ok: true, value: { start: start.value, hoursPerWeek: pace.value, weekdays: weekdays.value, pauses: pauses.value, updated } };
}

export function isPaused(plan: PlanSettings): boolean {
  const last = plan.pauses[plan.pauses.length - 1];
  return !!last && last.to === undefined;
}

/** Pause from today on (a no-op if already paused). */
export function pausePlan(plan: PlanSettings, now: Date): PlanSettings {
  if (isPaused(plan)) return plan;
  return { ...plan, pauses: [...plan.pauses, { from: localDayKey(now) }], updated: now.toISOString() };
}

/** Ends the ongoing pause today: today is a study day again. A pause begun today leaves no trace. */
export function resumePlan(plan: PlanSettings, now: Date): PlanSettings {
  if (!isPaused(plan)) return plan;
  const today = localDayKey(now);
  const last = plan.pauses[plan.pauses.length - 1];
  const earlier = plan.pauses.slice(0, -1);
  return { ...plan, pauses: last.from >= today ? earlier : [...earlier, { from: last.from, to: today }], updated: now.toISOString() };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The longest plan accepted: beyond this a pace is a typo (0.5 h a week for 940 h is 36 years). */
export const MAX_PLAN_YEARS = 10;
/** Hours a study day can hold. */
export const MAX_DAILY_HOURS = 16;

/** Refuses a pace and a set of days that cannot fit: more hours a day than a day can hold. */
export function checkDailyLoad(hoursPerWeek: number, weekdays: readonly number[]): Checked<true> {
  const perDay = hoursPerWeek / Math.max(1, weekdays.length);
  if (perDay > MAX_DAILY_HOURS) {
    return { ok: false, message: `${hoursPerWeek} h a week on ${weekdays.length} day${weekdays.length === 1 ? '' : 's'} is ${Math.round(perDay * 10) / 10} h a day; choose more days or a pace of at most ${MAX_DAILY_HOURS * weekdays.length} h.` };
  }
  return { ok: true, value: true };
}

/** Refuses a plan whose schedule runs longer than MAX_PLAN_YEARS, naming the slowest pace that fits. */
export function checkPlanLength(plannedDays: number, hoursPerWeek: number): Checked<true> {
  const maxDays = MAX_PLAN_YEARS * 365.25;
  if (plannedDays <= maxDays) return { ok: true, value: true };
  const years = Math.round(plannedDays / 365.25);
  const minPace = Math.ceil(((hoursPerWeek * plannedDays) / maxDays) * 2) / 2;
  return { ok: false, message: `At ${hoursPerWeek} h a week the plan would take about ${years} years; choose at least ${minPace} h a week.` };
}

// One module each rather than the package's index, which would bring every function's wrapper into the bundle.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { isValid } from 'date-fns/isValid';
import { lightFormat } from 'date-fns/lightFormat';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfWeek } from 'date-fns/startOfWeek';

/**
 * Local calendar dates. Instants are stored in UTC (ISO strings); the learner's days, weeks and
 * months are in the time zone of the process (the editor's), turned into dates by date-fns,
 * which works on the platform's local time. Never slice an ISO string to get a day.
 */
export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** "2027-01-31": the local calendar day of an instant. */
export function localDayKey(at: Date): string {
  return lightFormat(at, 'yyyy-MM-dd');
}

/** Local midnight of a "yyyy-MM-dd" day, or undefined when it is not a real date. */
export function parseLocalDay(key: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // 2027-02-30 rolls over to March: not a real date.
  return isValid(d) && localDayKey(d) === key ? d : undefined;
}

export function localDayOf(at: Date): Date {
  return startOfDay(at);
}

/** Local midnight of the first day of the week that holds `at`. */
export function weekStartOf(at: Date, weekStartsOn: WeekStart): Date {
  return startOfWeek(at, { weekStartsOn });
}

export function daysBetween(later: Date, earlier: Date): number {
  return differenceInCalendarDays(later, earlier);
}

export function plusDays(day: Date, days: number): Date {
  return addDays(day, days);
}

// English month names, as the rest of the UI is English (date-fns' locale formatter would weigh
// 60 KB at activation for these three lines).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Dec 2027". */
export function longDate(day: Date): string {
  return `${day.getDate()} ${MONTHS[day.getMonth()]} ${day.getFullYear()}`;
}

/** "14 Dec". */
export function shortDate(day: Date): string {
  return `${day.getDate()} ${MONTHS[day.getMonth()]}`;
}

interface WeekInfoLocale {
  weekInfo?: { firstDay?: number };
  getWeekInfo?: () => { firstDay?: number };
}

/** The first day of the week in a locale (0 = Sunday), from Intl where it knows; Monday otherwise. */
export function firstDayOfWeekFor(locale: string | undefined): WeekStart {
  try {
    const l = new Intl.Locale(locale || 'en') as Intl.Locale & WeekInfoLocale;
    const info = typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
    const first = info?.firstDay;
    // Intl numbers days 1 (Monday) to 7 (Sunday).
    if (typeof first === 'number' && first >= 1 && first <= 7) return (first % 7) as WeekStart;
  } catch {
    // An unknown locale tag: fall through to Monday, the ISO 8601 week.
  }
  return 1;
}

export type FirstDaySetting = 'locale' | 'monday' | 'sunday' | 'saturday';

export function weekStartFrom(setting: FirstDaySetting | undefined, locale: string | undefined): WeekStart {
  if (setting === 'monday') return 1;
  if (setting === 'sunday') return 0;
  if (setting === 'saturday') return 6;
  return firstDayOfWeekFor(locale);
}

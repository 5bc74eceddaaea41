import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays } from 'date-fns/addDays';
import { daysBetween, localDayKey, parseLocalDay } from '../time/localDates';
import type { PlanSettings } from './planSettings';
import { weekDays } from './planSummary';
import { researchBlockOf } from './researchBlock';
import type { Schedule } from './schedule';

/** "19:00": when study blocks begin, local time. */
export function checkStudyTime(raw: string): { hour: number; minute: number } | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
}

export interface CalendarOptions {
  roadmapId: string;
  roadmapTitle: string;
  now: Date;
  /** The learner's IANA time zone (the platform's), named in the file. */
  timeZone: string;
  studyTime: { hour: number; minute: number };
}

/** Blocks beyond this are not written; a plan that long is refused before (ten years of weekdays). */
export const MAX_BLOCKS = 4000;

/**
 * The plan as an iCalendar file, built by the `ics` library. Study blocks are timed in the
 * learner's local time and written in UTC (so daylight-saving shifts are right whatever the
 * reader); milestones are all-day dates. UIDs depend on the roadmap and the day or month only,
 * so exporting again updates the same events instead of adding new ones.
 */
export function planToIcs(s: Schedule, plan: PlanSettings, o: CalendarOptions): { ok: true; text: string; blocks: number; milestones: number; research: number } | { ok: false; message: string } {
  const uidBase = o.roadmapId.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
  const events: EventAttributes[] = [];
  const hours = plan.hoursPerWeek / plan.weekdays.length;
  const first = parseLocalDay(s.start)! > o.now ? parseLocalDay(s.start)! : parseLocalDay(localDayKey(o.now))!;
  const last = parseLocalDay(s.projectedFinish > s.plannedFinish ? s.projectedFinish : s.plannedFinish)!;
  const paused = (day: number) => s.pauses.some(([a, b]) => day >= a && day < b);
  const startDay = parseLocalDay(s.start)!;
  for (let d = first; d <= last && events.length < MAX_BLOCKS; d = addDays(d, 1)) {
    const dayNumber = daysBetween(d, startDay);
    if (!plan.weekdays.includes(d.getDay()) || paused(dayNumber)) continue;
    const topics = weekTopics(s, d);
    events.push({
      uid: `${uidBase}-study-${localDayKey(d)}@ai-roadmap`,
      title: `Study: ${topics[0] ?? 'catch up on the topics left'}${topics.length > 1 ? ` +${topics.length - 1}` : ''}`,
      description: `${o.roadmapTitle}\n\nThis week's topics:\n${topics.length ? topics.map((t) => `- ${t}`).join('\n') : '- the topics left'}\n\nPace: ${plan.hoursPerWeek} h a week.`,
      start: [d.getFullYear(), d.getMonth() + 1, d.getDate(), o.studyTime.hour, o.studyTime.minute],
      startInputType: 'local',
      startOutputType: 'utc',
      duration: { hours: Math.floor(hours), minutes: Math.round((hours % 1) * 60) },
      categories: ['AI Roadmap'],
      busyStatus: 'BUSY',
    });
  }
  const blocks = events.length;
  for (const m of s.months) {
    const target = parseLocalDay(m.target)!;
    events.push({
      uid: `${uidBase}-milestone-${m.month}@ai-roadmap`,
      title: `Milestone, month ${m.month}: ${m.title}`,
      description: `${o.roadmapTitle}\n\n${m.milestone}`,
      start: dateArray(target),
      end: dateArray(addDays(target, 1)),
      categories: ['AI Roadmap'],
      transp: 'TRANSPARENT',
    });
  }
  for (const m of s.months) {
    const block = researchBlockOf(m);
    const day = parseLocalDay(block.day)!;
    events.push({
      uid: `${uidBase}-research-${m.month}@ai-roadmap`,
      title: block.title,
      description: `${o.roadmapTitle}\n\n${block.description}`,
      start: dateArray(day),
      end: dateArray(addDays(day, 1)),
      categories: ['AI Roadmap'],
      transp: 'TRANSPARENT',
    });
  }
  const { error, value } = createEvents(events, { productId: 'ai-roadmap/study-plan', calName: `${o.roadmapTitle}: study plan` });
  if (error || !value) return { ok: false, message: `The calendar could not be written: ${error?.message ?? 'no output'}.` };
  // X-WR-TIMEZONE names the learner's zone for calendar apps (an extension property RFC 5545 allows).
  const text = foldByOctets(value.replace(/\r\nBEGIN:VEVENT/, `\r\nX-WR-TIMEZONE:${o.timeZone.replace(/[^A-Za-z0-9_+\-/]/g, '')}\r\nBEGIN:VEVENT`));
  return { ok: true, text, blocks, milestones: s.months.length, research: s.months.length };
}

/**
 * RFC 5545 (3.1) folds lines at 75 octets. The ics library folds event lines at 75 characters
 * and header lines not at all, so non-ASCII text (a title in French, Chinese...) makes longer
 * lines; this folds again by octets, never inside a UTF-8 character.
 */
export function foldByOctets(text: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  for (const line of text.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    let part = '';
    let size = 0;
    let limit = 75;
    for (const ch of line) {
      const n = encoder.encode(ch).length;
      if (size + n > limit) {
        out.push(part);
        part = ' ';
        size = 1;
        limit = 75;
      }
      part += ch;
      size += n;
    }
    out.push(part);
  }
  return out.join('\r\n');
}

function dateArray(d: Date): DateArray {
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}

/** Titles of the planned topics, not yet done, whose stretch overlaps the week holding `day`. */
function weekTopics(s: Schedule, day: Date): string[] {
  const week = Math.floor(daysBetween(day, parseLocalDay(s.firstWeekStart)!) / 7);
  const { first } = weekDays(s, week);
  const from = daysBetween(first, parseLocalDay(s.start)!);
  return s.topics.filter((t) => t.planned && t.status !== 'done' && t.startDay < from + 7 && t.endDay > from).map((t) => t.title);
}

import { statusOf, type RoadmapProgress } from '../progress/progressModel';
import { longDate, parseLocalDay, shortDate } from '../time/localDates';
import type { RoadmapIndex } from '../roadmapIndex';
import { researchBlockOf } from '../plan/researchBlock';
import { dueDate, estimateNote, focusTopic, summaryLine, thisWeek, weekLabel } from '../plan/planSummary';
import type { Schedule, ScheduledTopic, TopicFlag } from '../plan/schedule';
import { statusWords } from '../progress/statusWords';
import { splitElement as parseElement } from './elementIds';
import { planChildren, rowFor, type Row, type TreeOptions } from './treeRows';

/**
 * The Study Plan view with a plan: a summary line, "this week" with its topics, then the dated
 * months with each topic's planned week and flag. Without a plan it is the undated list of
 * months, under a row that starts a plan. Element ids: "plan:summary", "plan:start",
 * "week:this", "topic:<id>:week", "research:<month>" (each month's research block), and the
 * month, topic and milestone ids of treeRows.
 */
export interface PlanRow extends Omit<Row, 'kind'> {
  kind: Row['kind'] | 'summary' | 'week' | 'research';
  /** What a click runs: the adapter maps it to the command (the core spells no command id). */
  command?: 'startStudyPlan' | 'changeStudyPace';
}

export const FLAG_WORDS: Record<TopicFlag, string> = { 'on-track': 'on track', behind: 'behind', ahead: 'ahead', skipped: 'skipped' };

export function studyPlanChildren(index: RoadmapIndex, progress: RoadmapProgress | undefined, schedule: Schedule | undefined, opts: TreeOptions, element?: string): string[] {
  if (!index.roadmap.plan) return [];
  const hide = (id: string) => opts.hideCompleted && ['done', 'skipped'].includes(statusOf(progress, 'topic', id));
  if (!schedule) return element ? planChildren(index, progress, opts, element) : ['plan:start', ...planChildren(index, progress, opts)];
  if (!element) return ['plan:summary', 'week:this', ...schedule.months.map((m) => `month:${m.month}`)];
  if (element === 'week:this') return thisWeek(schedule).filter((t) => !hide(t.id)).map((t) => `topic:${t.id}:week`);
  const { kind, ref } = parseElement(element);
  if (kind !== 'month') return [];
  const month = schedule.months.find((m) => String(m.month) === ref);
  return month ? [...month.topics.filter((t) => !hide(t.id)).map((t) => `topic:${t.id}:${month.month}`), `milestone:${month.month}`, `research:${month.month}`] : [];
}

export function studyPlanRow(index: RoadmapIndex, progress: RoadmapProgress | undefined, schedule: Schedule | undefined, element: string): PlanRow | undefined {
  if (element === 'plan:start') {
    return { element, kind: 'summary', ref: 'start', label: 'Start a study plan...', description: 'dates at your pace', tooltip: 'Choose a start date, a pace in hours per week and your study days; the months and topics get dates.', icon: 'calendar', expandable: false, ariaLabel: 'Start a study plan', command: 'startStudyPlan' };
  }
  if (!schedule) return rowFor(index, progress, element);
  if (element === 'plan:summary') {
    const line = summaryLine(schedule);
    const focus = focusTopic(schedule);
    const note = estimateNote(schedule);
    return {
      element, kind: 'summary', ref: 'summary', label: line,
      description: note ? 'hours unknown' : undefined,
      tooltip: `${line}\n\nStarted ${longDate(parseLocalDay(schedule.start)!)}; planned to end ${longDate(parseLocalDay(schedule.plannedFinish)!)} at the chosen pace.${note ? `\n\n${note}` : ''}${focus ? `\n\nFocus: ${focus.title}` : ''}\n\nClick to change the pace.`,
      icon: schedule.paused ? 'debug-pause' : schedule.behindHours >= 1 ? 'warning' : 'pulse',
      iconColor: schedule.behindHours >= 1 ? 'charts.orange' : undefined,
      expandable: false, ariaLabel: line, command: 'changeStudyPace',
    };
  }
  if (element === 'week:this') {
    const n = thisWeek(schedule).length;
    const label = schedule.currentWeek < 0 ? 'This week: the plan has not started' : `This week · ${weekLabel(schedule, schedule.currentWeek)}`;
    return { element, kind: 'week', ref: 'this', label, description: `${n} topic${n === 1 ? '' : 's'}`, tooltip: `${label}\n\nThe topics planned for this week.`, icon: 'target', expandable: true, ariaLabel: `${label}, ${n} topics` };
  }
  const { kind, ref, extra } = parseElement(element);
  if (kind === 'research') {
    const m = schedule.months.find((x) => String(x.month) === ref);
    if (!m) return undefined;
    const block = researchBlockOf(m);
    const label = `Research block: papers and news, from ${shortDate(parseLocalDay(block.day)!)}`;
    return { element, kind: 'research', ref, label, tooltip: `${block.title}\n\n${block.description}`, icon: 'book', expandable: false, ariaLabel: `${label}. ${block.description}` };
  }
  if (kind === 'month') {
    const m = schedule.months.find((x) => String(x.month) === ref);
    const base = rowFor(index, progress, element);
    if (!m || !base) return base;
    const dates = `${shortDate(parseLocalDay(m.start)!)} – ${longDate(parseLocalDay(m.target)!)}`;
    return {
      ...base,
      description: `${m.current ? 'now · ' : ''}${dates} · ${base.description ?? ''}`,
      tooltip: `${base.tooltip}\n\nFrom ${longDate(parseLocalDay(m.start)!)}; milestone by ${longDate(parseLocalDay(m.target)!)}.`,
      icon: m.current ? 'location' : base.icon,
      ariaLabel: `${base.ariaLabel}, ${m.current ? 'current month, ' : ''}milestone by ${longDate(parseLocalDay(m.target)!)}`,
    };
  }
  if (kind === 'milestone') {
    const m = schedule.months.find((x) => String(x.month) === ref);
    const base = rowFor(index, progress, element);
    if (!m || !base) return base;
    return { ...base, label: `Milestone by ${shortDate(parseLocalDay(m.target)!)}: ${m.milestone}`, ariaLabel: `Milestone of month ${m.month}, by ${longDate(parseLocalDay(m.target)!)}: ${m.milestone}` };
  }
  if (kind === 'topic') {
    const t = schedule.topics.find((x) => x.id === ref);
    const base = rowFor(index, progress, element);
    if (!t || !base) return base;
    const when = topicWhen(schedule, t);
    return {
      ...base,
      description: [extra === 'week' ? `month ${t.month}` : undefined, when, t.estimated ? `${Math.round(t.hours * 10) / 10} h` : 'hours unknown', t.planned ? FLAG_WORDS[t.flag] : undefined].filter(Boolean).join(' · '),
      tooltip: `${base.tooltip}\n\n${t.planned ? `Planned for the week of ${weekLabel(schedule, t.week)}, due ${longDate(dueDate(schedule, t))}: ${FLAG_WORDS[t.flag]}.` : t.status === 'skipped' ? 'Skipped: its hours are freed.' : 'Done before the plan began: its hours are freed.'}${t.estimated ? '' : `\n\nHours unknown: the roadmap gives no estimate, so the dates assume ${Math.round(t.hours * 10) / 10} h.`}`,
      iconColor: t.flag === 'behind' ? 'charts.orange' : base.iconColor,
      ariaLabel: `${base.ariaLabel}${t.planned ? `, week ${t.week + 1}, ${FLAG_WORDS[t.flag]}` : ''}`,
    };
  }
  return rowFor(index, progress, element);
}

function topicWhen(s: Schedule, t: ScheduledTopic): string | undefined {
  if (!t.planned) return t.status === 'skipped' ? undefined : 'done before the plan';
  return `week ${t.week + 1} (${weekLabel(s, t.week)})`;
}

/** The status bar's words for this week's focus. */
export function focusText(s: Schedule): { id: string; text: string; tooltip: string } | undefined {
  const t = focusTopic(s);
  if (!t) return undefined;
  return { id: t.id, text: `$(target) ${t.title}`, tooltip: `This week's focus: ${t.title} (${statusWords(t.status)}, ${FLAG_WORDS[t.flag]}).\n\n${summaryLine(s)}` };
}

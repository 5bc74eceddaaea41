import * as vscode from 'vscode';
import { checkDailyLoad, checkPace, checkPlanLength, checkStart, checkWeekdays, DEFAULT_WEEKDAYS, isPaused, pausePlan, resumePlan, WEEKDAY_NAMES, type PlanSettings } from '../../core/plan/planSettings';
import { summaryLine } from '../../core/plan/planSummary';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { daysBetween, localDayKey, parseLocalDay } from '../../core/time/localDates';
import { calendarExport } from '../base/lazyModules';
import type { Settings } from '../base/settings';
import { StepInput } from '../base/stepInput';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import { scheduleFor } from './planContext';

/** What tests (and links) pass instead of answering the prompts. */
export interface PlanArgs {
  start?: unknown;
  hoursPerWeek?: unknown;
  weekdays?: unknown;
}

/**
 * Start Study Plan, Change Pace, Pause and Resume Plan, Export Study Plan to Calendar. Each
 * checks what it is given with the core's checks; a refusal is one sentence and stores nothing.
 * Given arguments, a command asks nothing and returns true or the refusal.
 */
export function planActions(roadmaps: RoadmapService, progress: ProgressStore, settings: Settings) {
  const refuse = (message: string, quiet: boolean) => {
    if (!quiet) void vscode.window.showErrorMessage(`AI Roadmap: ${message}`);
    return message;
  };
  const withPlan = async () => {
    const index = await roadmaps.current();
    return { index, plan: progress.get(index.roadmap.id)?.plan };
  };

  /** Checks the whole plan, its schedule included, and stores it. */
  const save = async (index: RoadmapIndex, plan: PlanSettings, quiet: boolean): Promise<true | string> => {
    const load = checkDailyLoad(plan.hoursPerWeek, plan.weekdays);
    if (!load.ok) return refuse(load.message, quiet);
    const schedule = scheduleFor(settings, index, { ...(progress.get(index.roadmap.id) ?? { topics: {}, exercises: {}, history: [] }), plan });
    if (!schedule) return refuse(`"${index.roadmap.title}" has no study plan to date.`, quiet);
    const length = checkPlanLength(daysBetween(parseLocalDay(schedule.plannedFinish)!, parseLocalDay(schedule.start)!), plan.hoursPerWeek);
    if (!length.ok) return refuse(length.message, quiet);
    await progress.setPlan(index.roadmap.id, plan);
    if (!quiet) void vscode.window.showInformationMessage(`Study plan: ${summaryLine(schedule)}.`);
    return true;
  };

  const start = async (args?: PlanArgs): Promise<true | string | undefined> => {
    const quiet = args !== undefined;
    const { index, plan: old } = await withPlan();
    if (!index.roadmap.plan) return refuse(`"${index.roadmap.title}" has no study plan to date.`, quiet);
    const now = new Date();
    const answers = quiet ? { start: args.start ?? localDayKey(now), pace: args.hoursPerWeek ?? 10, weekdays: args.weekdays ?? DEFAULT_WEEKDAYS } : await askPlan(old, now);
    if (!answers) return;
    const startDay = checkStart(answers.start, now);
    if (!startDay.ok) return refuse(startDay.message, quiet);
    const pace = checkPace(answers.pace);
    if (!pace.ok) return refuse(pace.message, quiet);
    const days = checkWeekdays(answers.weekdays);
    if (!days.ok) return refuse(days.message, quiet);
    if (old && !quiet) {
      const answer = await vscode.window.showWarningMessage('Replace your study plan?', { modal: true, detail: `Your plan started on ${old.start} at ${old.hoursPerWeek} h a week. The new plan replaces it, pauses included; your progress stays.` }, 'Replace Plan');
      if (answer !== 'Replace Plan') return;
    }
    return save(index, { start: startDay.value, hoursPerWeek: pace.value, weekdays: days.value, pauses: [], updated: now.toISOString() }, quiet);
  };

  const changePace = async (hoursPerWeek?: unknown): Promise<true | string | undefined> => {
    const quiet = hoursPerWeek !== undefined;
    const { index, plan } = await withPlan();
    if (!plan) return quiet ? refuse('There is no study plan to change; start one first.', quiet) : start();
    const raw = quiet ? hoursPerWeek : await askPace(String(plan.hoursPerWeek), 'Change Pace');
    if (raw === undefined) return;
    const pace = checkPace(raw);
    if (!pace.ok) return refuse(pace.message, quiet);
    return save(index, { ...plan, hoursPerWeek: pace.value, updated: new Date().toISOString() }, quiet);
  };

  const pause = async (): Promise<true | string> => {
    const { index, plan } = await withPlan();
    if (!plan) return refuse('There is no study plan to pause.', false);
    if (isPaused(plan)) return true;
    await progress.setPlan(index.roadmap.id, pausePlan(plan, new Date()));
    void vscode.window.showInformationMessage('Study plan paused: every date moves on by each day of the pause. Resume Plan picks it up again.');
    return true;
  };

  const resume = async (): Promise<true | string> => {
    const { index, plan } = await withPlan();
    if (!plan) return refuse('There is no study plan to resume.', false);
    if (!isPaused(plan)) return true;
    await progress.setPlan(index.roadmap.id, resumePlan(plan, new Date()));
    return true;
  };

  const exportCalendar = async (target?: vscode.Uri): Promise<true | string | undefined> => {
    const quiet = target !== undefined;
    const index = await roadmaps.current();
    const p = progress.get(index.roadmap.id);
    const schedule = scheduleFor(settings, index, p);
    if (!schedule || !p?.plan) return refuse('There is no study plan to export; run "Start Study Plan..." first.', quiet);
    const timeSetting = settings.get('studyPlan.studyTime');
    const { checkStudyTime, planToIcs } = await calendarExport();
    const studyTime = checkStudyTime(timeSetting);
    if (!studyTime) return refuse(`The setting aiRoadmap.studyPlan.studyTime must be a time like 19:00; "${timeSetting.slice(0, 20)}" is not.`, quiet);
    const options = { roadmapId: index.roadmap.id, roadmapTitle: index.roadmap.title, now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, studyTime };
    // The ics library checks every event; a few hundred blocks take a moment.
    const plan = p.plan;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Writing the study plan calendar' }, async () => planToIcs(schedule, plan, options));
    if (!result.ok) return refuse(result.message, quiet);
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: folder && vscode.Uri.joinPath(folder.uri, 'ai-roadmap-study-plan.ics'), filters: { iCalendar: ['ics'] }, saveLabel: 'Export to Calendar' }));
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
    if (!quiet) void vscode.window.showInformationMessage(`Study plan exported to ${vscode.workspace.asRelativePath(uri)}: ${result.blocks} study blocks, ${result.milestones} milestones and ${result.research} research days. Importing it again updates the same events.`);
    return true;
  };

  return { start, changePace, pause, resume, exportCalendar };
}

const PACE_PROMPT = 'Hours per week you can study (the built-in plan assumes about 18)';

function askPace(value: string, title: string) {
  return vscode.window.showInputBox({
    title, prompt: PACE_PROMPT, value,
    validateInput: (v) => { const c = checkPace(v); return c.ok ? undefined : c.message; },
  });
}

/** The three questions of Start Study Plan in one widget, with Back; undefined when the learner closes it. */
async function askPlan(old: PlanSettings | undefined, now: Date): Promise<{ start: string; pace: string; weekdays: number[] } | undefined> {
  const input = new StepInput('Start Study Plan', 3);
  let start = old?.start ?? localDayKey(now);
  let pace = String(old?.hoursPerWeek ?? 10);
  let weekdays = old?.weekdays ?? DEFAULT_WEEKDAYS;
  try {
    for (let step = 1; step <= 3; ) {
      if (step === 1) {
        const r = await input.text(1, { title: 'start date', prompt: 'The day you begin, as YYYY-MM-DD', value: start, validate: (v) => { const c = checkStart(v, new Date()); return c.ok ? undefined : c.message; } });
        if (r === undefined) return undefined;
        if (r !== 'back') [start, step] = [r, 2];
      } else if (step === 2) {
        const r = await input.text(2, { title: 'pace', prompt: PACE_PROMPT, value: pace, validate: (v) => { const c = checkPace(v); return c.ok ? undefined : c.message; } });
        if (r === undefined) return undefined;
        [pace, step] = r === 'back' ? [pace, 1] : [r, 3];
      } else {
        const order = [1, 2, 3, 4, 5, 6, 0];
        const items = order.map((d) => ({ label: WEEKDAY_NAMES[d], day: d, picked: weekdays.includes(d) }));
        const r = await input.pickMany(3, { title: 'study days', placeholder: 'The days you study (Enter keeps the ticked ones)', items });
        if (r === undefined) return undefined;
        if (r === 'back') step = 2;
        else [weekdays, step] = [r.map((p) => p.day), 4];
      }
    }
    return { start, pace, weekdays };
  } finally {
    input.dispose();
  }
}

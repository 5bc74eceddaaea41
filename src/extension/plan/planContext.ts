import * as vscode from 'vscode';
import { isPaused } from '../../core/plan/planSettings';
import { planMonthsOf, topicStateOf } from '../../core/plan/planInput';
import { computeSchedule, type Schedule } from '../../core/plan/schedule';
import type { RoadmapProgress } from '../../core/progress/progressModel';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { setContext } from '../base/editorContext';
import type { Settings } from '../base/settings';
import type { SettingName } from '../base/settingsTable';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import { weekStartFrom, type WeekStart } from '../../core/time/localDates';

/** The first day of the week: the setting, or the display language's custom. */
export function configuredWeekStart(settings: Settings): WeekStart {
  return weekStartFrom(settings.get('studyPlan.firstDayOfWeek'), vscode.env.language);
}

/** The schedule of the learner's plan on this roadmap, now; undefined without a plan. */
export function scheduleFor(settings: Settings, index: RoadmapIndex, progress: RoadmapProgress | undefined, now = new Date()): Schedule | undefined {
  if (!progress?.plan || !index.roadmap.plan) return undefined;
  return computeSchedule({ months: planMonthsOf(index), plan: progress.plan, state: topicStateOf(progress), now, weekStartsOn: configuredWeekStart(settings) });
}

/** Settings that change what the plan's views show. */
export const PLAN_SETTINGS: readonly SettingName[] = ['studyPlan.firstDayOfWeek', 'statusBar.planFocus'];

/** Keeps the context keys menus and the walkthrough use: whether a plan is started, and paused. */
export function registerPlanContextKeys(roadmaps: RoadmapService, progress: ProgressStore): vscode.Disposable {
  const update = async () => {
    const index = await roadmaps.current();
    const plan = progress.get(index.roadmap.id)?.plan;
    setContext('planStarted', !!plan);
    setContext('planPaused', !!plan && isPaused(plan));
  };
  void update();
  return vscode.Disposable.from(progress.onDidChange(() => void update()), roadmaps.onDidChange(() => void update()));
}

// Entry point: wires the services to the editor. Activation builds objects and registers
// providers only: the compiled roadmap index is read once, when the tree or the status bar first
// asks; notes, the renderer and the YAML loader load when first needed.
import * as vscode from 'vscode';
import { roadmapChildren } from '../core/tree/treeRows';
import { registerNavigationCommands } from './commands/navigationCommands';
import { registerOpenNotes } from './commands/openNotes';
import { registerProgressCommands } from './commands/progressCommands';
import { registerRoadmapCommands } from './commands/roadmapCommands';
import { registerPlanCommands } from './plan/planCommands';
import { registerPlanContextKeys } from './plan/planContext';
import { ExerciseChecker } from './exercises/checkExercise';
import { registerCheckEnvironment } from './exercises/checkEnvironment';
import { registerDebugProfile } from './exercises/debugProfile';
import { ExerciseTestTree } from './exercises/exerciseTestTree';
import { registerExerciseHelp } from './exercises/exerciseHelp';
import { registerScaffoldExercise } from './exercises/scaffoldExercise';
import { WatchMode } from './exercises/watchMode';
import { useBundlesFrom } from './lazyModules';
import { MyNotes } from './myNotes';
import { offThread } from './offThread/offThread';
import { DashboardPanel } from './panels/dashboardPanel';
import { NotesPanels } from './panels/notesPanels';
import { registerPapers, type Papers } from './papers/registerPapers';
import { configuredLocation, ProgressStore } from './progress/progressStore';
import { RoadmapService } from './roadmapService';
import { registerCheckboxes } from './views/checkboxes';
import { ProgressTreeProvider } from './views/progressTree';
import { PlanFocusStatusBar } from './views/planStatusBar';
import { ProgressStatusBar } from './views/statusBar';
import { StudyPlanTreeProvider } from './views/studyPlanTree';

/** What activate returns: a small surface for the integration tests and other extensions. */
export interface AiRoadmapApi {
  roadmaps: RoadmapService;
  progress: ProgressStore;
  roadmapTree: ProgressTreeProvider;
  planTree: StudyPlanTreeProvider;
  planFocus: PlanFocusStatusBar;
  notesPanel: NotesPanels;
  statusBar: ProgressStatusBar;
  dashboard: DashboardPanel;
  checker: ExerciseChecker;
  papers: Papers;
  watch: WatchMode;
}

/** Kept for deactivate, which must let the last check-off reach the store. */
let openStore: ProgressStore | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AiRoadmapApi> {
  useBundlesFrom(context.extensionUri);
  const log = vscode.window.createOutputChannel('AI Roadmap', { log: true });
  const roadmaps = new RoadmapService(context.extensionUri, log);
  const progress = await ProgressStore.open(context, log);
  openStore = progress;
  const roadmapTree = new ProgressTreeProvider(roadmaps, progress, roadmapChildren);
  const planTree = new StudyPlanTreeProvider(roadmaps, progress);
  const notesPanel = new NotesPanels(context.extensionUri, roadmaps, progress, new MyNotes(context.globalStorageUri), log);
  const statusBar = new ProgressStatusBar(roadmaps, progress);
  const planFocus = new PlanFocusStatusBar(roadmaps, progress);
  const dashboard = new DashboardPanel(context.extensionUri, roadmaps, progress, log);
  const exerciseTests = new ExerciseTestTree(roadmaps);
  const checker = new ExerciseChecker(roadmaps, progress, log, exerciseTests);
  const watch = new WatchMode(roadmaps, checker);
  const papers = registerPapers(context, progress, roadmaps, log);
  const roadmapView = vscode.window.createTreeView('aiRoadmap.roadmap', { treeDataProvider: roadmapTree, showCollapseAll: true, canSelectMany: true, manageCheckboxStateManually: true });
  const planView = vscode.window.createTreeView('aiRoadmap.studyPlan', { treeDataProvider: planTree, showCollapseAll: true, canSelectMany: true, manageCheckboxStateManually: true });

  context.subscriptions.push(
    log, roadmaps, progress, roadmapTree, planTree, notesPanel, statusBar, planFocus, dashboard, offThread,
    vscode.commands.registerCommand('aiRoadmap.openDashboard', () => dashboard.show()), roadmapView, planView,
    registerCheckboxes([roadmapView, planView], roadmaps, progress),
    registerOpenNotes(roadmaps, notesPanel),
    exerciseTests, checker, watch, registerDebugProfile(exerciseTests, log),
    registerCheckEnvironment(log),
    registerScaffoldExercise(roadmaps, progress),
    ...registerExerciseHelp(roadmaps, context.globalState),
    ...registerProgressCommands(roadmaps, progress, () => notesPanel.currentId, log),
    ...registerNavigationCommands(roadmaps, progress, [roadmapTree, planTree]),
    ...registerRoadmapCommands(roadmaps),
    ...papers.disposables,
    ...registerPlanCommands(roadmaps, progress),
    registerPlanContextKeys(roadmaps, progress),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiRoadmap.progress.location')) void progress.switchTo(configuredLocation());
    }),
  );
  void vscode.commands.executeCommand('setContext', 'aiRoadmap.hideCompleted', false);
  return { roadmaps, progress, roadmapTree, planTree, planFocus, notesPanel, statusBar, dashboard, checker, watch, papers };
}

/** VS Code awaits this before it disposes context.subscriptions: pending writes land first. */
export async function deactivate(): Promise<void> {
  await openStore?.flush();
  openStore = undefined;
}

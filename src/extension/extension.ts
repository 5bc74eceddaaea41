// Entry point: builds what shows from startup (the trees, the status bar items, the Testing view)
// and registers every command, view and panel serializer. The compiled roadmap index is read once,
// when the tree or the status bar first asks; the panels, quizzes, navigation and authoring tools
// are built on first use (wiring/lazyFeatures.ts), and the renderer and YAML loader load when needed.
import * as vscode from 'vscode';
import type { PaperNode } from '../core/papers/paperRows';
import { roadmapChildren } from '../core/views/treeRows';
import { setContext } from './base/editorContext';
import { Settings } from './base/settings';
import { VIEWS } from './base/viewIds';
import { commandId } from './commands/commandTable';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './commands/services';
import { ExerciseChecker } from './exercises/checkExercise';
import { registerDebugProfile } from './exercises/debugProfile';
import { ExerciseTestTree } from './exercises/exerciseTestTree';
import { WatchMode } from './exercises/watchMode';
import { offThread } from './offThread/offThread';
import { useBundlesFrom } from './base/lazyModules';
import { lazyPartState } from './base/lazyPart';
import { ReviewStatusBar } from './views/reviewStatusBar';
import { createPapers, type Papers } from './papers/papers';
import { PLAN_SETTINGS, registerPlanContextKeys } from './plan/planContext';
import { ProgressStore } from './progress/progressStore';
import { RoadmapService } from './roadmap/roadmapService';
import { registerCheckboxes } from './views/checkboxes';
import { ProgressTreeProvider } from './views/progressTree';
import { followRoadmapProblems } from './views/roadmapProblemsMessage';
import { PlanFocusStatusBar } from './views/planStatusBar';
import { ProgressStatusBar } from './views/statusBar';
import { StudyPlanTreeProvider } from './views/studyPlanTree';
import { lazyFeatures, registerPanelSerializers } from './wiring/lazyFeatures';
import type { SnippetRunner } from './exercises/snippetRunner';
import type { DashboardPanel } from './panels/dashboardPanel';
import type { MapPanel } from './panels/mapPanel';
import type { NotesPanels } from './panels/notesPanels';
import type { QuizPanel } from './panels/quizPanel';
import type { QuizService } from './quiz/quizService';

/** What activate returns: a small surface for the integration tests and other extensions. */
export interface AiRoadmapApi {
  roadmaps: RoadmapService;
  progress: ProgressStore;
  roadmapTree: ProgressTreeProvider;
  planTree: StudyPlanTreeProvider;
  planFocus: PlanFocusStatusBar;
  notesPanel: NotesPanels;
  statusBar: ProgressStatusBar;
  reviewStatusBar: ReviewStatusBar;
  dashboard: DashboardPanel;
  quizzes: QuizService;
  quizPanel: QuizPanel;
  map: MapPanel;
  checker: ExerciseChecker;
  papers: Papers & { view: vscode.TreeView<PaperNode> };
  watch: WatchMode;
  snippets: SnippetRunner;
  /** Where authors' roadmaps load: a worker thread, a Web Worker, or (where no worker starts) the web host. */
  offThread: { readonly whereLabel: string };
  /** Whether the lazily built features exist yet (false right after activation). */
  featuresBuilt: boolean;
  /**
   * How the Node host's entry (boot.ts) evaluated dist/extension.js: with V8's code cache from an
   * earlier start ("accepted"), without one yet ("none"), or refused by V8 ("rejected"); and the
   * folder that keeps it. Absent on the web.
   */
  codeCache?: { use: 'none' | 'accepted' | 'rejected'; folder: string | undefined };
  /**
   * The Node host's activate call as dist/boot.js measured it from inside, in ms: evaluating
   * dist/extension.js, then its activate up to its first wait; ownMs is their sum. Also in the
   * log ("AI Roadmap" output). Absent on the web.
   */
  startup?: { ownMs: number; evaluateMs: number; activateMs: number };
  /** Whether dist/features.js, the code activation does not run, has been evaluated ("not loaded" right after activation; "none" on the web, which keeps it in its one bundle). */
  lazyPart: 'not loaded' | 'loaded' | 'none';
}

/** Kept for deactivate, which must let the last check-off reach the store. */
let openStore: ProgressStore | undefined;
/** Kept for dist/boot.js, which has no log of its own (see log below). */
let openLog: vscode.LogOutputChannel | undefined;

/** A line in the "AI Roadmap" output from dist/boot.js: how long activation took, a code cache not saved. */
export function log(level: 'info' | 'warn', line: string): void {
  openLog?.[level](line);
}

export async function activate(context: vscode.ExtensionContext): Promise<AiRoadmapApi> {
  useBundlesFrom(context.extensionUri);
  const log = vscode.window.createOutputChannel('AI Roadmap', { log: true });
  openLog = log;
  const settings = new Settings();
  const roadmaps = new RoadmapService(context.extensionUri, settings, log);
  const progress = await ProgressStore.open(context, settings, log);
  openStore = progress;
  // What shows or listens from startup: the trees, the status bar items, the Testing view's
  // exercises and watch mode. The rest is built on first use (wiring/lazyFeatures.ts).
  const rowCommands = { openNotes: commandId('openNotes'), openResource: commandId('openResource'), startStudyPlan: commandId('startStudyPlan'), changeStudyPace: commandId('changeStudyPace') };
  const roadmapTree = new ProgressTreeProvider(roadmaps, progress, roadmapChildren, rowCommands);
  const planTree = new StudyPlanTreeProvider(roadmaps, progress, rowCommands, settings);
  const planFocus = new PlanFocusStatusBar(roadmaps, progress, settings, commandId('openNotes'));
  const papers = createPapers(context.globalStorageUri, progress, roadmaps, settings, log, commandId('papers.openNote'));
  const exerciseTests = new ExerciseTestTree(roadmaps);
  const checker: ExerciseChecker = new ExerciseChecker(roadmaps, progress, settings, {
    scaffold: (id) => features.get().scaffold(id),
    showHint: (id) => features.get().help.showHint(id),
    checkEnvironment: () => features.get().checkEnvironment(),
  }, log, exerciseTests);
  const watch = new WatchMode(roadmaps, checker, settings);
  const features = lazyFeatures({ context, log, settings, roadmaps, progress, checker, papers });
  const statusBar = new ProgressStatusBar(roadmaps, progress, settings, commandId('openDashboard'));
  const reviewStatusBar = new ReviewStatusBar(roadmaps, progress, settings, commandId('review'));
  const treeOptions = { showCollapseAll: true, canSelectMany: true, manageCheckboxStateManually: true };
  const roadmapView = vscode.window.createTreeView(VIEWS.roadmap, { treeDataProvider: roadmapTree, ...treeOptions });
  const planView = vscode.window.createTreeView(VIEWS.studyPlan, { treeDataProvider: planTree, ...treeOptions });
  const papersView = vscode.window.createTreeView(VIEWS.papers, { treeDataProvider: papers.tree, manageCheckboxStateManually: true });
  const services = (): Services => ({ log, settings, roadmaps, progress, trees: [roadmapTree, planTree], checker, watch, papers, ...features.get() });

  context.subscriptions.push(
    log, settings, roadmaps, progress, roadmapTree, planTree, statusBar, reviewStatusBar, planFocus, offThread, checker, roadmapView, planView,
    registerCheckboxes([roadmapView, planView], roadmaps, progress),
    followRoadmapProblems(roadmapView, roadmaps),
    // The map follows the tree's selection only once it exists.
    roadmapView.onDidChangeSelection((e) => features.ifBuilt()?.map.followSelection(e.selection)),
    exerciseTests, watch, registerDebugProfile(exerciseTests, settings, log),
    registerCommands(services),
    registerPanelSerializers(features),
    registerPlanContextKeys(roadmaps, progress),
    settings.onChange(PLAN_SETTINGS, () => void features.ifBuilt()?.dashboard.refresh()),
    papers.tree, papersView, papers.nudge, papers.followCheckboxes(papersView),
  );
  setContext('hideCompleted', false);
  // The panels and services behind getters: a test or another extension that reads one builds the features.
  return {
    roadmaps, progress, roadmapTree, planTree, planFocus, statusBar, reviewStatusBar, checker, watch, offThread, papers: Object.defineProperties({ view: papersView }, Object.getOwnPropertyDescriptors(papers)) as AiRoadmapApi['papers'],
    get notesPanel() { return features.get().notes; },
    get dashboard() { return features.get().dashboard; },
    get quizzes() { return features.get().quizzes; },
    get quizPanel() { return features.get().quizPanel; },
    get map() { return features.get().map; },
    get snippets() { return features.get().snippets; },
    get featuresBuilt() { return features.ifBuilt() !== undefined; },
    get lazyPart() { return lazyPartState(); },
  };
}

/** VS Code awaits this before it disposes context.subscriptions: pending writes land first. */
export async function deactivate(): Promise<void> {
  await openStore?.flush();
  openStore = undefined;
  openLog = undefined;
}

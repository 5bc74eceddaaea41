// Entry point: builds the services and hands them to the views, panels and commands. Activation
// builds objects and registers providers only: the compiled roadmap index is read once, when the
// tree or the status bar first asks; notes, the renderer and the YAML loader load when first needed.
import * as vscode from 'vscode';
import type { PaperNode } from '../core/papers/paperRows';
import { papersSummary } from '../core/papers/paperStats';
import { roadmapChildren } from '../core/views/treeRows';
import { setContext } from './base/editorContext';
import { Settings } from './base/settings';
import { VIEWS } from './base/viewIds';
import { commandId } from './commands/commandTable';
import { showNotes } from './commands/navigationCommands';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './commands/services';
import { ExerciseChecker } from './exercises/checkExercise';
import { checkEnvironment } from './exercises/checkEnvironment';
import { registerDebugProfile } from './exercises/debugProfile';
import { ExerciseHelp } from './exercises/exerciseHelp';
import { ExerciseTestTree } from './exercises/exerciseTestTree';
import { scaffoldExercise } from './exercises/scaffoldExercise';
import { SnippetRunner } from './exercises/snippetRunner';
import { WatchMode } from './exercises/watchMode';
import { TopicNavigation } from './navigation/topicNavigation';
import { offThread } from './offThread/offThread';
import { DashboardPanel } from './panels/dashboardPanel';
import { MapPanel } from './panels/mapPanel';
import { useBundlesFrom } from './base/lazyModules';
import { MyNotes } from './panels/myNotes';
import { NotesPanels } from './panels/notesPanels';
import { QuizPanel } from './panels/quizPanel';
import { QuizService } from './quiz/quizService';
import { ReviewStatusBar } from './views/reviewStatusBar';
import { createPapers, type Papers } from './papers/papers';
import { papersSettings } from './papers/papersSettings';
import { planActions } from './plan/planActions';
import { configuredWeekStart, PLAN_SETTINGS, registerPlanContextKeys } from './plan/planContext';
import { ProgressStore } from './progress/progressStore';
import { RoadmapAuthoring } from './roadmap/roadmapAuthoring';
import { RoadmapService } from './roadmap/roadmapService';
import { registerCheckboxes } from './views/checkboxes';
import { ProgressTreeProvider } from './views/progressTree';
import { followRoadmapProblems } from './views/roadmapProblemsMessage';
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
}

/** Kept for deactivate, which must let the last check-off reach the store. */
let openStore: ProgressStore | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AiRoadmapApi> {
  useBundlesFrom(context.extensionUri);
  const log = vscode.window.createOutputChannel('AI Roadmap', { log: true });
  const settings = new Settings();
  const roadmaps = new RoadmapService(context.extensionUri, settings, log);
  const progress = await ProgressStore.open(context, settings, log);
  openStore = progress;
  const rowCommands = { openNotes: commandId('openNotes'), openResource: commandId('openResource'), startStudyPlan: commandId('startStudyPlan'), changeStudyPace: commandId('changeStudyPace') };
  const roadmapTree = new ProgressTreeProvider(roadmaps, progress, roadmapChildren, rowCommands);
  const planTree = new StudyPlanTreeProvider(roadmaps, progress, rowCommands, settings);
  const planFocus = new PlanFocusStatusBar(roadmaps, progress, settings, commandId('openNotes'));
  const plan = planActions(roadmaps, progress, settings);
  const papers = createPapers(context.globalStorageUri, progress, roadmaps, settings, log, commandId('papers.openNote'));
  const help = new ExerciseHelp(roadmaps, context.globalState);
  const scaffold = (id: string) => scaffoldExercise(roadmaps, progress, id);
  const exerciseTests = new ExerciseTestTree(roadmaps);
  const checker = new ExerciseChecker(roadmaps, progress, settings, { scaffold, showHint: (id) => help.showHint(id), checkEnvironment: () => checkEnvironment(settings, log) }, log, exerciseTests);
  const watch = new WatchMode(roadmaps, checker, settings);
  const quizzes = new QuizService(roadmaps, progress, settings, log);
  // The quiz panel and the notes panels link to each other through callbacks, called only after both exist.
  const quizPanel: QuizPanel = new QuizPanel(context.extensionUri, roadmaps, progress, quizzes, { showSection: (id, section) => notes.showSection(id, section) }, log);
  const snippets = new SnippetRunner(settings, log);
  const notes: NotesPanels = new NotesPanels(context.extensionUri, roadmaps, progress, settings, new MyNotes(context.globalStorageUri), {
    quiz: (mode, id) => quizPanel.open(mode, id),
    exercise: (action, id) => (action === 'scaffold' ? scaffold(id) : checker.check(id)),
    addPaper: (arxivId, topicId, title) => papers.addFromNote(arxivId, topicId, title),
    listedPapers: () => progress.research().papers,
    snippets,
  }, log);
  const open = (id: string) => showNotes({ notes }, id);
  const navigation = new TopicNavigation(roadmaps, progress, open);
  const dashboard = new DashboardPanel(context.extensionUri, roadmaps, progress, {
    openNotes: open,
    showNextTopics: () => navigation.showNextTopics(),
    goToTopic: () => navigation.goToTopic(),
    papers: (now) => papersSummary(progress.research(), now, papersSettings(settings).perMonth),
    startStudyPlan: () => plan.start(),
    weekStart: () => configuredWeekStart(settings),
    review: () => quizPanel.open('review'),
  }, log);
  const map = new MapPanel(context.extensionUri, roadmaps, progress, {
    openNotes: (id, beside) => showNotes({ notes }, id, { beside }),
    search: (query) => navigation.searchIds(query),
  }, log);
  const statusBar = new ProgressStatusBar(roadmaps, progress, settings, commandId('openDashboard'));
  const reviewStatusBar = new ReviewStatusBar(roadmaps, progress, settings, commandId('review'));
  const treeOptions = { showCollapseAll: true, canSelectMany: true, manageCheckboxStateManually: true };
  const roadmapView = vscode.window.createTreeView(VIEWS.roadmap, { treeDataProvider: roadmapTree, ...treeOptions });
  const planView = vscode.window.createTreeView(VIEWS.studyPlan, { treeDataProvider: planTree, ...treeOptions });
  const papersView = vscode.window.createTreeView(VIEWS.papers, { treeDataProvider: papers.tree, manageCheckboxStateManually: true });
  const authoring = new RoadmapAuthoring(context.extensionUri, settings, roadmaps);
  const services: Services = { log, settings, roadmaps, authoring, progress, trees: [roadmapTree, planTree], notes, dashboard, map, navigation, checker, help, watch, snippets, papers, plan, quizzes, quizPanel };

  context.subscriptions.push(
    log, settings, roadmaps, authoring, progress, roadmapTree, planTree, snippets, notes, quizzes, quizPanel, statusBar, reviewStatusBar, planFocus, dashboard, map, offThread, checker, navigation, roadmapView, planView,
    registerCheckboxes([roadmapView, planView], roadmaps, progress),
    followRoadmapProblems(roadmapView, roadmaps),
    roadmapView.onDidChangeSelection((e) => map.followSelection(e.selection)),
    exerciseTests, watch, registerDebugProfile(exerciseTests, settings, log),
    registerCommands(services),
    registerPlanContextKeys(roadmaps, progress),
    settings.onChange(PLAN_SETTINGS, () => void dashboard.refresh()),
    papers.tree, papersView, papers.nudge, papers.followCheckboxes(papersView),
  );
  setContext('hideCompleted', false);
  return { roadmaps, progress, roadmapTree, planTree, planFocus, notesPanel: notes, statusBar, reviewStatusBar, dashboard, map, quizzes, quizPanel, checker, watch, snippets, offThread, papers: { ...papers, view: papersView } };
}

/** VS Code awaits this before it disposes context.subscriptions: pending writes land first. */
export async function deactivate(): Promise<void> {
  await openStore?.flush();
  openStore = undefined;
}

// The features activation does not need: the panels, quizzes, Go to Topic, runnable notes, the
// study plan's actions, the exercise helpers and the authoring tools. This module is required on
// first use (lazyFeatures.ts), so neither it nor what it imports is evaluated at activation.
import type * as vscode from 'vscode';
import { papersSummary } from '../../core/papers/paperStats';
import type { Settings } from '../base/settings';
import { showNotes } from '../commands/navigationCommands';
import type { Services } from '../commands/services';
import type { ExerciseChecker } from '../exercises/checkExercise';
import { checkEnvironment } from '../exercises/checkEnvironment';
import { ExerciseHelp } from '../exercises/exerciseHelp';
import { scaffoldExercise } from '../exercises/scaffoldExercise';
import { SnippetRunner } from '../exercises/snippetRunner';
import { TopicNavigation } from '../navigation/topicNavigation';
import { DashboardPanel } from '../panels/dashboardPanel';
import { MapPanel } from '../panels/mapPanel';
import { MyNotes } from '../panels/myNotes';
import { NotesPanels } from '../panels/notesPanels';
import { QuizPanel } from '../panels/quizPanel';
import type { Papers } from '../papers/papers';
import { papersSettings } from '../papers/papersSettings';
import { planActions } from '../plan/planActions';
import { configuredWeekStart } from '../plan/planContext';
import type { ProgressStore } from '../progress/progressStore';
import { QuizService } from '../quiz/quizService';
import { RoadmapAuthoring } from '../roadmap/roadmapAuthoring';
import type { RoadmapService } from '../roadmap/roadmapService';

/** What activation builds and hands over. */
export interface Core {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  settings: Settings;
  roadmaps: RoadmapService;
  progress: ProgressStore;
  checker: ExerciseChecker;
  papers: Papers;
}

/** What is built on first use. */
export type Features = Pick<Services, 'notes' | 'dashboard' | 'map' | 'navigation' | 'help' | 'snippets' | 'plan' | 'quizzes' | 'quizPanel' | 'authoring'> & {
  scaffold(exerciseId: string): Promise<unknown>;
  checkEnvironment(): Promise<unknown>;
};

/** Builds every lazy feature at once; what it makes is disposed with the extension. */
export function createFeatures({ context, log, settings, roadmaps, progress, checker, papers }: Core): Features {
  const { extensionUri } = context;
  const plan = planActions(roadmaps, progress, settings);
  const help = new ExerciseHelp(roadmaps, context.globalState);
  const scaffold = (id: string) => scaffoldExercise(roadmaps, progress, id);
  const quizzes = new QuizService(roadmaps, progress, settings, log);
  // The quiz panel and the notes panels link to each other through callbacks, called only after both exist.
  const quizPanel: QuizPanel = new QuizPanel(extensionUri, roadmaps, progress, quizzes, { showSection: (id, section) => notes.showSection(id, section) }, log);
  const snippets = new SnippetRunner(settings, log);
  const notes: NotesPanels = new NotesPanels(extensionUri, roadmaps, progress, settings, new MyNotes(context.globalStorageUri), {
    quiz: (mode, id) => quizPanel.open(mode, id),
    exercise: (action, id) => (action === 'scaffold' ? scaffold(id) : checker.check(id)),
    addPaper: (arxivId, topicId, title) => papers.addFromNote(arxivId, topicId, title),
    listedPapers: () => progress.research().papers,
    snippets,
  }, log);
  const open = (id: string) => showNotes({ notes }, id);
  const navigation = new TopicNavigation(roadmaps, progress, open);
  const dashboard = new DashboardPanel(extensionUri, roadmaps, progress, {
    openNotes: open,
    showNextTopics: () => navigation.showNextTopics(),
    goToTopic: () => navigation.goToTopic(),
    papers: (now) => papersSummary(progress.research(), now, papersSettings(settings).perMonth),
    startStudyPlan: () => plan.start(),
    weekStart: () => configuredWeekStart(settings),
    review: () => quizPanel.open('review'),
  }, log);
  const map = new MapPanel(extensionUri, roadmaps, progress, {
    openNotes: (id, beside) => showNotes({ notes }, id, { beside }),
    search: (query) => navigation.searchIds(query),
  }, log);
  const authoring = new RoadmapAuthoring(extensionUri, settings, roadmaps);
  context.subscriptions.push(snippets, notes, quizzes, quizPanel, dashboard, map, navigation, authoring);
  return { notes, dashboard, map, navigation, help, snippets, plan, quizzes, quizPanel, authoring, scaffold, checkEnvironment: () => checkEnvironment(settings, log) };
}

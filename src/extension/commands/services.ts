import type * as vscode from 'vscode';
import type { TreeOptions } from '../../core/views/treeRows';
import type { Settings } from '../base/settings';
import type { ExerciseChecker } from '../exercises/checkExercise';
import type { ExerciseHelp } from '../exercises/exerciseHelp';
import type { SnippetRunner } from '../exercises/snippetRunner';
import type { WatchMode } from '../exercises/watchMode';
import type { Papers } from '../papers/papers';
import type { planActions } from '../plan/planActions';
import type { TopicNavigation } from '../navigation/topicNavigation';
import type { DashboardPanel } from '../panels/dashboardPanel';
import type { MapPanel } from '../panels/mapPanel';
import type { NotesPanels } from '../panels/notesPanels';
import type { QuizPanel } from '../panels/quizPanel';
import type { QuizService } from '../quiz/quizService';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapAuthoring } from '../roadmap/roadmapAuthoring';
import type { RoadmapService } from '../roadmap/roadmapService';

/** What activation builds, handed to the command handlers: they call these, never each other's commands. */
export interface Services {
  log: vscode.LogOutputChannel;
  settings: Settings;
  roadmaps: RoadmapService;
  /** New Roadmap and Import Outline: write a new roadmap folder and show it. */
  authoring: RoadmapAuthoring;
  progress: ProgressStore;
  /** The sidebar trees that hide completed topics on request. */
  trees: Array<{ setOptions(options: Partial<TreeOptions>): void }>;
  notes: NotesPanels;
  dashboard: DashboardPanel;
  map: MapPanel;
  navigation: TopicNavigation;
  checker: ExerciseChecker;
  help: ExerciseHelp;
  watch: WatchMode;
  /** Runs the Python blocks of notes. */
  snippets: SnippetRunner;
  papers: Papers;
  plan: ReturnType<typeof planActions>;
  quizzes: QuizService;
  quizPanel: QuizPanel;
}

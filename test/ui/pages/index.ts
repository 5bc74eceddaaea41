// Page objects for the real VS Code workbench in Chromium: UI tests and the bench reach the
// workbench, the tree, the panels, the status bar and the quick pick only through these.
export { audit, describeViolations, RULES_OFF, type AxeViolation } from './axeAudit';
export { Dashboard } from './dashboard';
export { MapView } from './mapView';
export { NoteSnippets, type RunOutcomeWord } from './noteSnippets';
export { NotesPanel, type Status } from './notesPanel';
export { PapersView } from './papersView';
export { QuickPick } from './quickPick';
export { QuizPanel } from './quizPanel';
export { layerDescription } from './roadmapData';
export { RoadmapTree } from './roadmapTree';
export { ProblemsView } from './problemsView';
export { ProgressStatusBar } from './statusBar';
export { StudyPlanView } from './studyPlanView';
export { TestExplorer } from './testExplorer';
export { Walkthrough } from './walkthrough';
export { focusIn, markdownPreviewFrame, webviewFrame, type FocusInFrame } from './webview';
export { resultsDir, themeKind, useWorkbench, Workbench, type WorkbenchOptions } from './workbench';

/** The sidebar views package.json contributes (the manifest test checks both ways). */
export const VIEWS = {
  roadmap: 'aiRoadmap.roadmap',
  studyPlan: 'aiRoadmap.studyPlan',
  papers: 'aiRoadmap.papers',
} as const;

/** The webview panels' view types (package.json activates on each), known before a panel's module loads. */
export const PANELS = {
  notes: 'aiRoadmap.notes',
  dashboard: 'aiRoadmap.dashboard',
  quiz: 'aiRoadmap.quiz',
  map: 'aiRoadmap.map',
} as const;

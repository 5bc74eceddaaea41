/** The sidebar views package.json contributes (the manifest test checks both ways). */
export const VIEWS = {
  roadmap: 'aiRoadmap.roadmap',
  studyPlan: 'aiRoadmap.studyPlan',
  papers: 'aiRoadmap.papers',
} as const;

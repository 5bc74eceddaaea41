/** What the editor says while an author's roadmap has problems: a notification and a line above the tree. */
export interface RoadmapProblemState {
  /** The roadmap file as the workspace names it. */
  file: string;
  errors: number;
  warnings: number;
  showing: 'last good' | 'built-in';
  /** The title of the roadmap shown meanwhile. */
  shownTitle: string;
}

export function roadmapProblemNotice(s: RoadmapProblemState): { notice: string; treeMessage: string } {
  const count = `${s.errors} problem${s.errors === 1 ? '' : 's'}`;
  return {
    notice:
      s.showing === 'last good'
        ? `${s.file} has ${count}; the last good roadmap ("${s.shownTitle}") stays on screen until they are fixed. See the Problems view.`
        : `${s.file} has ${count}, and no good version of it was loaded yet, so the built-in roadmap is shown until they are fixed. See the Problems view.`,
    treeMessage: `${s.file} has ${count} (see the Problems view). Showing ${s.showing === 'last good' ? 'the last good roadmap' : 'the built-in roadmap'} until they are fixed.`,
  };
}

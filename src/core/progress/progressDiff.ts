import type { ProgressState } from './progressModel';

/**
 * The roadmaps whose progress differs between two states: after another window or a git pull
 * wrote the store, only these need their views refreshed.
 */
export function changedRoadmaps(before: ProgressState, after: ProgressState): string[] {
  const ids = new Set([...Object.keys(before.roadmaps), ...Object.keys(after.roadmaps)]);
  const changed: string[] = [];
  for (const id of ids) {
    const a = Object.hasOwn(before.roadmaps, id) ? before.roadmaps[id] : undefined;
    const b = Object.hasOwn(after.roadmaps, id) ? after.roadmaps[id] : undefined;
    if (a !== b && JSON.stringify(a) !== JSON.stringify(b)) changed.push(id);
  }
  return changed;
}

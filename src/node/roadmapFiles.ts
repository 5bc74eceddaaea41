// Node-only helpers for the build, the CLI, the bench and the tests.
import { budgetedRoadmapFiles } from '../core/loading/budgetedRoadmapFiles';
import type { RoadmapFiles } from '../core/loading/roadmapFiles';
import { nodeContainedFiles } from './containedFiles';

/** Reads from a folder on disk, contained and bounded like the editor's reader. */
export function nodeRoadmapFiles(rootDir: string): RoadmapFiles {
  return budgetedRoadmapFiles(nodeContainedFiles(rootDir));
}

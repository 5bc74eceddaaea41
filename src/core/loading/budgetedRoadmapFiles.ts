import { FileRefused, refuse, type ContainedFiles } from './containedFiles';
import { MAX_FILE_BYTES, MAX_ROADMAP_BYTES } from './limits';
import type { RoadmapFiles } from './roadmapFiles';

/**
 * The loader's view of a contained folder, for one load: each read is capped, and all reads
 * together draw on one budget, so a roadmap of many large layers cannot cost unbounded memory.
 */
export function budgetedRoadmapFiles(files: ContainedFiles, budget = MAX_ROADMAP_BYTES, maxFile = MAX_FILE_BYTES): RoadmapFiles {
  let left = budget;
  return {
    async readText(rel) {
      if (left <= 0) refuse('budget', rel, budget);
      const cap = Math.min(maxFile, left);
      const bytes = await files.read(rel, cap).catch((e: unknown) => {
        // Too big for what is left of the budget, not for a single file: say which.
        if (e instanceof FileRefused && e.reason === 'tooBig' && cap < maxFile) refuse('budget', rel, budget);
        throw e;
      });
      if (!bytes) return undefined;
      left -= bytes.byteLength;
      return new TextDecoder().decode(bytes);
    },
    size: (rel) => files.size(rel),
  };
}

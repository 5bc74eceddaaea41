import type { RoadmapFiles } from '../../../src/core/loading/roadmapFiles';

/** An in-memory roadmap folder, for generated inputs. */
export function memoryFiles(files: Record<string, string>): RoadmapFiles {
  return {
    async readText(rel) {
      return files[rel];
    },
    async size(rel) {
      if (rel in files) return Buffer.byteLength(files[rel]);
      return Object.keys(files).some((f) => f.startsWith(`${rel}/`)) ? 0 : undefined;
    },
  };
}

// Node-only helpers for the build, the CLI, the bench and the tests; the extension reads through
// the editor's file system instead, so it also runs on the web.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RoadmapFiles } from '../core/loading/roadmapFiles';

/** Reads from a folder on disk (tests, the build and the bench; the editor passes its own). */
export function nodeRoadmapFiles(rootDir: string): RoadmapFiles {
  return {
    async readText(rel) {
      try {
        return await readFile(join(rootDir, rel), 'utf8');
      } catch {
        return undefined;
      }
    },
    async size(rel) {
      try {
        return (await stat(join(rootDir, rel))).size;
      } catch {
        return undefined;
      }
    },
  };
}

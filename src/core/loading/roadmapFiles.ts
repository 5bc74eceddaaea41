import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Read access to one roadmap's folder; every path is relative to it and already checked safe. */
export interface RoadmapFiles {
  /** The text of a file, or undefined when there is no such file. */
  readText(rel: string): Promise<string | undefined>;
  /** Size in bytes, or undefined when there is no such file or folder. Asked before reading. */
  size(rel: string): Promise<number | undefined>;
}

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

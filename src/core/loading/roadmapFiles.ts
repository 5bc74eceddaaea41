/** Read access to one roadmap's folder; every path is relative to it and already checked safe. */
export interface RoadmapFiles {
  /** The text of a file, or undefined when there is no such file. */
  readText(rel: string): Promise<string | undefined>;
  /** Size in bytes, or undefined when there is no such file or folder. Asked before reading. */
  size(rel: string): Promise<number | undefined>;
}

/**
 * Access to the files of one folder (a roadmap, a workspace) that never leaves it: every path
 * is resolved with its links and checked to stay inside, only regular files are read, and each
 * read is capped. Node and the editor's file system each provide one; refusals are thrown as
 * FileRefused with a sentence for the person who asked.
 */
export interface ContainedFiles {
  /** What the folder calls itself in messages: "the roadmap folder", "the workspace folder". */
  readonly label: string;
  /** The bytes of a regular file, or undefined when there is none; refuses more than `maxBytes`. */
  read(rel: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /** What is at `rel` once its links are resolved (inside the folder), or undefined when nothing is. */
  kind(rel: string): Promise<EntryKind | undefined>;
  /** Size in bytes of what is at `rel`, or undefined when nothing is. */
  size(rel: string): Promise<number | undefined>;
  /** The entries of a folder as they are: links are reported as links, never followed. */
  list(rel: string): Promise<Array<{ name: string; kind: EntryKind }>>;
  /** Refuses when writing `rel` (a file that may not exist yet) would land outside the folder. */
  checkWritable(rel: string): Promise<void>;
}

export type EntryKind = 'file' | 'directory' | 'link' | 'other';

export type RefusalReason = keyof typeof refusal;

export class FileRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

/** Throws the refusal of `reason` with its sentence. */
export function refuse<R extends RefusalReason>(reason: R, ...args: Parameters<(typeof refusal)[R]>): never {
  const sentence = (refusal[reason] as (...a: Parameters<(typeof refusal)[R]>) => string)(...args);
  throw new FileRefused(reason, sentence);
}

/** The sentences of the refusals, the same for every implementation. */
export const refusal = {
  outside: (rel: string, label: string) => `"${rel}" is a link that leads outside ${label}, so it was not used.`,
  notRegular: (rel: string) => `"${rel}" is not a regular file (it is a device, a pipe or a socket), so it was not read.`,
  tooBig: (rel: string, max: number) => `"${rel}" is larger than ${formatBytes(max)}, the most that is read from one file.`,
  budget: (rel: string, max: number) => `"${rel}" was not read: the roadmap's files together may be at most ${formatBytes(max)}.`,
  link: (rel: string) => `"${rel}" is a link, and links cannot be checked in this window, so it was not used.`,
  badPath: (rel: string, label: string) => `"${rel}" is not a relative path inside ${label}.`,
};

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}

/** Whether `path` is `root` or below it; both are absolute, normalised, with "/" or "\" separators. */
export function isInside(root: string, path: string, sep = '/'): boolean {
  const base = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(base);
}

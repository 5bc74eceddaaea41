// The Node side of ContainedFiles: real paths from the file system itself, so a link is judged by
// where it leads. Used by the build, the tests and the extension's Node host for local folders.
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { isInside, refuse, type ContainedFiles, type EntryKind } from '../core/loading/containedFiles';
import { safeRelativePath } from '../core/safePath';

// A FIFO opened without O_NONBLOCK waits for a writer forever; O_NOFOLLOW refuses a link swapped in after the check.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export function nodeContainedFiles(rootDir: string, label = 'the roadmap folder'): ContainedFiles {
  let realRoot: Promise<string> | undefined;
  const root = () => (realRoot ??= realOrPlanned(rootDir));
  const pathOf = (rel: string) => {
    if (rel === '' || rel === '.') return rootDir;
    const safe = safeRelativePath(rel);
    if (!safe) refuse('badPath', rel, label);
    return join(rootDir, ...safe.split('/'));
  };
  /** The real path of `rel` inside the folder, undefined when it does not exist; refuses one that leaves. */
  const resolve = async (rel: string): Promise<string | undefined> => {
    const path = pathOf(rel);
    let real: string;
    try {
      real = await realpath(path);
    } catch (e) {
      if (isMissing(e)) {
        // A dangling link is a link all the same: say so rather than "missing" if it leads out.
        if (await lstat(path).then((s) => s.isSymbolicLink(), () => false)) refuse('outside', rel, label);
        return undefined;
      }
      throw e;
    }
    if (!isInside(await root(), real, sep)) refuse('outside', rel, label);
    return real;
  };
  return {
    label,
    async read(rel, maxBytes) {
      const real = await resolve(rel);
      if (!real) return undefined;
      const handle = await open(real, READ_FLAGS);
      try {
        const stat = await handle.stat();
        if (stat.isDirectory()) return undefined;
        if (!stat.isFile()) refuse('notRegular', rel);
        if (stat.size > maxBytes) refuse('tooBig', rel, maxBytes);
        // Read to the cap and one byte more, whatever the size said: a file can grow meanwhile.
        const buffer = new Uint8Array(Math.min(maxBytes + 1, stat.size + 1));
        let total = 0;
        for (;;) {
          if (total === buffer.byteLength) refuse('tooBig', rel, maxBytes);
          const { bytesRead } = await handle.read(buffer, total, buffer.byteLength - total, null);
          if (bytesRead === 0) break;
          total += bytesRead;
        }
        return buffer.subarray(0, total);
      } finally {
        await handle.close();
      }
    },
    async kind(rel) {
      const real = await resolve(rel);
      return real ? kindOf(await lstat(real)) : undefined;
    },
    async size(rel) {
      const real = await resolve(rel);
      return real ? (await lstat(real)).size : undefined;
    },
    async list(rel) {
      const real = await resolve(rel);
      if (!real) return [];
      const entries = await readdir(real, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, kind: kindOf(e) }));
    },
    async checkWritable(rel) {
      // The file itself, or else its nearest existing folder, must resolve inside.
      for (let path = pathOf(rel); ; path = dirname(path)) {
        const stat = await lstat(path).catch((e: unknown) => (isMissing(e) ? undefined : Promise.reject(e)));
        if (stat) {
          const real = await realpath(path).catch((e: unknown) => (isMissing(e) ? undefined : Promise.reject(e)));
          if (!real || !isInside(await root(), real, sep)) refuse('outside', rel, label);
          return;
        }
        if (path === rootDir || dirname(path) === path) return;
      }
    },
  };
}

/** The real path of a folder, or of its nearest existing parent with the rest appended (a folder still to be made). */
async function realOrPlanned(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (e) {
    if (!isMissing(e) || dirname(path) === path) throw e;
    return join(await realOrPlanned(dirname(path)), basename(path));
  }
}

function kindOf(s: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  return s.isSymbolicLink() ? 'link' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

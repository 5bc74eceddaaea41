import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { safeRelativePath } from '../core/safePath';

/** The sentence for a target that exists: nothing is ever written over. */
export function targetExists(target: string): string {
  return `"${target}" already exists, so nothing was written (nothing is ever overwritten). Choose a new folder name.`;
}

/**
 * Writes `files` into a folder that must not exist yet; refuses, writing nothing, when it does.
 * Each file is created exclusively, so nothing is overwritten even if one appears meanwhile.
 */
export async function writeNewFolder(target: string, files: Record<string, string | Uint8Array>): Promise<void> {
  if (await lstat(target).then(() => true, () => false)) throw new Error(targetExists(target));
  await mkdir(dirname(target), { recursive: true });
  await mkdir(target).catch((e: NodeJS.ErrnoException) => Promise.reject(e.code === 'EEXIST' ? new Error(targetExists(target)) : e));
  for (const [rel, data] of Object.entries(files)) {
    const safe = safeRelativePath(rel);
    if (!safe) throw new Error(`"${rel}" is not a relative path inside the new folder.`);
    const path = join(target, ...safe.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data, { flag: 'wx' });
  }
}

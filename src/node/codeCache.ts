// Evaluates a CommonJS bundle with V8's code cache, as Node's require would evaluate it but without
// compiling it afresh on every start: the first start compiles and, once the extension has run a
// while, saves what V8 compiled; later starts hand that back to V8 (in plain Node, compiling the
// 128 KB startup bundle takes 7.1-7.6 ms without it, 2.3-3.5 ms with it). The cache is keyed by the bundle's SHA-256, so an update never
// meets an old cache; V8 itself refuses a cache from another V8 version or set of flags.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runAsCommonJs } from './commonJs';

/** Beyond this a cache file is not ours to trust or read (the startup bundle's is about 110 KB). */
export const MAX_CACHE_BYTES = 8 * 1024 * 1024;

/** none: no cache yet; accepted: V8 used it; rejected: V8 refused it (another V8, flags, or a damaged file). */
export type CodeCacheUse = 'none' | 'accepted' | 'rejected';

export interface CachedBundle {
  exports: unknown;
  use: CodeCacheUse;
  /** Writes what V8 has compiled so far, unless the cache was accepted; a sentence when it could not. */
  save(): string | undefined;
}

/**
 * Evaluates `filename` with Node's module wrapper, `moduleRequire` as its `require`, and the cache
 * kept in `cacheDir` (none when undefined).
 */
export function evaluateWithCodeCache(filename: string, cacheDir: string | undefined, moduleRequire: (id: string) => unknown): CachedBundle {
  const source = readFileSync(filename, 'utf8');
  const name = basename(filename);
  const cacheFile = cacheDir && join(cacheDir, `${name}-${createHash('sha256').update(source).digest('hex').slice(0, 32)}.cache`);
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const { exports, script } = runAsCommonJs(filename, moduleRequire, source, cachedData);
  const use: CodeCacheUse = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return {
    exports,
    use,
    save: () => (use === 'accepted' || !cacheFile ? undefined : writeCache(cacheFile, name, script.createCachedData())),
  };
}

/** The cache file's bytes: a regular file (not a link) of a sane size, or nothing. */
function readCache(file: string): Buffer | undefined {
  try {
    const stat = lstatSync(file, { throwIfNoEntry: false });
    return stat?.isFile() && stat.size > 0 && stat.size <= MAX_CACHE_BYTES ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache whole (a temporary file renamed over it) and removes this bundle's older caches. */
function writeCache(file: string, name: string, data: Buffer): string | undefined {
  const dir = dirname(file);
  if (data.byteLength === 0 || data.byteLength > MAX_CACHE_BYTES) return `the code cache (${data.byteLength} bytes) was not kept`;
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
    for (const old of readdirSync(dir)) {
      if (old.startsWith(`${name}-`) && old.endsWith('.cache') && join(dir, old) !== file) rmSync(join(dir, old), { force: true });
    }
    return undefined;
  } catch (e) {
    return `the code cache could not be written to ${dir}: ${(e as Error).message}`;
  }
}

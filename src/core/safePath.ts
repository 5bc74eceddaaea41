import { dirname, isAbsolute, join, normalize } from './util/posixPath';

/**
 * The normalised form of a relative path that stays inside its base folder, or undefined.
 * Content and templates come from authors we do not control: "../../.ssh" or "/etc" must
 * never reach the file system.
 */
export function safeRelativePath(p: string): string | undefined {
  if (typeof p !== 'string' || p.length === 0 || p.length > 1024) return undefined;
  if (p.includes('\0') || p.includes('\\')) return undefined;
  if (isAbsolute(p) || /^[a-zA-Z]:/.test(p)) return undefined;
  const norm = normalize(p);
  if (norm === '.' || norm === '..' || norm.startsWith('../')) return undefined;
  return norm;
}

/** Resolves `rel` against the folder of `fromFile` (both relative to the same root), safely. */
export function resolveSibling(fromFile: string, rel: string): string | undefined {
  // "../x" may be fine from a subfolder; only the joined result has to stay inside.
  if (typeof rel !== 'string' || isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return undefined;
  return safeRelativePath(join(dirname(fromFile), rel));
}

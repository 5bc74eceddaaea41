/**
 * The few POSIX path operations the core needs, on "/"-separated relative paths, so the core
 * runs where there is no node:path (VS Code for the Web). They agree with node:path's posix
 * versions (a unit test compares them on random paths).
 */
export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** Resolves "." and ".." segments and repeated slashes; "" becomes ".". */
export function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = isAbsolute(p);
  const trailing = p.endsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(seg);
  }
  let s = out.join('/');
  if (absolute) s = `/${s}`;
  else if (s === '') s = '.';
  if (trailing && s !== '/' && s !== '.') s += '/';
  else if (trailing && s === '.') s = './';
  return s;
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function dirname(p: string): string {
  if (p === '') return '.';
  // As node does: drop trailing slashes, then the last segment, keeping the slashes before it but one.
  let end = -1;
  let sawSegment = false;
  for (let i = p.length - 1; i >= 1; i--) {
    if (p[i] === '/') {
      if (sawSegment) {
        end = i;
        break;
      }
    } else sawSegment = true;
  }
  if (end === -1) return isAbsolute(p) ? '/' : '.';
  if (isAbsolute(p) && end === 1) return '//';
  return p.slice(0, end);
}

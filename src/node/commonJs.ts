// Node's module wrapper, for a bundle we evaluate ourselves instead of through require: the code
// cache (codeCache.ts) and the lazy part (extension/base/lazyPart.ts) share it.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Compiles `filename` as Node would (with V8's `cachedData` when given), runs it with `moduleRequire`, and returns its exports and the script. */
export function runAsCommonJs(filename: string, moduleRequire: (id: string) => unknown, source = readFileSync(filename, 'utf8'), cachedData?: Buffer): { exports: unknown; script: Script } {
  // Node's own wrapper, on the code's first line, so positions in stack traces and maps hold.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, moduleRequire, module, filename, dirname(filename));
  return { exports: module.exports, script };
}

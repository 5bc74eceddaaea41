// What activation does not run lives in dist/features.js: the build (scripts/lazy-part.mjs) sends
// every require() of our own code there, so activation neither evaluates nor parses it. The first
// such require evaluates it here, with a `require` that hands it the modules it shares with
// extension.js, so both bundles use one instance of each (one settings object, one store).
import { join } from 'node:path';
import { runAsCommonJs } from '../../node/commonJs';

const HOST = 'ai-roadmap-host:';
let part: Readonly<Record<string, unknown>> | undefined;

/** Whether dist/features.js has been evaluated; "none" in a build that keeps it in extension.js. */
export function lazyPartState(): 'not loaded' | 'loaded' | 'none' {
  return part ? 'loaded' : 'not loaded';
}

/** One module of the lazy part, by its source path; the build writes the calls and the host's table. */
export function lazyPartModule(id: string, host: Readonly<Record<string, unknown>>): unknown {
  part ??= evaluate(host);
  if (!Object.hasOwn(part, id)) throw new Error(`dist/features.js has no module ${id}; rebuild the extension.`);
  return part[id];
}

function evaluate(host: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const hostRequire = (id: string): unknown => {
    // Node's modules: extension.js's own require, which resolves from the same folder.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (!id.startsWith(HOST)) return require(id);
    const key = id.slice(HOST.length);
    if (!Object.hasOwn(host, key)) throw new Error(`dist/features.js needs ${key} from dist/extension.js, which does not hand it over; rebuild the extension.`);
    return host[key];
  };
  // Node's module wrapper, without a code cache: it runs on first use, not at startup.
  const { exports } = runAsCommonJs(join(__dirname, 'features.js'), hostRequire) as { exports: { modules?: Record<string, unknown> } };
  if (!exports.modules) throw new Error('dist/features.js exports no modules; rebuild the extension.');
  return exports.modules;
}

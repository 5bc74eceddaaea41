// The core worker of VS Code for the Web: a Web Worker the web worker extension host starts, so an
// author's roadmap is parsed and checked, and a note rendered, off the extension host's thread.
// It can read neither the extension's folder nor the workspace: the host sends the sources of the
// shipped bundles it asks for (dist/loader.js, render.js, languages/*.js, and the lib/*.js they
// require) and every file.
import { WORKER_BUNDLES, type FromWorker, type ToWorker } from '../extension/offThread/protocol';
import { evaluateBundle, sharedLibrariesOf } from '../core/sharedLibraries';
import { serveCore } from './coreWorkerLoop';

declare const self: { postMessage(m: FromWorker): void; onmessage: ((e: { data: ToWorker }) => void) | null };

const bundles = new Map<string, Promise<unknown>>();

type Ask = (m: { kind: 'bundle'; name: string }) => Promise<string | number | undefined>;

function bundle(name: string, ask: Ask): Promise<unknown> {
  if (!WORKER_BUNDLES.test(name)) return Promise.reject(new Error(`There is no bundle "${name}".`));
  let p = bundles.get(name);
  if (!p) {
    p = ask({ kind: 'bundle', name }).then(async (source) => {
      if (typeof source !== 'string') throw new Error(`The bundle "${name}" could not be read.`);
      // Our own CommonJS bundle, as lazyModules.web.ts evaluates it in the host, with the
      // libraries it shares with other bundles (dist/lib) asked for first.
      const libraries = new Map<string, unknown>();
      for (const lib of sharedLibrariesOf(source)) libraries.set(lib, await bundle(lib, ask));
      return evaluateBundle(name, source, `ai-roadmap-worker/${name}`, libraries);
    });
    p.catch(() => bundles.delete(name));
    bundles.set(name, p);
  }
  return p;
}

const handle = serveCore({ send: (m) => self.postMessage(m), bundle });

self.onmessage = (e) => handle(e.data);
self.postMessage({ kind: 'ready' });

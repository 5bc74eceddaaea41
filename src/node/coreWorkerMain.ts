// The core worker (a worker_threads thread of the desktop extension host): renders notes and loads
// authors' roadmaps, so a hostile or huge roadmap never stalls the editor. Files are read by the
// host through the editor's file system; this thread only asks for them.
import { parentPort } from 'node:worker_threads';
import { WORKER_BUNDLES, type FromWorker } from '../extension/offThread/protocol';
import { serveCore } from '../worker/coreWorkerLoop';

const port = parentPort!;

port.on(
  'message',
  serveCore({
    send: (m: FromWorker) => port.postMessage(m),
    // The same lazy bundles the host would require, beside this file in dist/.
    bundle: async (name) => {
      if (!WORKER_BUNDLES.test(name)) throw new Error(`There is no bundle "${name}".`);
      const path = `./${name}`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(path) as unknown;
    },
  }),
);
port.postMessage({ kind: 'ready' } satisfies FromWorker);

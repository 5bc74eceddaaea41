// The core worker (a worker_threads thread of the desktop extension host): renders notes and loads
// authors' roadmaps, so a hostile or huge roadmap never stalls the editor. Files are read by the
// host through the editor's file system; this thread only asks for them.
import { parentPort } from 'node:worker_threads';
import type { RoadmapFiles } from '../core/loading/roadmapFiles';
import { isLanguageBundle, type NotesRenderer } from '../core/render/codeLanguages';
import type { FromWorker, ToWorker } from '../extension/offThread/protocol';

type Loader = typeof import('../core/loading/loadRoadmap');
type Renderer = typeof import('../core/render/renderNotes');

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);
const pendingFiles = new Map<number, { resolve: (value: string | number | undefined) => void; reject: (e: Error) => void }>();
let nextFile = 0;
let render: NotesRenderer | undefined;

// The same lazy bundles the host would require, beside this file in dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = () => require('./loader.js') as Loader;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const renderer = () => require('./render.js') as Renderer;
/** A code language's grammar (dist/languages/<bundle>.js); only names from the table are required. */
const language = (bundle: string): unknown => {
  if (!isLanguageBundle(bundle)) return undefined;
  const path = `./languages/${bundle}.js`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path);
};

function filesOf(load: number): RoadmapFiles {
  const ask = (op: 'readText' | 'size', rel: string) =>
    new Promise<string | number | undefined>((resolve, reject) => {
      const id = nextFile++;
      pendingFiles.set(id, { resolve, reject });
      send({ kind: 'file', id, load, op, rel });
    });
  return {
    readText: async (rel) => {
      const v = await ask('readText', rel);
      return typeof v === 'string' ? v : undefined;
    },
    size: async (rel) => {
      const v = await ask('size', rel);
      return typeof v === 'number' ? v : undefined;
    },
  };
}

port.on('message', (m: ToWorker) => {
  if (m.kind === 'file') {
    const p = pendingFiles.get(m.id);
    pendingFiles.delete(m.id);
    if (m.refused !== undefined) p?.reject(new Error(m.refused));
    else p?.resolve(m.value);
  } else if (m.kind === 'render') {
    try {
      render ??= renderer().createNotesRenderer();
      for (const bundle of render.missingLanguages(m.markdown)) render.addLanguage(bundle, language(bundle));
      send({ kind: 'rendered', id: m.id, html: render(m.markdown) });
    } catch (e) {
      send({ kind: 'failed', id: m.id, message: (e as Error).message });
    }
  } else {
    loader()
      .loadRoadmap(filesOf(m.id), m.entry)
      .then((result) => send({ kind: 'loaded', id: m.id, result }))
      .catch((e: Error) => send({ kind: 'failed', id: m.id, message: e.message }));
  }
});

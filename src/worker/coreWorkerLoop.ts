// The core worker's side of the off-thread protocol, the same on a Node worker thread (desktop) and
// in a Web Worker (VS Code for the Web): loads authors' roadmaps and renders their notes, asking the
// host for each file and, where it cannot load them itself, for the bundles that do the work.
import type { RoadmapFiles } from '../core/loading/roadmapFiles';
import { isLanguageBundle, renderWithLanguages, type NotesRenderer } from '../core/render/codeLanguages';
import type { FromWorker, ToWorker } from '../extension/offThread/protocol';

type Loader = typeof import('../core/loading/loadRoadmap');
type Renderer = typeof import('../core/render/renderNotes');

export interface WorkerSide {
  send(m: FromWorker): void;
  /** The exports of a shipped bundle: 'loader.js', 'render.js' or 'languages/<bundle>.js'. */
  bundle(name: string, ask: (m: { kind: 'bundle'; name: string }) => Promise<string | number | undefined>): Promise<unknown>;
}

/** The handler of the host's messages. */
export function serveCore(side: WorkerSide): (m: ToWorker) => void {
  const pending = new Map<number, { resolve: (value: string | number | undefined) => void; reject: (e: Error) => void }>();
  let nextAsk = 0;
  let render: NotesRenderer | undefined;

  const ask = (question: { kind: 'file'; load: number; op: 'readText' | 'size'; rel: string } | { kind: 'bundle'; name: string }) =>
    new Promise<string | number | undefined>((resolve, reject) => {
      const id = nextAsk++;
      pending.set(id, { resolve, reject });
      side.send({ ...question, id });
    });
  const bundle = (name: string) => side.bundle(name, ask);

  const filesOf = (load: number): RoadmapFiles => ({
    readText: async (rel) => {
      const v = await ask({ kind: 'file', load, op: 'readText', rel });
      return typeof v === 'string' ? v : undefined;
    },
    size: async (rel) => {
      const v = await ask({ kind: 'file', load, op: 'size', rel });
      return typeof v === 'number' ? v : undefined;
    },
  });

  const failed = (id: number) => (e: Error) => side.send({ kind: 'failed', id, message: e.message });

  return (m) => {
    if (m.kind === 'answer') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.refused !== undefined) p?.reject(new Error(m.refused));
      else p?.resolve(m.value);
    } else if (m.kind === 'render') {
      (async () => {
        render ??= ((await bundle('render.js')) as Renderer).createNotesRenderer();
        // Only names from the table are asked for: a note's text never chooses what is loaded.
        const html = await renderWithLanguages(render, m.markdown, (b) => (isLanguageBundle(b) ? bundle(`languages/${b}.js`) : Promise.resolve(undefined)));
        side.send({ kind: 'rendered', id: m.id, html });
      })().catch(failed(m.id));
    } else {
      (async () => {
        const result = await ((await bundle('loader.js')) as Loader).loadRoadmap(filesOf(m.id), m.entry);
        side.send({ kind: 'loaded', id: m.id, result });
      })().catch(failed(m.id));
    }
  };
}

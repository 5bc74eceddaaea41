// The core worker's side of the off-thread protocol, the same on a Node worker thread (desktop) and
// in a Web Worker (VS Code for the Web): loads authors' roadmaps and renders their notes, asking the
// host for each file and, where it cannot load them itself, for the bundles that do the work.
import type { RoadmapFiles } from '../core/loading/roadmapFiles';
import { splitLoadResult, type LoadPart } from '../core/loading/loadResultParts';
import { isLanguageBundle, renderWithLanguages, type NotesRenderer } from '../core/render/codeLanguages';
import type { FromWorker, ToWorker } from '../extension/offThread/protocol';

type Loader = typeof import('../core/loading/loadRoadmap');
type Renderer = typeof import('../core/render/renderNotes');

/** The parts of this many loads are kept for the host to ask for; an older load's are dropped. */
const KEPT_LOADS = 4;

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
  /** The parts of each recent load's roadmap, until the host has asked for the last of them. */
  const loadedParts = new Map<number, LoadPart[]>();

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
    } else if (m.kind === 'part') {
      const parts = loadedParts.get(m.load);
      const part = parts?.[m.seq];
      if (!parts || !part) return failed(m.id)(new Error(`The core worker has no part ${m.seq + 1} of that roadmap.`));
      if (m.seq === parts.length - 1) loadedParts.delete(m.load);
      side.send({ kind: 'part', id: m.id, part });
    } else {
      (async () => {
        const result = await ((await bundle('loader.js')) as Loader).loadRoadmap(filesOf(m.id), m.entry);
        // The topics go part by part, each in a message the host takes in a task of its own.
        const { head, parts } = splitLoadResult(result);
        if (parts.length) loadedParts.set(m.id, parts);
        for (const old of loadedParts.keys()) if (loadedParts.size > KEPT_LOADS) loadedParts.delete(old);
        side.send({ kind: 'loaded', id: m.id, head });
      })().catch(failed(m.id));
    }
  };
}

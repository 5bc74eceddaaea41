import type { LoadResult } from '../../core/loading/loadRoadmap';
import type { RoadmapFiles } from '../../core/loading/roadmapFiles';
import { renderWithLanguages, type NotesRenderer } from '../../core/render/codeLanguages';
import { bundleText, codeLanguage, notesRenderer, roadmapLoader } from '../base/lazyModules';
import type { FromWorker, ToWorker } from './protocol';
import { CoreWorkerClient } from './workerClient';

/** The Web Worker of the browser, as the web worker extension host offers it (not in @types/node). */
interface WebWorker {
  postMessage(m: ToWorker): void;
  terminate(): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  onerror: ((e: { message?: string; preventDefault(): void }) => void) | null;
}
type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;

/**
 * dist/web/coreWorker.js in a Web Worker started by the extension host (itself a web worker). Its
 * script is read from the extension and given as a blob, as VS Code for the Web serves the
 * extension's files through the editor, not at an address the worker could load.
 */
const client = new CoreWorkerClient(async (events) => {
  const WorkerClass = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
  if (!WorkerClass) throw new Error('This host cannot start a Web Worker.');
  const url = URL.createObjectURL(new Blob([await bundleText('web/coreWorker.js')], { type: 'text/javascript' }));
  const worker = new WorkerClass(url, { name: 'AI Roadmap core worker' });
  worker.onmessage = (e) => events.message(e.data);
  const terminate = () => {
    worker.terminate();
    URL.revokeObjectURL(url);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    terminate(); // what it was doing is lost; the next request starts a fresh one
    events.lost(`The core worker failed: ${e.message ?? 'it could not start'}`);
  };
  return { post: (m) => worker.postMessage(m), terminate };
}, bundleText);

/** Set when a Web Worker could not be started here: the work then runs on the host thread. */
let onHost = false;
let render: NotesRenderer | undefined;

/** When no worker ever answered, workers cannot run here; a failure after that is the work's own. */
function orOnHost<T>(inWorker: () => Promise<T>, onHostThread: () => Promise<T>): Promise<T> {
  if (onHost) return onHostThread();
  return inWorker().catch((e: Error) => {
    if (client.answered) throw e;
    onHost = true;
    client.dispose();
    return onHostThread();
  });
}

/**
 * VS Code for the Web: the extension host is a web worker of its own, and an author's roadmap is
 * loaded, and its notes rendered, in a further Web Worker, so they never hold the host's thread.
 * Where no worker can be started, the work runs on the host's thread, within the core's bounds.
 */
export const offThread = {
  get whereLabel(): string {
    return onHost ? 'the web extension host' : 'a Web Worker';
  },
  renderNotes(markdown: string): Promise<string> {
    return orOnHost(
      () => client.renderNotes(markdown),
      async () => {
        render ??= (await notesRenderer()).createNotesRenderer();
        return renderWithLanguages(render, markdown, codeLanguage);
      },
    );
  },
  loadRoadmap(files: RoadmapFiles, entry: string): Promise<LoadResult> {
    return orOnHost(
      () => client.loadRoadmap(files, entry),
      async () => (await roadmapLoader()).loadRoadmap(files, entry),
    );
  },
  dispose(): void {
    client.dispose();
  },
};

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from '../../core/loading/loadRoadmap';
import type { RoadmapFiles } from '../../core/loading/roadmapFiles';
import type { FromWorker, ToWorker } from './protocol';

/** A note that takes longer than this to render is given up (with the worker that rendered it). */
export const RENDER_DEADLINE_MS = 30_000;
/** A roadmap within the loader's size budgets loads well within this, even on a slow machine. */
export const LOAD_DEADLINE_MS = 180_000;

/**
 * Authors' roadmaps are loaded, and their notes rendered, on a worker thread: however large or
 * hostile, they never hold the extension host's thread. The worker starts on first use, and one
 * that passes its deadline is ended, and a fresh one started for the next request.
 */
export const offThread = {
  whereLabel: 'a worker thread',
  renderNotes(markdown: string): Promise<string> {
    return request({ kind: 'render', markdown }, RENDER_DEADLINE_MS, 'Rendering this note').then((m) => (m.kind === 'rendered' ? m.html : ''));
  },
  loadRoadmap(files: RoadmapFiles, entry: string): Promise<LoadResult> {
    const done = request({ kind: 'load', entry }, LOAD_DEADLINE_MS, 'Loading the roadmap', files);
    return done.then((m) => (m.kind === 'loaded' ? m.result : { ok: false, problems: [] }));
  },
  dispose(): void {
    void current?.worker.terminate();
    current = undefined;
  },
};

interface Pending {
  settle: (m: FromWorker) => void;
  fail: (e: Error) => void;
  files?: RoadmapFiles;
}

let current: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

function worker() {
  if (current) return current;
  const worker = new Worker(join(__dirname, 'coreWorker.js'));
  worker.unref(); // never keeps the extension host alive
  const pending = new Map<number, Pending>();
  const self = { worker, pending };
  worker.on('message', (m: FromWorker) => {
    if (m.kind === 'file') {
      const files = pending.get(m.load)?.files;
      const answer = (value: string | number | undefined, refused?: string) => worker.postMessage({ kind: 'file', id: m.id, value, refused } satisfies ToWorker);
      if (!files) return answer(undefined);
      // A refusal of the reader (a link out of the folder, a file over its cap) keeps its sentence.
      (m.op === 'readText' ? files.readText(m.rel) : files.size(m.rel)).then(answer, (e: Error) => answer(undefined, e.message));
      return;
    }
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.kind === 'failed') p?.fail(new Error(m.message));
    else p?.settle(m);
  });
  const lost = (why: string) => {
    if (current === self) current = undefined;
    for (const p of pending.values()) p.fail(new Error(why));
    pending.clear();
  };
  worker.on('error', (e) => lost(`The core worker failed: ${e.message}`));
  worker.on('exit', (code) => lost(`The core worker stopped (exit code ${code}).`));
  current = self;
  return self;
}

type Request = { kind: 'render'; markdown: string } | { kind: 'load'; entry: string };

function request(message: Request, deadline: number, what: string, files?: RoadmapFiles): Promise<FromWorker> {
  const w = worker();
  const id = nextId++;
  return new Promise<FromWorker>((resolve, reject) => {
    const timer = setTimeout(() => {
      // The worker is busy with it and cannot be interrupted: end it; the next request starts another.
      if (current === w) current = undefined;
      void w.worker.terminate();
      reject(new Error(`${what} took longer than ${deadline / 1000} s and was stopped.`));
    }, deadline);
    w.pending.set(id, {
      settle: (m) => {
        clearTimeout(timer);
        resolve(m);
      },
      fail: (e) => {
        clearTimeout(timer);
        reject(e);
      },
      files,
    });
    w.worker.postMessage({ ...message, id } satisfies ToWorker);
  });
}

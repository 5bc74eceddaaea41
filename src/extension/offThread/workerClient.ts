import type { LoadResult } from '../../core/loading/loadRoadmap';
import { LoadResultAssembler } from '../../core/loading/loadResultParts';
import type { RoadmapFiles } from '../../core/loading/roadmapFiles';
import { WORKER_BUNDLES, type FromWorker, type ToWorker } from './protocol';

/** A note that takes longer than this to render is given up (with the worker that rendered it). */
export const RENDER_DEADLINE_MS = 30_000;
/** A roadmap within the loader's size budgets loads well within this, even on a slow machine. */
export const LOAD_DEADLINE_MS = 180_000;
/** Each part of a loaded roadmap comes within this (the worker has it ready; it only sends it). */
export const PART_DEADLINE_MS = 30_000;
/** A worker says it is ready within this, or is taken as one that cannot start here. */
export const START_DEADLINE_MS = 30_000;

/** A started worker, whatever its kind (a Node worker thread, a Web Worker). */
export interface WorkerPort {
  post(m: ToWorker): void;
  terminate(): void;
}

/** What a worker tells its client: a message, or that it is gone. */
export interface WorkerEvents {
  message(m: FromWorker): void;
  lost(why: string): void;
}

interface Pending {
  settle: (m: FromWorker) => void;
  fail: (e: Error) => void;
  files?: RoadmapFiles;
}

interface Running {
  port: WorkerPort;
  pending: Map<number, Pending>;
  ready: () => void;
}

/**
 * The host's side of the core worker: requests with deadlines, and the files (and, for a Web
 * Worker, the bundle sources) the worker asks for. The worker starts on first use; one that passes
 * a deadline cannot be interrupted, so it is ended and the next request starts a fresh one.
 */
export class CoreWorkerClient {
  private current: Promise<Running> | undefined;
  private nextId = 0;
  /** Whether a worker has ever answered: until one has, a failure may mean workers cannot start here. */
  answered = false;

  constructor(
    private readonly start: (events: WorkerEvents) => Promise<WorkerPort>,
    private readonly bundleSource?: (name: string) => Promise<string>,
  ) {}

  renderNotes(markdown: string): Promise<string> {
    return this.request({ kind: 'render', markdown }, RENDER_DEADLINE_MS, 'Rendering this note').then((m) => (m.kind === 'rendered' ? m.html : ''));
  }

  /**
   * The roadmap comes without its topics, then they come part by part, each asked for when the last
   * one is in: each arrives in a task of its own, so however large the roadmap, no one task of the
   * host takes it all in (one message of 10,000 topics held the web worker host for 0.2 s).
   */
  async loadRoadmap(files: RoadmapFiles, entry: string): Promise<LoadResult> {
    const m = await this.request({ kind: 'load', entry }, LOAD_DEADLINE_MS, 'Loading the roadmap', files);
    const loaded = m.kind === 'loaded' ? m : undefined;
    const assembler = new LoadResultAssembler(loaded?.head);
    for (let seq = 0; loaded && seq < assembler.parts; seq++) {
      const m = await this.request({ kind: 'part', load: loaded.id, seq }, PART_DEADLINE_MS, 'Receiving the loaded roadmap');
      assembler.add(m.kind === 'part' ? m.part : undefined);
    }
    return assembler.result();
  }

  dispose(): void {
    const c = this.current;
    this.current = undefined;
    c?.then((r) => r.port.terminate(), () => undefined);
  }

  private running(): Promise<Running> {
    if (this.current) return this.current;
    const r = { pending: new Map<number, Pending>() } as Running;
    const ready = new Promise<void>((resolve) => (r.ready = resolve));
    let lostBeforeReady: ((e: Error) => void) | undefined;
    const started: Promise<Running> = this.start({
      message: (m) => this.received(r, m),
      lost: (why) => {
        lostBeforeReady?.(new Error(why));
        this.lose(started, r, why);
      },
    }).then(async (port) => {
      r.port = port;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        // A worker that cannot start here may say nothing at all: wait for its word, not forever.
        await Promise.race([
          ready,
          new Promise<never>((_, reject) => {
            lostBeforeReady = reject;
            timer = setTimeout(() => reject(new Error(`The core worker did not start within ${START_DEADLINE_MS / 1000} s.`)), START_DEADLINE_MS);
          }),
        ]);
      } catch (e) {
        port.terminate();
        throw e;
      } finally {
        clearTimeout(timer);
        lostBeforeReady = undefined;
      }
      return r;
    });
    started.catch(() => this.current === started && (this.current = undefined));
    this.current = started;
    return started;
  }

  private lose(started: Promise<Running>, r: Running, why: string) {
    if (this.current === started) this.current = undefined;
    for (const p of r.pending.values()) p.fail(new Error(why));
    r.pending.clear();
  }

  private received(r: Running, m: FromWorker) {
    this.answered = true;
    if (m.kind === 'ready') return r.ready();
    const answer = (id: number) => (value: string | number | undefined, refused?: string) => r.port.post({ kind: 'answer', id, value, refused });
    if (m.kind === 'file') {
      const files = r.pending.get(m.load)?.files;
      if (!files) return answer(m.id)(undefined);
      // A refusal of the reader (a link out of the folder, a file over its cap) keeps its sentence.
      (m.op === 'readText' ? files.readText(m.rel) : files.size(m.rel)).then(answer(m.id), (e: Error) => answer(m.id)(undefined, e.message));
      return;
    }
    if (m.kind === 'bundle') {
      // Only our own shipped bundles, by a name the pattern allows: never a path from a roadmap.
      if (!this.bundleSource || !WORKER_BUNDLES.test(m.name)) return answer(m.id)(undefined, `There is no bundle "${m.name}".`);
      this.bundleSource(m.name).then(answer(m.id), (e: Error) => answer(m.id)(undefined, e.message));
      return;
    }
    const p = r.pending.get(m.id);
    r.pending.delete(m.id);
    if (m.kind === 'failed') p?.fail(new Error(m.message));
    else p?.settle(m);
  }

  private async request(message: { kind: 'render'; markdown: string } | { kind: 'load'; entry: string } | { kind: 'part'; load: number; seq: number }, deadline: number, what: string, files?: RoadmapFiles): Promise<FromWorker> {
    const started = this.running();
    const r = await started;
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      const timer = setTimeout(() => {
        r.pending.delete(id);
        reject(new Error(`${what} took longer than ${deadline / 1000} s and was stopped.`));
        // The worker is busy with it and cannot be interrupted: end it; the next request starts another.
        this.lose(started, r, 'The core worker was restarted: another request took too long.');
        r.port.terminate();
      }, deadline);
      r.pending.set(id, {
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
      r.port.post({ ...message, id });
    });
  }
}

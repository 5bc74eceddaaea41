import type { LoadHead, LoadPart } from '../../core/loading/loadResultParts';

/** What the extension host asks the core worker, and its answers to what the worker asks. */
export type ToWorker =
  | { kind: 'render'; id: number; markdown: string }
  | { kind: 'load'; id: number; entry: string }
  /** The `seq`-th part (from 0) of the roadmap that load `load` answered with. */
  | { kind: 'part'; id: number; load: number; seq: number }
  | { kind: 'answer'; id: number; value: string | number | undefined; refused?: string };

/**
 * What the core worker answers, and what it asks of the host: a file of the roadmap (its files are
 * the editor's) or, in the web worker, the source of a shipped bundle (a worker in a web worker
 * host can read neither the extension's folder nor the workspace).
 */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'rendered'; id: number; html: string }
  /** A loaded roadmap without its topics; the host asks for them part by part (core/loading/loadResultParts). */
  | { kind: 'loaded'; id: number; head: LoadHead }
  | { kind: 'part'; id: number; part: LoadPart }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'file'; id: number; load: number; op: 'readText' | 'size'; rel: string }
  | { kind: 'bundle'; id: number; name: string };

/** The bundles a worker may ask for: the loader, the renderer and the renderer's code languages. */
export const WORKER_BUNDLES = /^(?:loader\.js|render\.js|languages\/[\w-]+\.js|lib\/[\w-]+\.js)$/;

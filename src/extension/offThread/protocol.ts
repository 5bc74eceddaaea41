import type { LoadResult } from '../../core/loading/loadRoadmap';

/** What the extension host asks the core worker, and the file answers it sends back. */
export type ToWorker =
  | { kind: 'render'; id: number; markdown: string }
  | { kind: 'load'; id: number; entry: string }
  | { kind: 'file'; id: number; value: string | number | undefined; refused?: string };

/** What the core worker answers, and the file reads it asks of the host (its files are the editor's). */
export type FromWorker =
  | { kind: 'rendered'; id: number; html: string }
  | { kind: 'loaded'; id: number; result: LoadResult }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'file'; id: number; load: number; op: 'readText' | 'size'; rel: string };

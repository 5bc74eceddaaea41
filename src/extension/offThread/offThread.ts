import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from '../../core/loading/loadRoadmap';
import type { RoadmapFiles } from '../../core/loading/roadmapFiles';
import { CoreWorkerClient } from './workerClient';

/** dist/coreWorker.js on a worker thread; it requires the bundles beside it itself. */
const client = new CoreWorkerClient(async (events) => {
  const worker = new Worker(join(__dirname, 'coreWorker.js'));
  worker.unref(); // never keeps the extension host alive
  worker.on('message', events.message);
  worker.on('error', (e) => events.lost(`The core worker failed: ${e.message}`));
  worker.on('exit', (code) => events.lost(`The core worker stopped (exit code ${code}).`));
  return { post: (m) => worker.postMessage(m), terminate: () => void worker.terminate() };
});

/**
 * Authors' roadmaps are loaded, and their notes rendered, on a worker thread: however large or
 * hostile, they never hold the extension host's thread.
 */
export const offThread = {
  whereLabel: 'a worker thread',
  renderNotes: (markdown: string): Promise<string> => client.renderNotes(markdown),
  loadRoadmap: (files: RoadmapFiles, entry: string): Promise<LoadResult> => client.loadRoadmap(files, entry),
  dispose: (): void => client.dispose(),
};

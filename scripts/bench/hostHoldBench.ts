import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { parse } from 'yaml';
import { loadRoadmap, type LoadResult } from '../../src/core/loading/loadRoadmap';
import type { RoadmapFiles } from '../../src/core/loading/roadmapFiles';
import { splitLoadResult } from '../../src/core/loading/loadResultParts';
import type { FromWorker, ToWorker } from '../../src/extension/offThread/protocol';
import { CoreWorkerClient, type WorkerEvents, type WorkerPort } from '../../src/extension/offThread/workerClient';
import { generateAuthorRoadmapFiles } from './generateRoadmap';
import { kb, ms, type Row } from './measure';

/** The longest this thread is held while `work` runs: the biggest gap between ticks of a 10 ms timer. */
async function longestHold<T>(work: () => Promise<T>): Promise<{ longest: number; took: number; result: T }> {
  const started = performance.now();
  let last = started;
  let longest = 0;
  const ticks = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    const end = performance.now();
    return { longest: Math.max(longest, end - last), took: end - started, result };
  } finally {
    clearInterval(ticks);
  }
}

/** The fastest of seven runs of a short step: on a busy machine only the fastest is the step alone. */
function fastest(step: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    step();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const memoryFiles = (files: Record<string, string>): RoadmapFiles => ({ readText: async (rel) => files[rel], size: async (rel) => files[rel]?.length });

/** A worker thread as the desktop host starts it: dist/coreWorker.js, which requires the bundles beside it. */
function desktopWorker(dist: string) {
  return async (events: WorkerEvents): Promise<WorkerPort> => {
    const worker = new Worker(join(dist, 'coreWorker.js'));
    worker.on('message', events.message);
    worker.on('exit', () => events.lost('stopped'));
    return { post: (m: ToWorker) => worker.postMessage(m), terminate: () => void worker.terminate() };
  };
}

/**
 * The web build's worker, dist/web/coreWorker.js, on a worker thread with the Web Worker's `self`
 * shimmed: the same script and protocol (every bundle sent as source text), without a browser.
 */
function webWorker(dist: string) {
  const shim = `const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = { postMessage: (m) => parentPort.postMessage(m), set onmessage(f) { parentPort.on('message', (data) => f({ data })); } };
new Function(workerData)();`;
  return async (events: WorkerEvents): Promise<WorkerPort> => {
    const worker = new Worker(shim, { eval: true, workerData: readFileSync(join(dist, 'web', 'coreWorker.js'), 'utf8') });
    worker.on('message', (m: FromWorker) => events.message(m));
    worker.on('exit', () => events.lost('stopped'));
    return { post: (m: ToWorker) => worker.postMessage(m), terminate: () => void worker.terminate() };
  };
}

/** Measured loads on each worker: the best of them is the figure (a loaded machine only adds to a hold). */
const RUNS = 3;

/**
 * Issue 11's last bound: loading an author's roadmap never holds the extension host for more than
 * about 100 ms at a time. The longest hold of this thread (as the host) while the roadmap loads on
 * the desktop's worker thread and in the web build's worker, beside the same load in one piece on
 * this thread and a bare yaml.parse of the same files; the workers' figures also beside the bare
 * structured clone of the whole result, what receiving it in one message cost the host before it
 * came in parts (core/loading/loadResultParts.ts). The host's own work after a load (indexing, the
 * views) is not in these figures; it runs in tasks of its own (roadmapService.ts).
 */
export async function hostHoldRows(root: string): Promise<Row[]> {
  const dist = join(root, 'dist');
  const rows: Row[] = [];
  const bundleSource = async (name: string) => readFileSync(join(dist, name), 'utf8');
  for (const topics of [5_000, 10_000, 20_000]) {
    const files = generateAuthorRoadmapFiles(topics);
    const texts = Object.values(files);
    const size = `${(texts.reduce((n, t) => n + t.length, 0) / 1048576).toFixed(1)} MB in ${texts.length} files`;
    const bare = await longestHold(async () => texts.map((t) => parse(t)));
    const floor = `bare yaml.parse: ${ms(bare.longest)}`;
    const check = (r: LoadResult) => {
      if (!r.ok) throw new Error(`The generated roadmap did not load: ${r.problems[0]?.message}`);
    };
    const inHost = await longestHold(() => loadRoadmap(memoryFiles(files), 'roadmap.yaml', { checkFiles: false }));
    check(inHost.result);
    rows.push({ figure: `load a ${topics.toLocaleString('en-US')}-topic author roadmap (${size}): longest hold, in one piece on the host (all of ${ms(inHost.took)})`, value: ms(inHost.longest), floor, ratio: `${(inHost.longest / bare.longest).toFixed(2)}x`, goal: 'what the workers avoid' });
    // What one message holds its receiver for is the deserializing half of a structured clone: the
    // whole result in one message (as before it came in parts) beside the largest message now.
    const wire = serialize(inHost.result);
    const whole = fastest(() => deserialize(wire));
    const { head, parts } = splitLoadResult(inHost.result);
    const largest = [head, ...parts].map((m) => serialize(m)).reduce((a, b) => (b.length > a.length ? b : a));
    const part = fastest(() => deserialize(largest));
    const cloneFloor = `bare clone of the whole result in one message (${(wire.length / 1048576).toFixed(1)} MB): ${ms(whole)}`;
    rows.push({ figure: `load a ${topics.toLocaleString('en-US')}-topic author roadmap: the largest message the host takes in, of the head and ${parts.length} parts (${kb(largest.length)}), bare clone`, value: ms(part), floor: cloneFloor, ratio: `${(part / whole).toFixed(2)}x`, goal: 'well under 100 ms' });
    for (const [where, start, source] of [
      ['desktop: a worker thread', desktopWorker(dist), undefined],
      ['web: a Web Worker (dist/web/coreWorker.js)', webWorker(dist), bundleSource],
    ] as const) {
      const client = new CoreWorkerClient(start, source);
      try {
        // The first load starts the worker and evaluates its bundles; the next ones are measured.
        check(await client.loadRoadmap(memoryFiles(files), 'roadmap.yaml'));
        const runs: Array<{ longest: number; took: number }> = [];
        for (let run = 0; run < RUNS; run++) {
          const off = await longestHold(() => client.loadRoadmap(memoryFiles(files), 'roadmap.yaml'));
          check(off.result);
          runs.push(off);
        }
        const best = Math.min(...runs.map((r) => r.longest));
        const each = runs.map((r) => `${r.longest.toFixed(0)} ms of ${(r.took / 1000).toFixed(1)} s`).join(', ');
        rows.push({ figure: `load a ${topics.toLocaleString('en-US')}-topic author roadmap: longest hold of the host, ${where}, best of ${RUNS} (${each})`, value: ms(best), floor: cloneFloor, ratio: `${(best / whole).toFixed(2)}x`, goal: '≈ 100 ms' });
      } finally {
        client.dispose();
      }
    }
  }
  return rows;
}

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FromWorker, ToWorker } from '../../src/extension/offThread/protocol';
import { CoreWorkerClient, type WorkerEvents } from '../../src/extension/offThread/workerClient';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
import { splitLoadResult } from '../../src/core/loading/loadResultParts';
import { generateAuthorRoadmapFiles } from '../../scripts/bench/generateRoadmap';
import { memoryFiles } from './support/memoryFiles';
import { repoRoot } from './support/paths';

const dist = join(repoRoot, 'dist');

/** The web build's worker script (dist/web/coreWorker.js) in this process, with a Web Worker's `self` faked. */
function webWorkerHere(events: WorkerEvents, sent: FromWorker[] = []) {
  let onmessage: ((e: { data: ToWorker }) => void) | null = null;
  const self = {
    postMessage: (m: FromWorker) => {
      sent.push(m);
      setImmediate(() => events.message(structuredClone(m)));
    },
    set onmessage(f: typeof onmessage) {
      onmessage = f;
    },
  };
  new Function('self', readFileSync(join(dist, 'web', 'coreWorker.js'), 'utf8'))(self);
  return { post: (m: ToWorker) => setImmediate(() => onmessage?.({ data: structuredClone(m) })), terminate: () => undefined };
}

const roadmap = {
  'roadmap.yaml': 'id: tiny\ntitle: Tiny\nversion: 0.1.0\nlayers:\n  - layers/one.yaml\n',
  'layers/one.yaml': 'id: one\nnumber: 1\ntitle: One\ngoal: Learn.\ntopics:\n  - id: first\n    title: First\n',
};

describe('the core worker and its client', () => {
  it("the web build's worker loads a roadmap and renders a note, asking the host for every file and only for shipped bundles", async () => {
    const asked: string[] = [];
    const client = new CoreWorkerClient(async (events) => webWorkerHere(events), async (name) => {
      asked.push(name);
      return readFileSync(join(dist, name), 'utf8');
    });
    const result = await client.loadRoadmap(memoryFiles(roadmap), 'roadmap.yaml');
    assert.ok(result.ok && result.roadmap.layers[0].topics[0].id === 'first');
    const html = await client.renderNotes('# Go\n\n```go\nfunc main() {}\n```\n\n$\\kern{-100000em}x$\n');
    assert.match(html, /<span class="hljs-keyword">func<\/span>/);
    assert.match(html, /sizes in formulas lie between -20em and 20em/);
    // loader.js and render.js ask for the libraries they share (dist/lib) before they run.
    assert.deepEqual(asked, ['loader.js', 'lib/yaml.js', 'lib/re2js.js', 'render.js', 'lib/markdown-it.js', 'languages/go.js']);
    assert.ok(client.answered);
  });

  it('a large roadmap comes to the host in parts, each a message of its own asked for in turn, and is the roadmap loaded in one piece', async () => {
    const files = generateAuthorRoadmapFiles(2_500);
    const sent: FromWorker[] = [];
    const client = new CoreWorkerClient(async (events) => webWorkerHere(events, sent), async (name) => readFileSync(join(dist, name), 'utf8'));
    const result = await client.loadRoadmap(memoryFiles(files), 'roadmap.yaml');
    const parts = sent.filter((m) => m.kind === 'part');
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    // Each part is the answer to a request of its own, so the host takes one at a time.
    assert.equal(new Set(parts.map((m) => m.id)).size, parts.length);
    assert.deepEqual(result, await loadRoadmap(memoryFiles(files), 'roadmap.yaml'));
  });

  it('a worker whose parts come out of order, or that has lost them, fails the load with a sentence', async () => {
    const { head, parts } = splitLoadResult(await loadRoadmap(memoryFiles(generateAuthorRoadmapFiles(400)), 'roadmap.yaml', { checkFiles: false }), 4_096);
    assert.ok(parts.length > 3);
    const fakeWorker = (answer: (seq: number) => FromWorker | undefined) =>
      new CoreWorkerClient(async (events) => {
        setImmediate(() => events.message({ kind: 'ready' }));
        return {
          post: (m) => {
            if (m.kind === 'load') setImmediate(() => events.message({ kind: 'loaded', id: m.id, head: structuredClone(head) }));
            if (m.kind === 'part') setImmediate(() => events.message({ ...(answer(m.seq) ?? { kind: 'failed', message: `The core worker has no part ${m.seq + 1} of that roadmap.` }), id: m.id } as FromWorker));
          },
          terminate: () => undefined,
        };
      });
    const swapped = fakeWorker((seq) => ({ kind: 'part', id: 0, part: parts[seq === 1 ? 2 : seq === 2 ? 1 : seq] }));
    await assert.rejects(swapped.loadRoadmap(memoryFiles({}), 'roadmap.yaml'), /^Error: The core worker's answer was refused: part 2 is out of order: it starts at topic \d+ of layer 1, where topic \d+ of layer 1 comes next\.$/);
    const wrongKind = fakeWorker(() => ({ kind: 'rendered', id: 0, html: '<p>' }));
    await assert.rejects(wrongKind.loadRoadmap(memoryFiles({}), 'roadmap.yaml'), /part 1 is not a layer's topics/);
    const lost = fakeWorker((seq) => (seq < 2 ? { kind: 'part', id: 0, part: parts[seq] } : undefined));
    await assert.rejects(lost.loadRoadmap(memoryFiles({}), 'roadmap.yaml'), /^Error: The core worker has no part 3 of that roadmap\.$/);
  });

  it('refuses to send a bundle that is not one of ours, whatever the worker asks', async () => {
    let answer: ToWorker | undefined;
    const client = new CoreWorkerClient(
      async (events) => {
        setImmediate(() => events.message({ kind: 'ready' }));
        return {
          post: (m) => {
            if (m.kind === 'load') setImmediate(() => events.message({ kind: 'bundle', id: 7, name: '../../secret.js' }));
            else if (m.kind === 'answer') {
              answer = m;
              events.message({ kind: 'failed', id: 0, message: 'no loader' });
            }
          },
          terminate: () => undefined,
        };
      },
      async () => 'SECRET',
    );
    await assert.rejects(client.loadRoadmap(memoryFiles(roadmap), 'roadmap.yaml'), /no loader/);
    assert.deepEqual(answer, { kind: 'answer', id: 7, value: undefined, refused: 'There is no bundle "../../secret.js".' });
  });

  it('a worker lost mid-request fails it with a sentence, and the next request starts a fresh one', async () => {
    let starts = 0;
    const client = new CoreWorkerClient(async (events) => {
      const n = ++starts;
      setImmediate(() => events.message({ kind: 'ready' }));
      return {
        post: (m) => {
          if (m.kind !== 'render') return;
          if (n === 1) setImmediate(() => events.lost('The core worker stopped (exit code 1).'));
          else setImmediate(() => events.message({ kind: 'rendered', id: m.id, html: '<p>ok</p>' }));
        },
        terminate: () => undefined,
      };
    });
    await assert.rejects(client.renderNotes('x'), /The core worker stopped \(exit code 1\)\./);
    assert.equal(await client.renderNotes('x'), '<p>ok</p>');
    assert.equal(starts, 2);
  });
});

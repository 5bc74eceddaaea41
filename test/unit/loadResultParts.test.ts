import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadRoadmap, type LoadResult } from '../../src/core/loading/loadRoadmap';
import { LoadResultAssembler, splitLoadResult, type LoadPart } from '../../src/core/loading/loadResultParts';
import type { Roadmap, Topic } from '../../src/core/model';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { generateAuthorRoadmapFiles } from '../../scripts/bench/generateRoadmap';
import { memoryFiles } from './support/memoryFiles';
import { runs } from './support/runs';

const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({ id, title: `Topic ${id}`, prerequisites: [], tags: [], resources: [], exercises: [], ...extra });
const roadmapOf = (layerSizes: number[], summary = ''): Roadmap => ({
  id: 'r',
  title: 'R',
  version: '1.0.0',
  layers: layerSizes.map((n, l) => ({ id: `l${l}`, number: l + 1, title: `L${l}`, topics: Array.from({ length: n }, (_, i) => topic(`t${l}-${i}`, summary ? { summary } : {})) })),
  practicalRoad: [],
  exercises: [],
});
const ok = (roadmap: Roadmap): LoadResult => ({ ok: true, roadmap, warnings: [] });

/** What the host gets: the head and each part through a structured clone, as a worker's messages are. */
function assemble(head: unknown, parts: unknown[]): LoadResult {
  const a = new LoadResultAssembler(structuredClone(head));
  for (const p of parts) a.add(structuredClone(p));
  return a.result();
}

/** The refusal's sentence, whatever step of the assembly refuses. */
function refusal(head: unknown, parts: unknown[]): string {
  try {
    assemble(head, parts);
  } catch (e) {
    return (e as Error).message;
  }
  assert.fail('the answer was taken');
}

describe('a loaded roadmap in parts, from the core worker to the host', () => {
  it('a generated 1,000-topic roadmap comes back whole, in parts of bounded size, in the layers’ order', async () => {
    const result = await loadRoadmap(memoryFiles(generateAuthorRoadmapFiles(1_000)), 'roadmap.yaml', { checkFiles: false });
    assert.ok(result.ok);
    const { head, parts } = splitLoadResult(result, 16 * 1024);
    assert.ok(parts.length > 8, `${parts.length} parts`);
    assert.equal(head.parts, parts.length);
    assert.deepEqual(head.topics, result.roadmap.layers.map((l) => l.topics.length));
    for (const p of parts) assert.ok(JSON.stringify(p.topics).length <= 16 * 1024 + p.topics.length, `a part of ${JSON.stringify(p.topics).length} characters`);
    // The head carries no topic: it is small whatever the roadmap's size.
    assert.ok(JSON.stringify(head).length < 2_000);
    assert.deepEqual(assemble(head, parts), result);
  });

  it('a topic larger than a part is a part alone; a roadmap that did not load comes in its head alone', () => {
    const big = ok(roadmapOf([3, 1], 'x'.repeat(5_000)));
    const { head, parts } = splitLoadResult(big, 1_000);
    assert.deepEqual(parts.map((p) => [p.layer, p.from, p.topics.length]), [[0, 0, 1], [0, 1, 1], [0, 2, 1], [1, 0, 1]]);
    assert.deepEqual(assemble(head, parts), big);

    const failed: LoadResult = { ok: false, problems: [{ file: 'roadmap.yaml', line: 1, column: 1, message: 'Bad.', severity: 'error' }] };
    const split = splitLoadResult(failed);
    assert.deepEqual([split.head.parts, split.head.topics, split.parts], [0, [], []]);
    assert.deepEqual(assemble(split.head, []), failed);
  });

  it('any roadmap, any part size: the parts put back are the roadmap (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4_000 }), fc.string({ maxLength: 300 }), (sizes, partChars, summary) => {
        const result = ok(roadmapOf(sizes, summary));
        const { head, parts } = splitLoadResult(result, partChars);
        assert.ok(parts.every((p) => p.topics.length > 0));
        assert.deepEqual(assemble(head, parts), result);
      }),
      { numRuns: runs(200) },
    );
  });

  it('the host indexes a large roadmap in slices, with a pause between them, and gets the same index as in one piece', async () => {
    const roadmap = roadmapOf([2_500, 0, 4_000]);
    roadmap.layers[0].topics[3].subtopics = [topic('sub-a'), topic('sub-b')];
    roadmap.layers[2].topics.push(topic('t0-0')); // a second of an id: the first is the one meant
    let pauses = 0;
    const sliced = await RoadmapIndex.inSlices(roadmap, async () => void pauses++, 1_000);
    assert.ok(pauses >= 6, `${pauses} pauses`);
    assert.deepEqual(sliced, new RoadmapIndex(roadmap));
    assert.equal(sliced.layerOf('t0-0')?.id, 'l0');
    assert.equal(sliced.parentOf('sub-b')?.id, 't0-3');
  });

  describe('hostile answers from the worker are refused with a sentence', () => {
    const { head, parts } = splitLoadResult(ok(roadmapOf([5, 5, 5])), 400);
    const [p0, p1, p2, ...rest] = parts as LoadPart[];

    it('has parts to play with', () => assert.ok(parts.length >= 6, `${parts.length} parts`));

    it('a head that is not one', () => {
      assert.match(refusal(undefined, []), /^The core worker's answer was refused: its head is not a load result\.$/);
      assert.match(refusal({ result: { ok: 'yes' }, topics: [], parts: 0 }, []), /its head is not a load result/);
      assert.match(refusal({ ...head, topics: [5, -1, 5] }, parts), /its head does not say how many topics and parts follow/);
      assert.match(refusal({ ...head, topics: [5, 5] }, parts), /its head does not give one topic count per layer/);
      // A head cannot ask for endless parts: there are never more parts than topics.
      assert.match(refusal({ ...head, parts: 1e9 }, parts), /its head announces 1,000,000,000 parts for 15 topics/);
      const withTopics = structuredClone(head);
      if (withTopics.result.ok) withTopics.result.roadmap.layers[1].topics.push(topic('sneaked'));
      assert.match(refusal(withTopics, parts), /layer 2 of its head is not a layer whose topics come in parts/);
      assert.match(refusal({ result: { ok: false, problems: [] }, topics: [1], parts: 1 }, [p0]), /a roadmap that did not load comes with parts/);
    });

    it('a part out of order, twice, or missing', () => {
      assert.match(refusal(head, [p1, p0, p2, ...rest]), /^The core worker's answer was refused: part 1 is out of order: it starts at topic \d+ of layer 1, where topic 1 of layer 1 comes next\.$/);
      assert.match(refusal(head, [p0, p0, p1, p2, ...rest]), /part 2 is out of order/);
      assert.match(refusal(head, [p0, p2, ...rest]), /part 2 is out of order/);
      assert.match(refusal(head, [p0, p1, p2, ...rest.slice(0, -1)]), new RegExp(`it ended after ${parts.length - 1} of ${parts.length} parts`));
      const last = rest[rest.length - 1];
      assert.match(refusal(head, [...parts, { ...last, from: last.from + last.topics.length }]), new RegExp(`part ${parts.length + 1} comes after the ${parts.length} its head announced`));
    });

    it('a part that is not one, names no layer, or brings more topics than announced', () => {
      for (const bad of [null, 'part', [], { layer: 0, from: 0, topics: [] }, { layer: 0, from: 0, topics: 'x' }, { layer: '__proto__', from: 0, topics: [topic('a')] }, { layer: 0, from: -1, topics: [topic('a')] }]) {
        assert.match(refusal(head, [bad, ...parts]), /part 1 is not a layer's topics/, JSON.stringify(bad));
      }
      assert.match(refusal(head, [{ ...p0, layer: 7 }, ...parts]), /part 1 names layer 8 of 3/);
      assert.match(refusal(head, [{ ...p0, topics: [...p0.topics, topic('x'), topic('y'), topic('z'), topic('w'), topic('v')] }]), /part 1 brings layer 1 to \d+ topics, where its head announced 5/);
      assert.match(refusal(head, [{ ...p0, topics: [topic('a'), 7] }]), /part 1 holds something that is not a topic/);
      // Fewer topics than announced: a layer left short before the next one's, or at the end.
      assert.match(refusal({ ...head, topics: [6, 5, 5] }, parts), /part \d is out of order: it starts at topic 1 of layer 2, where topic 6 of layer 1 comes next/);
      assert.match(refusal({ ...head, topics: [5, 5, 6] }, parts), /layer 3 has 5 of the 6 topics its head announced/);
    });

    it('ids that are object keys are only data', () => {
      const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
      const result = ok({ ...roadmapOf([0]), layers: [{ id: '__proto__', number: 1, title: 'P', topics: keys.map((k) => topic(k)) }] });
      const split = splitLoadResult(result, 1);
      assert.deepEqual(assemble(split.head, split.parts), result);
      assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    });
  });
});

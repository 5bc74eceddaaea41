import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isNextTopic, nextTopicIds, nextTopicsTouched } from '../../src/core/map/mapChains';
import { adjacencyOf, buildMapGraph } from '../../src/core/map/mapGraph';
import { nodesTouched } from '../../src/core/map/mapStates';
import { STATUSES, type Status } from '../../src/core/progress/progressModel';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { generateMapRoadmap, withSubtopics } from './support/mapRoadmaps';
import { smallIndex } from './support/smallRoadmap';

/** Issue 17: a mark sends the map only the nodes it touches, and the page re-checks only what depends on them. */
describe('a mark on the map: the delta', () => {
  it('touches the marked topic, and an exercise its topic; each once, unknown ids left out', () => {
    assert.deepEqual(nodesTouched(smallIndex, [{ kind: 'topic', id: 'b', status: 'done' }]), ['b']);
    assert.deepEqual(
      nodesTouched(smallIndex, [
        { kind: 'exercise', id: 'ex1', status: 'done' },
        { kind: 'topic', id: 'a', status: 'done' },
        { kind: 'exercise', id: 'ex2', status: 'done' },
      ]),
      ['a'],
      'both exercises are of topic a',
    );
    assert.deepEqual(
      nodesTouched(smallIndex, [
        { kind: 'topic', id: 'gone', status: 'done' },
        { kind: 'exercise', id: 'gone', status: 'done' },
        { kind: 'topic', id: '__proto__', status: 'done' },
        { kind: 'topic', id: 'constructor', status: 'done' },
      ]),
      [],
    );
  });

  it('re-checking only the touched nodes gives the same next topics as computing them all again', () => {
    // 90 units, a third of them topics with two sub-topics each (inherited prerequisites, part links).
    for (const roadmap of [generateMapRoadmap(60), withSubtopics(generateMapRoadmap(90))]) {
      const graph = buildMapGraph(roadmap);
      const adj = adjacencyOf(graph);
      const order = graph.nodes.map((n) => n.id);
      const mark = fc.tuple(fc.constantFrom(...order), fc.constantFrom(...STATUSES));
      fc.assert(
        fc.property(fc.array(fc.array(mark, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (marks) => {
          const status = new Map<string, Status>();
          const of = (id: string) => status.get(id) ?? 'not-started';
          const next = new Set(nextTopicIds(order, adj, of));
          for (const batch of marks) {
            for (const [id, s] of batch) status.set(id, s);
            for (const id of nextTopicsTouched(adj, batch.map(([id]) => id))) {
              if (isNextTopic(adj, id, of)) next.add(id);
              else next.delete(id);
            }
            assert.deepEqual(
              order.filter((id) => next.has(id)),
              nextTopicIds(order, adj, of),
            );
          }
        }),
        { numRuns: 60 },
      );
    }
  });

  it('a prerequisite marked done brings what it unlocks (and their sub-topics) into the re-check', () => {
    const index = new RoadmapIndex(withSubtopics(generateMapRoadmap(30)));
    const adj = adjacencyOf(buildMapGraph(index.roadmap));
    const ownPrerequisite = (t: string) => adj.prerequisites.get(t)!.find((p) => !adj.children.get(t)!.includes(p));
    const withSubs = [...adj.children.keys()].find((t) => ownPrerequisite(t) !== undefined);
    if (withSubs === undefined) return assert.fail('the generated roadmap has a topic with sub-topics and a prerequisite');
    const prereq = ownPrerequisite(withSubs)!;
    const touched = nextTopicsTouched(adj, [prereq]);
    assert.ok(touched.has(prereq) && touched.has(withSubs));
    for (const sub of adj.children.get(withSubs)!) assert.ok(touched.has(sub), `${sub} waits for its topic's prerequisites`);
  });
});

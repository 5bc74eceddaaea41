import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutWithDagre } from '../../src/core/map/dagreLayout';
import { edgeKey, nextTopicIds, prerequisiteChain, unlockChain } from '../../src/core/map/mapChains';
import { filterNodes } from '../../src/core/map/mapFilter';
import { adjacencyOf, buildMapGraph, requiredBefore, type MapGraph } from '../../src/core/map/mapGraph';
import { planChunks, SUB_W, type PlacedBand, type PlacedNode } from '../../src/core/map/mapLayout';
import { MapNavigator } from '../../src/core/map/mapNavigation';
import { nodeLabel } from '../../src/core/map/mapScene';
import { DEFAULT_PALETTE, mapPicture, mapSvg } from '../../src/core/map/mapSvg';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
import type { Roadmap, Topic } from '../../src/core/model';
import { applyChanges, emptyState, statusOf, type Status } from '../../src/core/progress/progressModel';
import { nextTopics } from '../../src/core/progress/progressStats';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import { fixture } from './support/paths';
import { svgProblems } from './support/svgCheck';

/** Issue 17 after issue 15: sub-topics on the map, attached to their topics. */

const topic = (id: string, prerequisites: string[] = [], subtopics?: Topic[]): Topic => ({ id, title: `Topic ${id}`, prerequisites, tags: [], resources: [], exercises: [], ...(subtopics ? { subtopics } : {}) });
const roadmapOf = (layers: Topic[][]): Roadmap => ({
  id: 'm', title: 'M', version: '1', practicalRoad: [], exercises: [],
  layers: layers.map((topics, i) => ({ id: `l${i + 1}`, number: i + 1, title: `Layer ${i + 1}`, topics })),
});

// Layer 1: intro; basics (needs intro) with sub-topics s1 and s2 (s2 needs s1). Layer 2: git (needs s2) with g1; css (needs basics).
const nested = roadmapOf([
  [topic('intro'), topic('basics', ['intro'], [topic('s1'), topic('s2', ['s1', 'basics'])])],
  [topic('git', ['s2'], [topic('g1')]), topic('css', ['basics'])],
]);

async function layOut(graph: MapGraph): Promise<PlacedBand[]> {
  const bands: PlacedBand[] = [];
  for await (const b of layoutWithDagre(graph, { sliceMs: 0, pause: async () => undefined })) bands.push(b);
  return bands;
}

const teacher = async () => {
  const r = await loadRoadmap(nodeRoadmapFiles(fixture('roadmaps', 'teacher')));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  return r.roadmap;
};

describe('map graph with sub-topics', () => {
  it('makes each sub-topic a node in its topic\'s band, after its topic, linked to it by a part edge', () => {
    const g = buildMapGraph(nested);
    assert.deepEqual(g.bands.map((b) => b.nodeIds), [['intro', 'basics', 's1', 's2'], ['git', 'g1', 'css']]);
    assert.deepEqual(g.nodes.map((n) => [n.id, n.band, n.parent]), [['intro', 0, undefined], ['basics', 0, undefined], ['s1', 0, 'basics'], ['s2', 0, 'basics'], ['git', 1, undefined], ['g1', 1, 'git'], ['css', 1, undefined]]);
    assert.deepEqual(
      g.edges.map((e) => `${e.from}${e.part ? '-' : '>'}${e.to}`),
      ['intro>basics', 'basics-s1', 'basics-s2', 's1>s2', 's2>git', 'git-g1', 'basics>css'],
      'a sub-topic naming its own topic is linked once, by the part edge',
    );
    assert.deepEqual(g.cycles, []);
  });

  it('a topic that needs its own sub-topic is no cycle (the loader finds none either)', () => {
    const g = buildMapGraph(roadmapOf([[topic('t', ['sub'], [topic('sub')])]]));
    assert.deepEqual(g.cycles, []);
    assert.ok(g.edges.every((e) => !e.cycle));
  });

  it('a sub-topic inherits its topic\'s prerequisites, not the topic itself unless it names it', () => {
    const adj = adjacencyOf(buildMapGraph(nested));
    assert.deepEqual(adj.parents.get('s2'), 'basics');
    assert.deepEqual(adj.children.get('basics'), ['s1', 's2']);
    assert.deepEqual(requiredBefore(adj, 's1'), ['intro']);
    assert.deepEqual(requiredBefore(adj, 's2').sort(), ['basics', 'intro', 's1'], 's2 names basics itself');
    assert.deepEqual(requiredBefore(adj, 'basics'), ['intro']);
  });

  it('"what do I need before this" for a sub-topic runs through its topic to the topic\'s prerequisites', () => {
    const adj = adjacencyOf(buildMapGraph(nested));
    const chain = prerequisiteChain(adj, 'g1');
    assert.deepEqual([...chain.nodes].sort(), ['basics', 'g1', 'git', 'intro', 's1', 's2']);
    assert.ok(chain.edges.has(edgeKey('git', 'g1')) && chain.edges.has(edgeKey('s2', 'git')) && chain.edges.has(edgeKey('intro', 'basics')));
    assert.deepEqual([...unlockChain(adj, 's1').nodes].sort(), ['g1', 'git', 's1', 's2'], 'what a sub-topic unlocks, and the sub-topics of that');
  });

  it('"next topics" counts sub-topics the way Show Next Topics does', async () => {
    for (const roadmap of [nested, await teacher()]) {
      const g = buildMapGraph(roadmap);
      const adj = adjacencyOf(g);
      const index = new RoadmapIndex(roadmap);
      const marks: Array<[string, Status]> = [[g.nodes[0].id, 'done'], [g.nodes[2].id, 'done']];
      let state = emptyState();
      for (let n = 0; n <= marks.length; n++) {
        if (n > 0) state = applyChanges(state, roadmap.id, [{ kind: 'topic', id: marks[n - 1][0], status: marks[n - 1][1] }], new Date('2026-12-02T10:00:00Z')).state;
        const progress = state.roadmaps[roadmap.id];
        assert.deepEqual(nextTopicIds(g.nodes.map((x) => x.id), adj, (id) => statusOf(progress, 'topic', id)), nextTopics(index, progress), `${roadmap.id}, after ${n} mark(s)`);
      }
    }
  });

  it('filters sub-topics like topics: by their layer, status and search hits', () => {
    const g = buildMapGraph(nested);
    const ids = g.bands.map((b) => b.id);
    assert.deepEqual(filterNodes(g.nodes, ids, () => 'not-started', { layers: ['l2'] }), ['git', 'g1', 'css']);
    assert.deepEqual(filterNodes(g.nodes, ids, (id) => (id === 's1' ? 'done' : 'not-started'), { statuses: ['done'] }), ['s1']);
  });

  it('names a sub-topic by its topic, and a topic by how many sub-topics it has', () => {
    const base = { layer: 'Layer 1, The web', status: 'in-progress' as const, badges: [], needs: 1, unlocks: 0, cycle: false };
    assert.equal(nodeLabel({ ...base, title: 'Forms', parent: 'Web basics' }), 'Forms. In progress. Sub-topic of Web basics, Layer 1, The web; needs 1 topic, unlocks 0.');
    assert.equal(nodeLabel({ ...base, title: 'Web basics', subtopics: 2 }), 'Web basics. In progress. Layer 1, The web; needs 1 topic, unlocks 0, 2 sub-topics.');
  });
});

describe('map layout with sub-topics', () => {
  const overlaps = (a: PlacedNode, b: PlacedNode) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  for (const [name, load] of [['a small roadmap', async () => nested], ["the teacher's roadmap", teacher]] as const) {
    it(`${name}: sub-topics placed in their topic's band, smaller, below their topic, no overlap, every link attached`, async () => {
      const graph = buildMapGraph(await load());
      const bands = await layOut(graph);
      const placed = new Map(bands.flatMap((b) => b.nodes.map((n) => [n.id, n] as const)));
      assert.equal(placed.size, graph.nodes.length, 'every topic and sub-topic placed');
      for (const n of graph.nodes) {
        const p = placed.get(n.id)!;
        const band = bands[n.band];
        assert.ok(p.y >= band.y && p.y + p.h <= band.y + band.height, `${n.id} inside its band`);
        if (n.parent === undefined) continue;
        const parent = placed.get(n.parent)!;
        assert.equal(p.w, SUB_W, `${n.id} is a smaller node`);
        assert.ok(p.y >= parent.y + parent.h, `${n.id} hangs below ${n.parent}`);
      }
      const all = [...placed.values()];
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) assert.ok(!overlaps(all[i], all[j]), `${all[i].id} and ${all[j].id} overlap`);
      const edges = bands.flatMap((b) => b.edges);
      assert.equal(edges.length, graph.edges.length, 'every edge drawn once');
      const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
      for (const e of edges.filter((x) => x.part)) {
        const [from, to] = [placed.get(e.from)!, placed.get(e.to)!];
        const [start, end] = [e.points[0], e.points.at(-1)!];
        assert.equal(e.curve, false, `${e.from}-${e.to} routed by the library inside the chunk`);
        assert.ok(near(start.y, from.y + from.h) && start.x >= from.x && start.x <= from.x + from.w, `${e.from}-${e.to} leaves the bottom of ${e.from}`);
        assert.ok(near(end.y, to.y) && end.x >= to.x && end.x <= to.x + to.w, `${e.from}-${e.to} reaches the top of ${e.to}`);
      }
    });
  }

  it('a band cut into chunks keeps each topic with its sub-topics', () => {
    // 30 topics in one connected line, each with 3 sub-topics: 120 nodes, cut at 40.
    const topics = Array.from({ length: 30 }, (_, i) => topic(`t${i}`, i ? [`t${i - 1}`] : [], [0, 1, 2].map((k) => topic(`t${i}-s${k}`))));
    const graph = buildMapGraph(roadmapOf([topics]));
    const chunks = planChunks(graph)[0];
    assert.ok(chunks.length > 1);
    const chunkOf = new Map(chunks.flatMap((c, i) => c.map((id) => [id, i] as const)));
    for (const n of graph.nodes) if (n.parent) assert.equal(chunkOf.get(n.id), chunkOf.get(n.parent), `${n.id} with ${n.parent}`);
  });
});

describe('map keyboard with sub-topics', () => {
  const g = buildMapGraph(nested);
  const adj = adjacencyOf(g);
  // Band 1: intro above basics; s1 and s2 below basics, css off to the side. Band 2: git, g1 below it, css beside git.
  const box = (id: string, band: number, x: number, y: number) => ({ id, band, x, y, w: 100, h: 40 });
  const nodes = [box('intro', 0, 100, 0), box('basics', 0, 100, 100), box('s1', 0, 40, 200), box('s2', 0, 160, 200), box('git', 1, 100, 400), box('g1', 1, 100, 500), box('css', 1, 300, 400)];

  it('reads each topic followed by its sub-topics', () => {
    assert.deepEqual(new MapNavigator(nodes, adj).readingOrder(), ['intro', 'basics', 's1', 's2', 'git', 'g1', 'css']);
  });

  it('Down enters a topic\'s sub-topics, Left and Right walk them, Up comes back out', () => {
    const nav = new MapNavigator(nodes, adj);
    assert.equal(nav.move('basics', 'ArrowDown'), 's1');
    assert.equal(nav.move('s1', 'ArrowRight'), 's2');
    assert.equal(nav.move('s2', 'ArrowRight'), undefined, 'the end of the sub-topics');
    assert.equal(nav.move('s2', 'ArrowLeft'), 's1');
    assert.equal(nav.move('s1', 'End'), 's2');
    assert.equal(nav.move('s2', 'Home'), 's1');
    assert.equal(nav.move('s2', 'ArrowUp'), 'basics');
    assert.ok(nav.inSubtopics('s2') && !nav.inSubtopics('basics'));
    assert.equal(nav.move('s2', 'ArrowDown'), 'git', 'a sub-topic\'s own edges');
    assert.equal(nav.move('s1', 'ArrowDown'), 's2');
    assert.equal(nav.move('g1', 'ArrowDown'), undefined);
    assert.equal(nav.move('g1', 'PageUp'), 'intro', 'other bands from its topic\'s place');
    assert.equal(nav.move('basics', 'ArrowRight'), undefined, 'along the band, sub-topics are not in the way');
    assert.equal(nav.move('git', 'ArrowRight'), 'css');
  });

  it('a sub-topic shown without its topic (a search found it alone) is walked along the band', () => {
    const nav = new MapNavigator(nodes, adj, new Set(['intro', 's2', 'git', 'css']));
    assert.deepEqual(nav.readingOrder(), ['intro', 's2', 'git', 'css']);
    assert.equal(nav.move('intro', 'ArrowRight'), 's2');
    assert.equal(nav.move('s2', 'ArrowUp'), undefined, 'its topic is hidden, and so are its prerequisites');
  });
});

describe('map export with sub-topics', () => {
  it('draws the sub-topics, smaller, and their links without arrows', async () => {
    const roadmap = await teacher();
    const graph = buildMapGraph(roadmap);
    const bands = await layOut(graph);
    const picture = mapPicture({ title: roadmap.title, bands: graph.bands, nodes: graph.nodes }, bands, () => ({ status: 'not-started', badges: [] }));
    assert.deepEqual(picture.nodes.filter((n) => n.sub).map((n) => n.title).sort(), ['Branches', 'Forms', 'Semantic HTML']);
    const svg = mapSvg(picture, DEFAULT_PALETTE);
    assert.deepEqual(svgProblems(svg), []);
    for (const t of ['Semantic HTML', 'Forms', 'Branches']) assert.ok(svg.includes(t), t);
    assert.equal((svg.match(/stroke-dasharray="2 3"\/>/g) ?? []).length, 3, 'three part links, none with an arrow head');
    assert.equal((svg.match(/rx="12"/g) ?? []).length, 3, 'three sub-topic nodes');
  });
});

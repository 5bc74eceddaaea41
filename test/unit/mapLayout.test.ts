import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { layoutWithDagre } from '../../src/core/map/dagreLayout';
import { buildMapGraph, type MapGraph } from '../../src/core/map/mapGraph';
import { CHUNK_EDGES, CHUNK_NODES, planChunks, type PlacedBand, type PlacedNode, type Point } from '../../src/core/map/mapLayout';
import type { Roadmap, Topic } from '../../src/core/model';
import { generateMapRoadmap } from './support/mapRoadmaps';
import { repoRoot } from './support/paths';

const topic = (id: string, prerequisites: string[] = []): Topic => ({ id, title: `Topic ${id}`, prerequisites, tags: [], resources: [], exercises: [] });
const roadmapOf = (layers: Topic[][]): Roadmap => ({
  id: 'm', title: 'M', version: '1', practicalRoad: [], exercises: [],
  layers: layers.map((topics, i) => ({ id: `l${i + 1}`, number: i + 1, title: `Layer ${i + 1}`, goal: 'g', topics })),
});

async function layOut(graph: MapGraph, pause?: () => Promise<void>): Promise<PlacedBand[]> {
  const bands: PlacedBand[] = [];
  for await (const b of layoutWithDagre(graph, { pause, sliceMs: 0 })) bands.push(b);
  return bands;
}

const overlaps = (a: PlacedNode, b: PlacedNode) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** A point on (or within a pixel of) a node's border. */
function onBorder(p: Point, n: PlacedNode): boolean {
  const e = 1.5;
  const inside = p.x >= n.x - e && p.x <= n.x + n.w + e && p.y >= n.y - e && p.y <= n.y + n.h + e;
  const nearEdge = Math.abs(p.x - n.x) <= e || Math.abs(p.x - n.x - n.w) <= e || Math.abs(p.y - n.y) <= e || Math.abs(p.y - n.y - n.h) <= e;
  return inside && nearEdge;
}

/** The layout invariants: each node placed once, inside its band; no two overlap; bands in layer order; every edge attached at both ends. */
function checkInvariants(graph: MapGraph, bands: PlacedBand[]) {
  assert.deepEqual(bands.map((b) => b.index), graph.bands.map((_, i) => i), 'one band per layer, in layer order');
  for (let i = 1; i < bands.length; i++) assert.ok(bands[i].y >= bands[i - 1].y + bands[i - 1].height, `band ${i} starts below band ${i - 1}`);
  const placed = new Map<string, PlacedNode>();
  bands.forEach((band, i) => {
    assert.deepEqual(band.nodes.map((n) => n.id).sort(), [...graph.bands[i].nodeIds].sort(), `band ${i} holds its layer's topics`);
    for (const n of band.nodes) {
      assert.ok(!placed.has(n.id), `${n.id} placed once`);
      placed.set(n.id, n);
      assert.ok(n.y >= band.y && n.y + n.h <= band.y + band.height && n.x >= band.x && n.x + n.w <= band.x + band.width, `${n.id} inside its band`);
    }
  });
  const all = [...placed.values()].sort((a, b) => a.x - b.x);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length && all[j].x < all[i].x + all[i].w; j++) assert.ok(!overlaps(all[i], all[j]), `${all[i].id} and ${all[j].id} overlap`);
  }
  const edges = bands.flatMap((b) => b.edges);
  assert.equal(edges.length, graph.edges.length, 'every edge drawn once');
  for (const e of edges) {
    const [from, to] = [placed.get(e.from)!, placed.get(e.to)!];
    assert.ok(e.points.length >= 2, `${e.from}>${e.to} has points`);
    assert.ok(onBorder(e.points[0], from), `${e.from}>${e.to} starts on ${e.from}: ${JSON.stringify(e.points[0])} ${JSON.stringify(from)}`);
    assert.ok(onBorder(e.points[e.points.length - 1], to), `${e.from}>${e.to} ends on ${e.to}: ${JSON.stringify(e.points.at(-1))} ${JSON.stringify(to)}`);
    for (const p of e.points) assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y));
  }
  return { placed, edges };
}

describe('map layout', () => {
  it('lays out a small roadmap: bands in order, the library routing edges inside a band', async () => {
    const graph = buildMapGraph(roadmapOf([[topic('a'), topic('b', ['a']), topic('c', ['a'])], [topic('d', ['b', 'c']), topic('e')]]));
    const bands = await layOut(graph);
    const { placed, edges } = checkInvariants(graph, bands);
    assert.ok(placed.get('b')!.y > placed.get('a')!.y, 'a prerequisite sits above the topic that needs it');
    assert.equal(edges.find((e) => e.from === 'a' && e.to === 'b')!.curve, false, 'inside a band: the library routes it');
    assert.equal(edges.find((e) => e.from === 'b' && e.to === 'd')!.curve, true, 'between bands: a curve');
  });

  it('keeps the invariants on a generated roadmap of 800 topics, cut into chunks', async () => {
    const graph = buildMapGraph(generateMapRoadmap(800));
    const chunks = planChunks(graph);
    assert.ok(chunks.every((band) => band.every((c) => c.length <= CHUNK_NODES)), 'no chunk over the bound of nodes');
    const inside = (c: string[]) => graph.edges.filter((e) => e.from !== e.to && c.includes(e.from) && c.includes(e.to)).length;
    assert.ok(chunks.every((band) => band.every((c) => inside(c) <= CHUNK_EDGES)), 'nor of edges');
    assert.deepEqual(chunks.map((band) => band.flat().sort()), graph.bands.map((b) => [...b.nodeIds].sort()), 'each topic in one chunk of its band');
    assert.ok(chunks.some((band) => band.length > 1), 'a band of 100 topics with local prerequisites is cut');
    let pauses = 0;
    const bands = await layOut(graph, async () => void pauses++);
    checkInvariants(graph, bands);
    assert.ok(pauses >= chunks.flat().length - 1, `the thread is given back between chunks (${pauses} pauses)`);
  });

  it('draws cycles, marked', async () => {
    const graph = buildMapGraph(roadmapOf([[topic('x', ['z']), topic('y', ['x']), topic('z', ['y']), topic('s', ['s'])], [topic('w', ['x'])]]));
    const bands = await layOut(graph);
    const { edges } = checkInvariants(graph, bands);
    assert.deepEqual(edges.filter((e) => e.cycle).map((e) => `${e.from}>${e.to}`).sort(), ['s>s', 'x>y', 'y>z', 'z>x']);
  });

  it('draws a topic with 500 prerequisites, in its own layer and across layers', async () => {
    const many = Array.from({ length: 500 }, (_, i) => topic(`p${i}`));
    const graph = buildMapGraph(roadmapOf([[...many.slice(0, 250)], [...many.slice(250), topic('hub', many.map((t) => t.id))]]));
    const bands = await layOut(graph);
    const { edges } = checkInvariants(graph, bands);
    assert.equal(edges.filter((e) => e.to === 'hub').length, 500);
  });

  it('a topic in an early layer may need one from a later layer: the edge comes with the later band', async () => {
    const graph = buildMapGraph(roadmapOf([[topic('early', ['late'])], [topic('late')]]));
    const bands = await layOut(graph);
    checkInvariants(graph, bands);
    assert.equal(bands[0].edges.length, 0);
    assert.equal(bands[1].edges.length, 1);
  });

  it('keeps the invariants on any small roadmap (property)', async () => {
    const arbitrary = fc
      .array(fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 3 }), { minLength: 1, maxLength: 30 })
      .chain((topics) => fc.tuple(fc.constant(topics), fc.integer({ min: 1, max: 4 })));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([topics, layerCount]) => {
        const layers: Topic[][] = Array.from({ length: layerCount }, () => []);
        topics.forEach((pres, i) => layers[i % layerCount].push(topic(`t${i}`, pres.map(([a]) => `t${a % topics.length}`))));
        const graph = buildMapGraph(roadmapOf(layers));
        checkInvariants(graph, await layOut(graph));
      }),
      { numRuns: 40 },
    );
  });
});

describe('map layout with sub-topics (property)', () => {
  it('keeps the invariants when topics carry sub-topics that need anything', async () => {
    // Each topic: its prerequisites, and sub-topics each with their own prerequisites (any topic or sub-topic id).
    const arbitrary = fc.array(fc.tuple(fc.array(fc.nat(60), { maxLength: 2 }), fc.array(fc.array(fc.nat(60), { maxLength: 2 }), { maxLength: 4 })), { minLength: 1, maxLength: 15 });
    await fc.assert(
      fc.asyncProperty(arbitrary, fc.integer({ min: 1, max: 3 }), async (topics, layerCount) => {
        const ids = topics.flatMap(([, subs], i) => [`t${i}`, ...subs.map((_, k) => `t${i}s${k}`)]);
        const layers: Topic[][] = Array.from({ length: layerCount }, () => []);
        topics.forEach(([pres, subs], i) =>
          layers[i % layerCount].push({ ...topic(`t${i}`, pres.map((p) => ids[p % ids.length])), subtopics: subs.map((sp, k) => topic(`t${i}s${k}`, sp.map((p) => ids[p % ids.length]))) }),
        );
        const graph = buildMapGraph(roadmapOf(layers));
        checkInvariants(graph, await layOut(graph));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the map bundle', () => {
  it('dagre ships in the lazy layout.js alone, never in what activation loads', () => {
    const read = (f: string) => readFileSync(join(repoRoot, 'dist', f), 'utf8');
    // A string of dagre's own (its ranker's name), present wherever its code is.
    assert.ok(read('layout.js').includes('network-simplex'));
    for (const f of ['extension.js', join('web', 'extension.js'), join('webview', 'map.js')]) assert.ok(!read(f).includes('network-simplex'), `${f} holds no dagre`);
  });
});

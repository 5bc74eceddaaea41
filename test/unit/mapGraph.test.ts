import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edgeKey, nextTopicIds, prerequisiteChain, unlockChain } from '../../src/core/map/mapChains';
import { filterNodes, isFilterEmpty } from '../../src/core/map/mapFilter';
import { adjacencyOf, buildMapGraph } from '../../src/core/map/mapGraph';
import { MapNavigator, type NavNode } from '../../src/core/map/mapNavigation';
import { mapStates, masteryBadges, reviewsDueBadges } from '../../src/core/map/mapStates';
import type { Roadmap } from '../../src/core/model';
import type { Status } from '../../src/core/progress/progressModel';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { progressWith, smallIndex, smallRoadmap } from './support/smallRoadmap';

const topic = (id: string, prerequisites: string[] = [], extra: object = {}) => ({ id, title: `Topic ${id}`, prerequisites, tags: [], resources: [], exercises: [], ...extra });
const roadmapOf = (layers: Array<Array<ReturnType<typeof topic>>>): Roadmap => ({
  id: 'm', title: 'M', version: '1', practicalRoad: [], exercises: [],
  layers: layers.map((topics, i) => ({ id: `l${i + 1}`, number: i + 1, title: `Layer ${i + 1}`, goal: 'g', topics })),
});

// a → b → d, a → c → d; e stands alone in layer 2; f needs d.
const diamond = roadmapOf([[topic('a'), topic('b', ['a']), topic('c', ['a'])], [topic('d', ['b', 'c']), topic('e'), topic('f', ['d', 'nowhere'])]]);

describe('map graph', () => {
  it('has a band per layer in order, a node per topic and an edge per prerequisite', () => {
    const g = buildMapGraph(diamond);
    assert.deepEqual(g.bands.map((b) => [b.id, b.nodeIds]), [['l1', ['a', 'b', 'c']], ['l2', ['d', 'e', 'f']]]);
    assert.deepEqual(g.nodes.map((n) => [n.id, n.band, n.order]), [['a', 0, 0], ['b', 0, 1], ['c', 0, 2], ['d', 1, 3], ['e', 1, 4], ['f', 1, 5]]);
    assert.deepEqual(g.edges.map((e) => `${e.from}>${e.to}`), ['a>b', 'a>c', 'b>d', 'c>d', 'd>f']);
    assert.equal(g.unknownPrerequisites, 1, 'an unknown prerequisite is left out and counted');
    assert.deepEqual(g.cycles, []);
    assert.ok(g.edges.every((e) => !e.cycle));
  });

  it('the built-in sample (small roadmap) maps too', () => {
    const g = buildMapGraph(smallRoadmap);
    assert.deepEqual(g.edges.map((e) => `${e.from}>${e.to}`), ['b>a', 'a>c']);
  });

  it('marks cycles (and only their edges), including a topic that needs itself', () => {
    const g = buildMapGraph(roadmapOf([[topic('x', ['z']), topic('y', ['x']), topic('z', ['y']), topic('w', ['x']), topic('s', ['s'])]]));
    assert.deepEqual(g.cycles.map((c) => [...c].sort()), [['x', 'y', 'z'], ['s']]);
    assert.deepEqual(g.edges.filter((e) => e.cycle).map((e) => `${e.from}>${e.to}`).sort(), ['s>s', 'x>y', 'y>z', 'z>x']);
  });

  it('finds a 12,000-topic cycle without running out of stack', () => {
    const n = 12_000;
    const g = buildMapGraph(roadmapOf([Array.from({ length: n }, (_, i) => topic(`t${i}`, [`t${(i + n - 1) % n}`]))]));
    assert.equal(g.cycles.length, 1);
    assert.equal(g.cycles[0].length, n);
  });

  it('keeps ids that are object keys as plain ids', () => {
    const g = buildMapGraph(roadmapOf([[topic('__proto__'), topic('constructor', ['__proto__']), topic('toString', ['constructor', 'hasOwnProperty'])]]));
    assert.deepEqual(g.edges.map((e) => `${e.from}>${e.to}`), ['__proto__>constructor', 'constructor>toString']);
    assert.equal(g.unknownPrerequisites, 1);
    const adj = adjacencyOf(g);
    assert.deepEqual(prerequisiteChain(adj, 'toString').nodes, new Set(['toString', 'constructor', '__proto__']));
  });
});

describe('map chains', () => {
  const g = buildMapGraph(diamond);
  const adj = adjacencyOf(g);

  it('"what do I need before this" is every prerequisite, direct or not, with its edges', () => {
    const chain = prerequisiteChain(adj, 'f');
    assert.deepEqual([...chain.nodes].sort(), ['a', 'b', 'c', 'd', 'f']);
    assert.deepEqual([...chain.edges].sort(), [edgeKey('a', 'b'), edgeKey('a', 'c'), edgeKey('b', 'd'), edgeKey('c', 'd'), edgeKey('d', 'f')].sort());
    assert.deepEqual([...prerequisiteChain(adj, 'e').nodes], ['e']);
    assert.equal(prerequisiteChain(adj, 'unknown').nodes.size, 0);
  });

  it('"what does this unlock" is the reverse', () => {
    assert.deepEqual([...unlockChain(adj, 'b').nodes].sort(), ['b', 'd', 'f']);
    assert.deepEqual([...unlockChain(adj, 'b').edges].sort(), [edgeKey('b', 'd'), edgeKey('d', 'f')].sort());
  });

  it('chains end on a cycle', () => {
    const cyc = adjacencyOf(buildMapGraph(roadmapOf([[topic('x', ['z']), topic('y', ['x']), topic('z', ['y'])]])));
    assert.deepEqual([...prerequisiteChain(cyc, 'x').nodes].sort(), ['x', 'y', 'z']);
    assert.equal(unlockChain(cyc, 'y').edges.size, 3);
  });

  it('"next topics" are those whose prerequisites are done or skipped, in roadmap order', () => {
    const status = new Map<string, Status>([['a', 'done'], ['b', 'skipped']]);
    const of = (id: string) => status.get(id) ?? 'not-started';
    assert.deepEqual(nextTopicIds(g.nodes.map((n) => n.id), adj, of), ['c', 'e']);
    status.set('c', 'done');
    assert.deepEqual(nextTopicIds(g.nodes.map((n) => n.id), adj, of), ['d', 'e']);
  });
});

describe('map filter', () => {
  const g = buildMapGraph(diamond);
  const bandIds = g.bands.map((b) => b.id);
  const status = (id: string): Status => (id === 'a' ? 'done' : id === 'd' ? 'in-progress' : 'not-started');

  it('keeps everything when empty', () => {
    assert.ok(isFilterEmpty({}));
    assert.deepEqual(filterNodes(g.nodes, bandIds, status, {}), ['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('by layer, by status, by search hits, and all three together', () => {
    assert.deepEqual(filterNodes(g.nodes, bandIds, status, { layers: ['l2'] }), ['d', 'e', 'f']);
    assert.deepEqual(filterNodes(g.nodes, bandIds, status, { statuses: ['done', 'in-progress'] }), ['a', 'd']);
    assert.deepEqual(filterNodes(g.nodes, bandIds, status, { matches: ['f', 'b'] }), ['b', 'f']);
    assert.deepEqual(filterNodes(g.nodes, bandIds, status, { matches: [] }), [], 'a search with no hit keeps nothing');
    assert.deepEqual(filterNodes(g.nodes, bandIds, status, { layers: ['l2'], statuses: ['not-started'], matches: ['e', 'f', 'a'] }), ['e', 'f']);
    assert.equal(isFilterEmpty({ matches: [] }), false);
  });
});

describe('map keyboard order', () => {
  const g = buildMapGraph(diamond);
  const adj = adjacencyOf(g);
  // Two bands; in band 1, a above b and c (b left of c, c nearer under a); in band 2, d and e side by side, f below d.
  const at = (id: string, band: number, x: number, y: number): NavNode => ({ id, band, x, y, w: 100, h: 40 });
  const nodes = [at('c', 0, 180, 100), at('a', 0, 100, 0), at('b', 0, 0, 100), at('e', 1, 300, 300), at('d', 1, 100, 300), at('f', 1, 100, 400)];

  it('reads each band rank by rank, left to right', () => {
    assert.deepEqual(new MapNavigator(nodes, adj).readingOrder(), ['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('Left and Right walk the band, Home and End go to its ends, Page Up and Down change band', () => {
    const nav = new MapNavigator(nodes, adj);
    assert.equal(nav.move('a', 'ArrowRight'), 'b');
    assert.equal(nav.move('b', 'ArrowRight'), 'c');
    assert.equal(nav.move('c', 'ArrowRight'), undefined, 'the band ends');
    assert.equal(nav.move('b', 'ArrowLeft'), 'a');
    assert.equal(nav.move('a', 'ArrowLeft'), undefined);
    assert.equal(nav.move('b', 'End'), 'c');
    assert.equal(nav.move('c', 'Home'), 'a');
    assert.equal(nav.move('b', 'PageDown'), 'd');
    assert.equal(nav.move('f', 'PageUp'), 'a');
    assert.equal(nav.move('f', 'PageDown'), undefined);
  });

  it('Up goes to the nearest prerequisite, Down to the nearest topic unlocked', () => {
    const nav = new MapNavigator(nodes, adj);
    assert.equal(nav.move('a', 'ArrowDown'), 'c', 'c is 80 px off to the side, b 100 px');
    assert.equal(nav.move('d', 'ArrowUp'), 'c');
    assert.equal(nav.move('b', 'ArrowDown'), 'd');
    assert.equal(nav.move('d', 'ArrowDown'), 'f');
    assert.equal(nav.move('e', 'ArrowUp'), undefined, 'e has no prerequisite');
    assert.equal(nav.move('a', 'ArrowUp'), undefined);
  });

  it('skips what the filter hides, and starts from the first node when the focus is unknown', () => {
    const nav = new MapNavigator(nodes, adj, new Set(['a', 'c', 'd', 'f']));
    assert.deepEqual(nav.readingOrder(), ['a', 'c', 'd', 'f']);
    assert.equal(nav.move('a', 'ArrowRight'), 'c');
    assert.equal(nav.move('a', 'ArrowDown'), 'c', 'b is hidden');
    assert.equal(nav.move('gone', 'ArrowRight'), 'a');
  });
});

describe('map states', () => {
  it('give each node its status, and "verified" when every exercise of the topic passed', () => {
    const ids = ['a', 'b', 'c'];
    let states = new Map(mapStates(smallIndex, progressWith({ kind: 'topic', id: 'a', status: 'in-progress' }, { kind: 'exercise', id: 'ex1', status: 'done' }), ids));
    assert.deepEqual(states.get('a'), { status: 'in-progress', badges: [] }, 'one of two exercises is not verified');
    states = new Map(mapStates(smallIndex, progressWith({ kind: 'exercise', id: 'ex1', status: 'done' }, { kind: 'exercise', id: 'ex2', status: 'done' }, { kind: 'topic', id: 'a', status: 'done' }), ids));
    assert.deepEqual(states.get('a'), { status: 'done', badges: [{ kind: 'verified', label: 'verified' }] });
    assert.deepEqual(states.get('b'), { status: 'not-started', badges: [] }, 'no exercise, never verified');
  });

  it('say quizzed when the last answers are right on enough items, and how many reviews are due', () => {
    const quizRoadmap: Roadmap = { ...smallRoadmap, layers: [{ ...smallRoadmap.layers[0], topics: [{ ...smallRoadmap.layers[0].topics[1], quiz: { ids: ['q1', 'q2'] } }] }] };
    const index = new RoadmapIndex(quizRoadmap);
    const card = (due: string, lastCorrect: boolean) => ({ due, stability: 1, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastCorrect });
    const progress = { topics: {}, exercises: {}, history: [], review: { cards: { 'b/q1': card('2026-01-01T00:00:00Z', true), 'b/q2': card('2030-01-01T00:00:00Z', true) }, log: [] } } as unknown as Parameters<typeof mapStates>[1];
    const states = new Map(mapStates(index, progress, ['b'], [masteryBadges, reviewsDueBadges(() => new Date('2026-06-01T12:00:00Z'))]));
    assert.deepEqual(states.get('b')?.badges, [{ kind: 'quizzed', label: 'quizzed' }, { kind: 'reviews-due', label: '1 review due' }]);
  });

  it('take badges from other sources beside their own', () => {
    const reviews = (_i: RoadmapIndex, _p: unknown, ids: readonly string[]) => new Map(ids.filter((id) => id === 'b').map((id) => [id, [{ kind: 'reviews-due', label: '2 reviews due' }]]));
    const states = new Map(mapStates(smallIndex, undefined, ['a', 'b'], [reviews]));
    assert.deepEqual(states.get('b')?.badges, [{ kind: 'reviews-due', label: '2 reviews due' }]);
    assert.deepEqual(states.get('a')?.badges, []);
  });
});

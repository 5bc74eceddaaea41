import type { Roadmap } from '../model';
import { subtopicsOf } from '../topicUnits';

/**
 * The map's graph, built from a roadmap: each layer a band (in the roadmap's order), each topic
 * and sub-topic a node (a sub-topic a smaller node in its topic's band, hung below its topic by a
 * "part" edge), each prerequisite an edge from the prerequisite to the topic that needs it. Ids
 * are kept in Maps, never as object keys, so an id like "__proto__" is a plain id here.
 */
export interface MapNode {
  id: string;
  title: string;
  /** Position of its layer in the roadmap (0-based): the band it is drawn in. */
  band: number;
  /** Position in roadmap order, across layers (each topic, then its sub-topics). */
  order: number;
  hours?: number;
  /** A sub-topic's topic; absent on a topic. */
  parent?: string;
}

export interface MapEdge {
  /** The prerequisite. */
  from: string;
  /** The topic that needs it. */
  to: string;
  /** Both ends lie on one prerequisite cycle (the loader reports those; the map still draws them). */
  cycle: boolean;
  /** A topic to one of its sub-topics: drawn as a plain link, not an arrow (absent on a prerequisite). */
  part?: true;
  /** On a part edge: the sub-topic names its topic as a prerequisite too (it waits for it). */
  needed?: true;
}

export interface MapBand {
  id: string;
  number: number;
  title: string;
  nodeIds: string[];
}

export interface MapGraph {
  bands: MapBand[];
  nodes: MapNode[];
  edges: MapEdge[];
  /** Each cycle's node ids, for the sentence that names them. */
  cycles: string[][];
  /** Prerequisites that name no topic of the roadmap: left out of the map. */
  unknownPrerequisites: number;
}

export function buildMapGraph(roadmap: Roadmap): MapGraph {
  const bands: MapBand[] = [];
  const nodes: MapNode[] = [];
  const byId = new Map<string, MapNode>();
  roadmap.layers.forEach((layer, band) => {
    const nodeIds: string[] = [];
    const add = (id: string, title: string, hours: number | undefined, parent?: string) => {
      if (byId.has(id)) return false; // the loader refuses duplicates; a map of its output stays whole
      const node: MapNode = { id, title, band, order: nodes.length, hours, ...(parent === undefined ? {} : { parent }) };
      byId.set(id, node);
      nodes.push(node);
      nodeIds.push(id);
      return true;
    };
    for (const topic of layer.topics) {
      if (!add(topic.id, topic.title, topic.hours)) continue;
      for (const sub of subtopicsOf(topic)) add(sub.id, sub.title, sub.hours, topic.id);
    }
    bands.push({ id: layer.id, number: layer.number, title: layer.title, nodeIds });
  });
  const edges: MapEdge[] = [];
  let unknownPrerequisites = 0;
  const prerequisiteEdges = (id: string, prerequisites: readonly string[], parent?: string) => {
    // A sub-topic that names its own topic is already linked to it by the part edge.
    const seen = new Set<string>(parent === undefined ? [] : [parent]);
    for (const pre of prerequisites) {
      if (!byId.has(pre)) unknownPrerequisites++;
      else if (!seen.has(pre)) edges.push({ from: pre, to: id, cycle: false });
      seen.add(pre);
    }
  };
  for (const layer of roadmap.layers) {
    for (const topic of layer.topics) {
      if (byId.get(topic.id)?.parent !== undefined) continue; // a duplicate id: the first one is mapped
      prerequisiteEdges(topic.id, topic.prerequisites);
      for (const sub of subtopicsOf(topic)) {
        if (byId.get(sub.id)?.parent !== topic.id) continue;
        edges.push({ from: topic.id, to: sub.id, cycle: false, part: true, ...(sub.prerequisites.includes(topic.id) ? { needed: true as const } : {}) });
        prerequisiteEdges(sub.id, sub.prerequisites, topic.id);
      }
    }
  }
  const cycles = markCycles(nodes, edges);
  return { bands, nodes, edges, cycles, unknownPrerequisites };
}

/**
 * Prerequisites and dependents of each node, in edge order. A sub-topic's list starts with its
 * topic (the part edge), so the chains pass through it: what a topic needs, its sub-topics need
 * too, and what a sub-topic unlocks is part of what its topic leads to.
 */
export interface Adjacency {
  prerequisites: Map<string, string[]>;
  unlocks: Map<string, string[]>;
  /** Each sub-topic's topic. */
  parents: Map<string, string>;
  /** Each topic's sub-topics, in roadmap order. */
  children: Map<string, string[]>;
  /** Sub-topics that name their own topic as a prerequisite. */
  needsParent: Set<string>;
}

export function adjacencyOf(graph: { nodes: ReadonlyArray<{ id: string; parent?: string }>; edges: readonly MapEdge[] }): Adjacency {
  const prerequisites = new Map<string, string[]>();
  const unlocks = new Map<string, string[]>();
  const parents = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const n of graph.nodes) {
    prerequisites.set(n.id, []);
    unlocks.set(n.id, []);
  }
  for (const n of graph.nodes) {
    if (n.parent === undefined || !prerequisites.has(n.parent)) continue;
    parents.set(n.id, n.parent);
    children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  }
  const needsParent = new Set<string>();
  for (const e of graph.edges) {
    prerequisites.get(e.to)?.push(e.from);
    unlocks.get(e.from)?.push(e.to);
    if (e.needed) needsParent.add(e.to);
  }
  return { prerequisites, unlocks, parents, children, needsParent };
}

/**
 * What a node must wait for before it is next: its own prerequisites and, for a sub-topic, its
 * topic's (inherited); the topic itself only when the sub-topic names it (a topic is often
 * finished after its sub-topics). The rule of Show Next Topics (core/progress/progressStats).
 */
export function requiredBefore(adjacency: Adjacency, id: string): string[] {
  const parent = adjacency.parents.get(id);
  const own = (adjacency.prerequisites.get(id) ?? []).filter((p) => p !== parent || adjacency.needsParent.has(id));
  if (parent === undefined) return own;
  return [...new Set([...own, ...(adjacency.prerequisites.get(parent) ?? [])])].filter((p) => p !== id);
}

/**
 * Prerequisite cycles, as the loader finds them (a part edge is no prerequisite: a topic may
 * need its own sub-topic). Marks the edges whose ends share a strongly connected component (Tarjan's algorithm, with an
 * explicit stack so a 12,000-topic cycle cannot overflow the call stack) and returns the
 * components that are cycles, each in roadmap order.
 */
function markCycles(nodes: MapNode[], edges: MapEdge[]): string[][] {
  const index = new Map<string, number>(nodes.map((n, i) => [n.id, i]));
  const out: number[][] = nodes.map(() => []);
  edges.forEach((e) => (e.part ? undefined : out[index.get(e.from)!].push(index.get(e.to)!)));
  const n = nodes.length;
  const low = new Int32Array(n);
  const num = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (num[root] !== -1) continue;
    const work: Array<[node: number, next: number]> = [[root, 0]];
    num[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i < out[v].length) {
        frame[1]++;
        const w = out[v][i];
        if (num[w] === -1) {
          num[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], num[w]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1][0]] = Math.min(low[work[work.length - 1][0]], low[v]);
      if (low[v] === num[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  const size = new Int32Array(components);
  for (let v = 0; v < n; v++) size[component[v]]++;
  const inCycle = (from: number, to: number) => component[from] === component[to] && (size[component[from]] > 1 || from === to);
  const cyclic = new Map<number, number[]>();
  for (const e of edges) {
    const [a, b] = [index.get(e.from)!, index.get(e.to)!];
    if (e.part || !inCycle(a, b)) continue;
    e.cycle = true;
    if (!cyclic.has(component[a])) cyclic.set(component[a], []);
  }
  for (let v = 0; v < n; v++) cyclic.get(component[v])?.push(v);
  return [...cyclic.values()].map((members) => members.map((v) => nodes[v].id));
}

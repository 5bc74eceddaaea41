import type { Roadmap } from '../model';

/**
 * The map's graph, built from a roadmap: each layer a band (in the roadmap's order), each topic
 * a node, each prerequisite an edge from the prerequisite to the topic that needs it. Ids are
 * kept in Maps, never as object keys, so an id like "__proto__" is a plain id here.
 */
export interface MapNode {
  id: string;
  title: string;
  /** Position of its layer in the roadmap (0-based): the band it is drawn in. */
  band: number;
  /** Position in roadmap order, across layers. */
  order: number;
  hours?: number;
}

export interface MapEdge {
  /** The prerequisite. */
  from: string;
  /** The topic that needs it. */
  to: string;
  /** Both ends lie on one prerequisite cycle (the loader reports those; the map still draws them). */
  cycle: boolean;
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
    for (const topic of layer.topics) {
      if (byId.has(topic.id)) continue; // the loader refuses duplicates; a map of its output stays whole
      const node: MapNode = { id: topic.id, title: topic.title, band, order: nodes.length, hours: topic.hours };
      byId.set(topic.id, node);
      nodes.push(node);
      nodeIds.push(topic.id);
    }
    bands.push({ id: layer.id, number: layer.number, title: layer.title, nodeIds });
  });
  const edges: MapEdge[] = [];
  let unknownPrerequisites = 0;
  for (const layer of roadmap.layers) {
    for (const topic of layer.topics) {
      const seen = new Set<string>();
      for (const pre of topic.prerequisites) {
        if (!byId.has(pre)) unknownPrerequisites++;
        else if (!seen.has(pre)) edges.push({ from: pre, to: topic.id, cycle: false });
        seen.add(pre);
      }
    }
  }
  const cycles = markCycles(nodes, edges);
  return { bands, nodes, edges, cycles, unknownPrerequisites };
}

/** Prerequisites and dependents of each node, in edge order. */
export interface Adjacency {
  prerequisites: Map<string, string[]>;
  unlocks: Map<string, string[]>;
}

export function adjacencyOf(graph: { nodes: ReadonlyArray<{ id: string }>; edges: readonly MapEdge[] }): Adjacency {
  const prerequisites = new Map<string, string[]>();
  const unlocks = new Map<string, string[]>();
  for (const n of graph.nodes) {
    prerequisites.set(n.id, []);
    unlocks.set(n.id, []);
  }
  for (const e of graph.edges) {
    prerequisites.get(e.to)?.push(e.from);
    unlocks.get(e.from)?.push(e.to);
  }
  return { prerequisites, unlocks };
}

/**
 * Marks the edges whose ends share a strongly connected component (Tarjan's algorithm, with an
 * explicit stack so a 12,000-topic cycle cannot overflow the call stack) and returns the
 * components that are cycles, each in roadmap order.
 */
function markCycles(nodes: MapNode[], edges: MapEdge[]): string[][] {
  const index = new Map<string, number>(nodes.map((n, i) => [n.id, i]));
  const out: number[][] = nodes.map(() => []);
  edges.forEach((e) => out[index.get(e.from)!].push(index.get(e.to)!));
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
    if (!inCycle(a, b)) continue;
    e.cycle = true;
    if (!cyclic.has(component[a])) cyclic.set(component[a], []);
  }
  for (let v = 0; v < n; v++) cyclic.get(component[v])?.push(v);
  return [...cyclic.values()].map((members) => members.map((v) => nodes[v].id));
}

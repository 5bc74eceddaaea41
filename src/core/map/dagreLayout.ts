// The map's layout library, dagre (layered, Sugiyama style), in a bundle of its own (layout.js)
// that loads when a map is first opened, never at activation.
import dagre from '@dagrejs/dagre';
import { layoutMap, type ChunkEngine, type ChunkInput, type ChunkOutput, type LayoutOptions, type PlacedBand, type Point } from './mapLayout';
import type { MapGraph } from './mapGraph';

/** Top to bottom, as the bands are; spacing that leaves room for the arrows. */
export const DAGRE_OPTIONS = { rankdir: 'TB', nodesep: 28, ranksep: 44, edgesep: 12, marginx: 0, marginy: 0 } as const;

/** One chunk through dagre: a graph of our own keys, so no author's id is ever a key of its tables. */
export const dagreEngine: ChunkEngine = (input: ChunkInput): ChunkOutput => {
  const g = bareDagreGraph(input);
  dagre.layout(g);
  const centres = new Map<string, Point>();
  for (const n of input.nodes) {
    const label = g.node(n.key);
    centres.set(n.key, { x: label.x ?? 0, y: label.y ?? 0 });
  }
  // The points are the throw-away graph's own objects: the caller copies them once, with the chunk's offset.
  const edges = input.edges.map((e) => (g.edge(e.from, e.to) as { points?: Point[] } | undefined)?.points ?? []);
  const label = g.graph();
  return { centres, edges, width: label.width ?? 0, height: label.height ?? 0 };
};

/** The graph dagre is given for a chunk; the bench lays out the same one with the bare library. */
export function bareDagreGraph(input: ChunkInput) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ ...DAGRE_OPTIONS });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.key, { width: n.w, height: n.h });
  for (const e of input.edges) g.setEdge(e.from, e.to);
  return g;
}

/** The bare library, for the bench's floor. */
export function bareDagreLayout(input: ChunkInput): void {
  dagre.layout(bareDagreGraph(input));
}

/** The map's bands, laid out with dagre. */
export function layoutWithDagre(graph: MapGraph, options?: LayoutOptions): AsyncGenerator<PlacedBand> {
  return layoutMap(graph, dagreEngine, options);
}

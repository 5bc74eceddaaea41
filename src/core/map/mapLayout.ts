import type { MapGraph, MapNode } from './mapGraph';
import { nodeHeight, nodeWidth } from './mapScene';

/**
 * Lays the map out band by band, top to bottom in layer order, with a graph layout library for
 * the topics inside a band (the engine: dagre, see dagreLayout.ts). A band is cut into chunks of
 * at most CHUNK_NODES topics (its connected parts, packed; a larger part cut in roadmap order),
 * so no single call of the library runs long, and the caller is given back the thread between
 * chunks: a 5,000-topic roadmap draws band after band and never holds the extension host.
 * Edges inside a chunk are routed by the library; the others (between bands or chunks) are
 * curves from the bottom of the prerequisite to the top of the topic that needs it. A topic and
 * its sub-topics (smaller nodes, linked to it by part edges) stay in one chunk, so the library
 * hangs them below it.
 */
export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  id: string;
  /** Top-left corner. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** The library's polyline, or (curve) a cubic Bézier's four points. */
  points: Point[];
  curve: boolean;
  cycle: boolean;
  /** A topic to its sub-topic: a plain link, no arrow. */
  part?: true;
}

export interface PlacedBand {
  /** Position in the roadmap's layers. */
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  nodes: PlacedNode[];
  /** The edges whose later end (in band order) is in this band: both ends are placed when it arrives. */
  edges: PlacedEdge[];
}

/** What the library is asked for one chunk: nodes by a key of ours (never an author's id), their sizes, and edges. */
export interface ChunkInput {
  nodes: Array<{ key: string; w: number; h: number }>;
  edges: Array<{ from: string; to: string }>;
}

/** Node centres by key, each edge's points in input order, the chunk's size; coordinates from (0, 0). */
export interface ChunkOutput {
  centres: Map<string, Point>;
  edges: Point[][];
  width: number;
  height: number;
}

export type ChunkEngine = (input: ChunkInput) => ChunkOutput;

export { NODE_W, SUB_W } from './mapScene';
/** A chunk of this many topics and edges lays out within the host's time slice on a slow machine (the bench shows it). */
export const CHUNK_NODES = 40;
export const CHUNK_EDGES = 50;
export const BAND_HEADER = 40;
export const BAND_PAD = 20;
export const BAND_GAP = 56;
const CHUNK_GAP = 48;
/** A band wider than this wraps its chunks onto more rows. */
const MAX_ROW_WIDTH = 2600;

export interface LayoutOptions {
  /** Gives the thread back (setTimeout in the host); awaited when a slice has run its time. */
  pause?: () => Promise<void>;
  /** How long one slice may run before pausing. */
  sliceMs?: number;
  now?: () => number;
  /** Called with each library call's input, for the bench's floor. */
  onChunk?: (input: ChunkInput) => void;
}

/**
 * The chunks of each band: lists of node ids, each with at most `maxNodes` nodes and `maxEdges`
 * edges between them (dagre's time grows with both). Connected parts of a band are packed
 * together; a part too large is cut in roadmap order, never between a topic and its sub-topics
 * (unless they alone pass `maxNodes`).
 */
export function planChunks(graph: MapGraph, maxNodes = CHUNK_NODES, maxEdges = CHUNK_EDGES): string[][][] {
  const bandOf = new Map(graph.nodes.map((n) => [n.id, n.band]));
  const parentOf = new Map<string, string>();
  const groupSize = new Map<string, number>(); // a topic with its sub-topics
  for (const n of graph.nodes) {
    if (n.parent === undefined || bandOf.get(n.parent) !== n.band) continue;
    parentOf.set(n.id, n.parent);
    groupSize.set(n.parent, (groupSize.get(n.parent) ?? 1) + 1);
  }
  const inner = new Map<string, string[]>(); // each node's neighbours in its own band, both ways
  for (const e of graph.edges) {
    if (e.from === e.to || bandOf.get(e.from) !== bandOf.get(e.to)) continue;
    for (const [a, b] of [[e.from, e.to], [e.to, e.from]]) {
      if (!inner.has(a)) inner.set(a, []);
      inner.get(a)!.push(b);
    }
  }
  return graph.bands.map((band) => {
    // Union-find over the band's own edges: its connected parts.
    const parent = new Map(band.nodeIds.map((id) => [id, id]));
    const find = (x: string): string => {
      let root = x;
      while (parent.get(root) !== root) root = parent.get(root)!;
      while (x !== root) {
        const up = parent.get(x)!;
        parent.set(x, root); // path compression
        x = up;
      }
      return root;
    };
    for (const id of band.nodeIds) for (const other of inner.get(id) ?? []) parent.set(find(id), find(other));
    const parts = new Map<string, string[]>();
    for (const id of band.nodeIds) {
      const root = find(id);
      if (!parts.has(root)) parts.set(root, []);
      parts.get(root)!.push(id);
    }
    const chunks: string[][] = [];
    let current: string[] = [];
    let members = new Set<string>();
    let edges = 0;
    const flush = () => {
      if (current.length) chunks.push(current);
      current = [];
      members = new Set();
      edges = 0;
    };
    const add = (id: string, added: number) => {
      current.push(id);
      members.add(id);
      edges += added;
    };
    for (const part of parts.values()) {
      const partEdges = part.reduce((n, id) => n + (inner.get(id)?.length ?? 0), 0) / 2;
      if (part.length <= maxNodes && partEdges <= maxEdges) {
        if (current.length + part.length > maxNodes || edges + partEdges > maxEdges) flush();
        for (const id of part) add(id, 0);
        edges += partEdges;
        continue;
      }
      flush();
      for (const id of part) {
        const added = (inner.get(id) ?? []).filter((o) => members.has(o)).length;
        const parent = parentOf.get(id);
        const withTopic = parent !== undefined && members.has(parent);
        // A topic starts a chunk its sub-topics fit in; a sub-topic stays with its topic.
        const full = withTopic ? current.length >= maxNodes : current.length + (groupSize.get(id) ?? 1) > maxNodes;
        if (current.length && (full || (!withTopic && edges + added > maxEdges))) flush();
        add(id, current.length ? added : 0);
      }
      flush();
    }
    flush();
    return chunks;
  });
}

/** The bands, laid out in order; each is yielded as soon as it is placed. */
export async function* layoutMap(graph: MapGraph, engine: ChunkEngine, options: LayoutOptions = {}): AsyncGenerator<PlacedBand> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 40;
  let sliceStart = now();
  const nodeById = new Map<string, MapNode>(graph.nodes.map((n) => [n.id, n]));
  const placed = new Map<string, PlacedNode>();
  const chunkOf = new Map<string, number>();
  // Each edge waits for the band of its later end.
  const edgesByBand: Array<typeof graph.edges> = graph.bands.map(() => []);
  for (const e of graph.edges) edgesByBand[Math.max(nodeById.get(e.from)!.band, nodeById.get(e.to)!.band)].push(e);
  const chunkPlan = planChunks(graph);
  const heights = new Map(graph.nodes.map((n) => [n.id, nodeHeight(n.title, n.parent !== undefined)]));
  const widths = new Map(graph.nodes.map((n) => [n.id, nodeWidth(n.parent !== undefined)]));
  const ownEdges: Array<typeof graph.edges> = graph.bands.map(() => []);
  for (const e of graph.edges) if (e.from !== e.to && nodeById.get(e.from)!.band === nodeById.get(e.to)!.band) ownEdges[nodeById.get(e.to)!.band].push(e);
  let y = 0;
  let chunkNumber = 0;
  for (let b = 0; b < graph.bands.length; b++) {
    const routed = new Map<string, Point[]>();
    const boxes: Array<{ ids: string[]; out: ChunkOutput; n: number }> = [];
    for (const ids of chunkPlan[b]) {
      const key = new Map(ids.map((id, i) => [id, String(i)]));
      const inner = ownEdges[b].filter((e) => key.has(e.from) && key.has(e.to));
      const input: ChunkInput = { nodes: ids.map((id) => ({ key: key.get(id)!, w: widths.get(id)!, h: heights.get(id)! })), edges: inner.map((e) => ({ from: key.get(e.from)!, to: key.get(e.to)! })) };
      options.onChunk?.(input);
      const out = engine(input);
      inner.forEach((e, i) => routed.set(edgeId(e.from, e.to), out.edges[i]));
      boxes.push({ ids, out, n: chunkNumber });
      for (const id of ids) chunkOf.set(id, chunkNumber);
      chunkNumber++;
      if (options.pause && now() - sliceStart > sliceMs) {
        await options.pause();
        sliceStart = now();
      }
    }
    // Chunks side by side, wrapping onto rows; the band centred on x = 0.
    const widest = Math.max(0, ...boxes.map((c) => c.out.width));
    const rowLimit = Math.max(MAX_ROW_WIDTH, widest);
    const rows: Array<{ items: typeof boxes; width: number; height: number }> = [];
    for (const box of boxes) {
      let row = rows[rows.length - 1];
      if (!row || (row.items.length && row.width + CHUNK_GAP + box.out.width > rowLimit)) rows.push((row = { items: [], width: 0, height: 0 }));
      row.width += (row.items.length ? CHUNK_GAP : 0) + box.out.width;
      row.height = Math.max(row.height, box.out.height);
      row.items.push(box);
    }
    const width = Math.max(nodeWidth(false), ...rows.map((r) => r.width)) + 2 * BAND_PAD;
    const top = y;
    let rowY = y + BAND_HEADER;
    const offsets = new Map<number, Point>();
    const nodes: PlacedNode[] = [];
    for (const row of rows) {
      let x = -row.width / 2;
      for (const { ids, out, n } of row.items) {
        offsets.set(n, { x, y: rowY });
        ids.forEach((id, i) => {
          const c = out.centres.get(String(i))!;
          const [w, h] = [widths.get(id)!, heights.get(id)!];
          const node = { id, x: x + c.x - w / 2, y: rowY + c.y - h / 2, w, h };
          placed.set(id, node);
          nodes.push(node);
        });
        x += out.width + CHUNK_GAP;
      }
      rowY += row.height + CHUNK_GAP;
    }
    const height = Math.max(rowY - CHUNK_GAP - top + BAND_PAD, BAND_HEADER + BAND_PAD);
    const edges: PlacedEdge[] = edgesByBand[b].map((e) => {
      const points = routed.get(edgeId(e.from, e.to));
      const part = e.part ? { part: true as const } : {};
      if (points && chunkOf.get(e.from) === chunkOf.get(e.to)) {
        const o = offsets.get(chunkOf.get(e.to)!)!;
        return { from: e.from, to: e.to, points: points.map((p) => ({ x: p.x + o.x, y: p.y + o.y })), curve: false, cycle: e.cycle, ...part };
      }
      return { from: e.from, to: e.to, points: curveBetween(placed.get(e.from)!, placed.get(e.to)!), curve: true, cycle: e.cycle, ...part };
    });
    yield { index: b, x: -width / 2, y: top, width, height, nodes, edges };
    y = top + height + BAND_GAP;
  }
}

const edgeId = (from: string, to: string) => `${from}\u0000${to}`;

/** A curve from one node's edge to the other's: downwards when the target is lower, else up or sideways. */
export function curveBetween(from: PlacedNode, to: PlacedNode): Point[] {
  if (from === to) {
    // A topic that needs itself: a loop beside it.
    const x = from.x + from.w;
    return [{ x, y: from.y + from.h * 0.3 }, { x: x + 60, y: from.y - 20 }, { x: x + 60, y: from.y + from.h + 20 }, { x, y: from.y + from.h * 0.7 }];
  }
  const below = to.y >= from.y + from.h;
  const above = to.y + to.h <= from.y;
  if (below || above) {
    const start = { x: from.x + from.w / 2, y: below ? from.y + from.h : from.y };
    const end = { x: to.x + to.w / 2, y: below ? to.y : to.y + to.h };
    const bend = Math.max(40, Math.abs(end.y - start.y) / 2) * (below ? 1 : -1);
    return [start, { x: start.x, y: start.y + bend }, { x: end.x, y: end.y - bend }, end];
  }
  const right = to.x >= from.x + from.w;
  const start = { x: right ? from.x + from.w : from.x, y: from.y + from.h / 2 };
  const end = { x: right ? to.x : to.x + to.w, y: to.y + to.h / 2 };
  const bend = Math.max(30, Math.abs(end.x - start.x) / 2) * (right ? 1 : -1);
  return [start, { x: start.x + bend, y: start.y }, { x: end.x - bend, y: end.y }, end];
}

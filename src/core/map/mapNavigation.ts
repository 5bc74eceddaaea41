import type { Adjacency } from './mapGraph';

/**
 * Where the keys go on the map. Up and Down follow the edges (Up to a prerequisite, Down to a
 * topic it unlocks, the nearest on screen first); Left and Right walk the band in reading order
 * (rank by rank, left to right); Home and End go to the band's first and last topic; Page Up and
 * Page Down to the first topic of the band above or below. Sub-topics read like a nested list:
 * Down from a topic enters its first sub-topic, Left and Right (Home and End) walk the
 * sub-topics of one topic, Up goes back out to the topic, and Down from a sub-topic follows its
 * own edges, or when it has none its topic's. Hidden (filtered out) topics are skipped.
 */
export type MapKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export const MAP_KEYS: readonly MapKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

export interface NavNode {
  id: string;
  band: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export class MapNavigator {
  private readonly byId = new Map<string, NavNode>();
  /** Each band's visible nodes in reading order. */
  private readonly bands: string[][] = [];
  private readonly position = new Map<string, number>();

  constructor(
    nodes: readonly NavNode[],
    private readonly adjacency: Adjacency,
    visible?: ReadonlySet<string>,
  ) {
    const shown = nodes.filter((n) => !visible || visible.has(n.id));
    for (const n of shown) this.byId.set(n.id, n);
    // Nodes of one rank share their centre's y (heights differ); rounding keeps a rank together whatever the arithmetic did.
    const mid = (n: NavNode) => Math.round(n.y + n.h / 2);
    const sorted = [...shown].sort((a, b) => a.band - b.band || mid(a) - mid(b) || a.x - b.x);
    // A sub-topic shown with its topic is walked from the topic, not along the band.
    for (const n of sorted) {
      if (this.nested(n.id)) continue;
      (this.bands[n.band] ??= []).push(n.id);
      this.position.set(n.id, this.bands[n.band].length - 1);
    }
  }

  /** A sub-topic whose topic is shown: it belongs to its topic's list. */
  private nested(id: string): boolean {
    const parent = this.adjacency.parents.get(id);
    return parent !== undefined && this.byId.has(parent);
  }

  /** A topic's visible sub-topics, in roadmap order. */
  private visibleChildren(id: string): string[] {
    return (this.adjacency.children.get(id) ?? []).filter((c) => this.byId.has(c));
  }

  /** Every visible node in reading order, band after band, each topic followed by its sub-topics. */
  readingOrder(): string[] {
    return this.bands.flatMap((b) => b ?? []).flatMap((id) => [id, ...this.visibleChildren(id)]);
  }

  /** The first node to focus: the first of the first band that has any. */
  first(): string | undefined {
    return this.readingOrder()[0];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A sub-topic walked within its topic's list (for the words said at the end of it). */
  inSubtopics(id: string): boolean {
    return this.byId.has(id) && this.nested(id);
  }

  /** Where a key moves the focus from `id`; undefined when it goes nowhere. */
  move(id: string, key: MapKey): string | undefined {
    const at = this.byId.get(id);
    if (!at) return this.first();
    const parent = this.adjacency.parents.get(id);
    if (parent !== undefined && this.nested(id)) {
      const siblings = this.visibleChildren(parent);
      const j = siblings.indexOf(id);
      switch (key) {
        case 'ArrowLeft':
          return siblings[j - 1];
        case 'ArrowRight':
          return siblings[j + 1];
        case 'Home':
          return j > 0 ? siblings[0] : undefined;
        case 'End':
          return j < siblings.length - 1 ? siblings[siblings.length - 1] : undefined;
        case 'ArrowUp':
          return parent;
        case 'ArrowDown': {
          // Its own edges, else on past its topic's list: what the topic unlocks.
          const outside = (this.adjacency.unlocks.get(parent) ?? []).filter((u) => !siblings.includes(u));
          return this.nearest(at, this.adjacency.unlocks.get(id) ?? []) ?? this.nearest(at, outside);
        }
        default:
          // Page Up and Down: from its topic's place.
          return this.move(parent, key);
      }
    }
    const band = this.bands[at.band];
    const i = this.position.get(id)!;
    switch (key) {
      case 'ArrowLeft':
        return band[i - 1];
      case 'ArrowRight':
        return band[i + 1];
      case 'Home':
        return band[0] === id ? undefined : band[0];
      case 'End':
        return band[band.length - 1] === id ? undefined : band[band.length - 1];
      case 'ArrowUp':
        return this.nearest(at, this.adjacency.prerequisites.get(id) ?? []);
      case 'ArrowDown':
        return this.visibleChildren(id)[0] ?? this.nearest(at, this.adjacency.unlocks.get(id) ?? []);
      case 'PageUp':
        for (let b = at.band - 1; b >= 0; b--) if (this.bands[b]?.length) return this.bands[b][0];
        return undefined;
      case 'PageDown':
        for (let b = at.band + 1; b < this.bands.length; b++) if (this.bands[b]?.length) return this.bands[b][0];
        return undefined;
    }
  }

  /** The visible candidate whose centre is closest to this node's. */
  private nearest(at: NavNode, ids: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    const cx = at.x + at.w / 2;
    const cy = at.y + at.h / 2;
    for (const id of ids) {
      const n = this.byId.get(id);
      if (!n || id === at.id) continue;
      const d = Math.hypot(n.x + n.w / 2 - cx, n.y + n.h / 2 - cy);
      if (d < bestDistance) [best, bestDistance] = [id, d];
    }
    return best;
  }
}

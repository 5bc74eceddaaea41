import type { Status } from '../progress/progressModel';
import { requiredBefore, type Adjacency } from './mapGraph';

/** What a chain highlights: its nodes (the asked one among them) and the edges between them. */
export interface Chain {
  nodes: Set<string>;
  /** Edges as "from\u0000to" keys (see edgeKey). */
  edges: Set<string>;
}

export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

/** "What do I need before this?": every prerequisite, direct or not, and the edges that lead to it (a sub-topic's pass through its topic). */
export function prerequisiteChain(adjacency: Adjacency, id: string): Chain {
  return walk(id, adjacency.prerequisites, (next, at) => edgeKey(next, at));
}

/** "What does this unlock?": every topic that needs it, directly or not. */
export function unlockChain(adjacency: Adjacency, id: string): Chain {
  return walk(id, adjacency.unlocks, (next, at) => edgeKey(at, next));
}

/** A breadth-first walk; each node once, so cycles end. */
function walk(start: string, neighbours: Map<string, string[]>, key: (next: string, at: string) => string): Chain {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!neighbours.has(start)) return { nodes, edges };
  nodes.add(start);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    for (const next of neighbours.get(at) ?? []) {
      edges.add(key(next, at));
      if (nodes.has(next)) continue;
      nodes.add(next);
      queue.push(next);
    }
  }
  return { nodes, edges };
}

const settled = (s: Status) => s === 'done' || s === 'skipped';

/**
 * "Next topics": not yet done or skipped, every prerequisite done or skipped (the rule of Show
 * Next Topics); a sub-topic waits for its topic's prerequisites too, not for its topic.
 */
export function nextTopicIds(order: readonly string[], adjacency: Adjacency, statusOf: (id: string) => Status): string[] {
  return order.filter((id) => isNextTopic(adjacency, id, statusOf));
}

export function isNextTopic(adjacency: Adjacency, id: string, statusOf: (id: string) => Status): boolean {
  return !settled(statusOf(id)) && requiredBefore(adjacency, id).every((p) => settled(statusOf(p)));
}

/**
 * The nodes whose standing as a next topic a status change of `changed` can alter, so a mark
 * re-checks those alone: each changed node, what it unlocks, and their sub-topics (which wait
 * for their topic's prerequisites). A superset is harmless: each is checked against the rule.
 */
export function nextTopicsTouched(adjacency: Adjacency, changed: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of changed) {
    out.add(id);
    for (const u of adjacency.unlocks.get(id) ?? []) {
      out.add(u);
      for (const c of adjacency.children.get(u) ?? []) out.add(c);
    }
  }
  return out;
}

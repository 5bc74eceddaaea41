import type { ItemKind } from '../progress/progressModel';
import type { Topic } from '../model';
import type { RoadmapIndex } from '../roadmapIndex';
import { subtopicsOf } from '../topicUnits';

/**
 * The sidebar trees' elements are id strings, stable across refreshes so a change can refresh
 * only the rows it touches: "layer:<id>", "topic:<id>" (in a month: "topic:<id>:<month>"),
 * "exercise:<id>:<topic>", "resource:<topic>:<n>", "month:<n>", "milestone:<n>". This file is
 * the only one that builds or reads them.
 */
export type RowKind = 'layer' | 'topic' | 'exercise' | 'resource' | 'month' | 'milestone';

export const ROW_KINDS: readonly RowKind[] = ['layer', 'topic', 'exercise', 'resource', 'month', 'milestone'];

export interface ElementParts {
  kind: RowKind;
  /** The id of the layer, topic, exercise or month the row stands for. */
  ref: string;
  /** The month of a planned topic, the topic of an exercise, the position of a resource. */
  extra?: string;
}

export const elementId = {
  layer: (id: string) => `layer:${id}`,
  topic: (id: string, month?: number | string) => (month === undefined ? `topic:${id}` : `topic:${id}:${month}`),
  exercise: (id: string, topicId: string) => `exercise:${id}:${topicId}`,
  resource: (topicId: string, n: number) => `resource:${topicId}:${n}`,
  month: (month: number | string) => `month:${month}`,
  milestone: (month: number | string) => `milestone:${month}`,
};

/** The raw parts of any element, for presenters whose rows add kinds of their own (the study plan's weeks). */
export function splitElement(element: string): { kind: string; ref: string; extra?: string } {
  const [kind, ref, extra] = element.split(':');
  return { kind, ref, extra };
}

/** The parts of an element; undefined for a string that is not one (a plain id, say). */
export function parseElement(element: string): ElementParts | undefined {
  // Called for every row of every refresh: a Set lookup, and slices rather than a split's array.
  const first = element.indexOf(':');
  if (first < 0) return undefined;
  const kind = element.slice(0, first);
  if (!isRowKind(kind)) return undefined;
  const second = element.indexOf(':', first + 1);
  const ref = second < 0 ? element.slice(first + 1) : element.slice(first + 1, second);
  if (!ref) return undefined;
  if (second < 0) return { kind, ref, extra: undefined };
  const third = element.indexOf(':', second + 1);
  return { kind, ref, extra: third < 0 ? element.slice(second + 1) : element.slice(second + 1, third) };
}

const ROW_KIND_SET: ReadonlySet<string> = new Set(ROW_KINDS);
const isRowKind = (kind: string): kind is RowKind => ROW_KIND_SET.has(kind);

/**
 * A month lists topics, sub-topics or whole layers; this is the topics and sub-topics, each once,
 * in the month's order. A topic brings its sub-topics (scheduled inside its month), a layer all of
 * its topics with theirs.
 */
export function monthTopicIds(index: RoadmapIndex, ids: readonly string[]): string[] {
  const out = new Set<string>();
  const addTopic = (t: Topic) => {
    out.add(t.id);
    for (const s of subtopicsOf(t)) out.add(s.id);
  };
  for (const id of ids) {
    const topic = index.topic(id);
    if (topic) addTopic(topic);
    else for (const t of index.layer(id)?.topics ?? []) addTopic(t);
  }
  return [...out];
}

/** The row above an element: what VS Code's reveal walks up through. */
export function parentOf(index: RoadmapIndex, element: string): string | undefined {
  const parts = parseElement(element);
  if (!parts) return undefined;
  const { kind, ref, extra } = parts;
  if (kind === 'topic' && extra) return elementId.month(extra);
  if (kind === 'topic') {
    const parent = index.parentOf(ref);
    if (parent) return elementId.topic(parent.id);
    const layer = index.layerOf(ref);
    return layer ? elementId.layer(layer.id) : undefined;
  }
  if (kind === 'exercise' && extra) return elementId.topic(extra);
  if (kind === 'resource') return elementId.topic(ref);
  if (kind === 'milestone') return elementId.month(ref);
  return undefined;
}

/**
 * The rows a status change touches: a topic or sub-topic wherever it stands (its layer's row, its
 * topic's row for a sub-topic, each month that plans it) with its parents and its exercises; an
 * exercise's own row.
 */
export function touchedBy(index: RoadmapIndex, changes: Iterable<{ kind: ItemKind; id: string }>): string[] {
  const out = new Set<string>();
  const months = index.roadmap.plan?.months ?? [];
  for (const { kind, id } of changes) {
    if (kind === 'exercise') {
      const ex = index.exercise(id);
      if (ex) out.add(elementId.exercise(ex.id, ex.topic));
      continue;
    }
    if (!index.topic(id)) continue;
    out.add(elementId.topic(id));
    const parent = index.parentOf(id);
    if (parent) out.add(elementId.topic(parent.id));
    const layer = index.layerOf(id);
    if (layer) out.add(elementId.layer(layer.id));
    for (const m of months) {
      const planned = monthTopicIds(index, m.topics);
      if (planned.includes(id)) {
        out.add(elementId.topic(id, m.month));
        out.add(elementId.month(m.month));
      }
      // The topic's row counts its sub-topics wherever it is planned.
      if (parent && planned.includes(parent.id)) out.add(elementId.topic(parent.id, m.month));
    }
    for (const ex of index.topic(id)?.exercises ?? []) out.add(elementId.exercise(ex, id));
  }
  return [...out];
}

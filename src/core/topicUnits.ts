import type { Layer, Roadmap, Topic } from './model';

/**
 * Topics and their sub-topics as units of work. A sub-topic stands one level below its topic and
 * counts like a topic everywhere progress is counted; these are the walks every part shares, so
 * they all agree on the order: each topic, then its sub-topics.
 */

/** A topic's sub-topics (none for a sub-topic, or for data built without them). */
export function subtopicsOf(topic: Topic): Topic[] {
  return topic.subtopics ?? [];
}

/** A layer's units in reading order: each topic followed by its sub-topics. */
export function unitsOf(layer: Layer): Topic[] {
  const out: Topic[] = [];
  for (const t of layer.topics) {
    out.push(t);
    for (const s of subtopicsOf(t)) out.push(s);
  }
  return out;
}

/** Where a topic or sub-topic stands: its layer, its parent topic (sub-topics), and its value path. */
export interface TopicPlace {
  topic: Topic;
  layer: Layer;
  layerIndex: number;
  /** The topic a sub-topic belongs to; undefined for a topic. */
  parent?: Topic;
  /** ["layers", li, "topics", ti] or ["layers", li, "topics", ti, "subtopics", si]. */
  path: Array<string | number>;
}

/** Every topic and sub-topic of a roadmap, in reading order. */
export function topicPlaces(roadmap: Roadmap): TopicPlace[] {
  const out: TopicPlace[] = [];
  roadmap.layers.forEach((layer, li) =>
    layer.topics.forEach((topic, ti) => {
      const path = ['layers', li, 'topics', ti];
      out.push({ topic, layer, layerIndex: li, path });
      subtopicsOf(topic).forEach((sub, si) => out.push({ topic: sub, layer, layerIndex: li, parent: topic, path: [...path, 'subtopics', si] }));
    }),
  );
  return out;
}

/** How messages name a topic or sub-topic: 'topic "t" in layer "l"', 'sub-topic "s" of topic "t" in layer "l"'. */
export function topicName(p: Pick<TopicPlace, 'topic' | 'layer' | 'parent'>): string {
  const layer = p.layer.id ? ` in layer "${p.layer.id}"` : '';
  return p.parent ? `sub-topic "${p.topic.id}" of topic "${p.parent.id}"${layer}` : `topic "${p.topic.id}"${layer}`;
}

import type { RoadmapIndex } from '../roadmapIndex';

/** A topic or sub-topic as the quick picks list it (Go to Topic, Mark …, Link Paper to Topics). */
export interface TopicPick {
  id: string;
  label: string;
  /** Where it stands: "Layer title", or "Layer title › Topic title" for a sub-topic. */
  description: string;
  detail?: string;
}

/** Every topic and sub-topic in reading order, each saying where it stands. */
export function topicPicks(index: RoadmapIndex): TopicPick[] {
  return index.topicOrder.map((t) => ({ id: t.id, label: t.title, description: whereIs(index, t.id), ...(t.summary ? { detail: t.summary } : {}) }));
}

/** "Layer title", or "Layer title › Topic title" for a sub-topic. */
export function whereIs(index: RoadmapIndex, topicId: string): string {
  const layer = index.layerOf(topicId)?.title ?? '';
  const parent = index.parentOf(topicId);
  return parent ? `${layer} › ${parent.title}` : layer;
}

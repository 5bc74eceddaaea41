import type { ExerciseEntry, Layer, Roadmap, Topic } from './model';

/** Lookups over a loaded roadmap, built once per roadmap: O(1) by id, and order. */
export class RoadmapIndex {
  private readonly topics = new Map<string, { topic: Topic; layer: Layer; position: number }>();
  private readonly layers = new Map<string, Layer>();
  private readonly exercises = new Map<string, ExerciseEntry>();
  readonly topicOrder: Topic[] = [];

  constructor(readonly roadmap: Roadmap) {
    for (const layer of roadmap.layers) {
      this.layers.set(layer.id, layer);
      for (const topic of layer.topics) {
        this.topics.set(topic.id, { topic, layer, position: this.topicOrder.length });
        this.topicOrder.push(topic);
      }
    }
    for (const e of roadmap.exercises) this.exercises.set(e.id, e);
  }

  topic(id: string): Topic | undefined {
    return this.topics.get(id)?.topic;
  }

  layerOf(topicId: string): Layer | undefined {
    return this.topics.get(topicId)?.layer;
  }

  layer(id: string): Layer | undefined {
    return this.layers.get(id);
  }

  exercise(id: string): ExerciseEntry | undefined {
    return this.exercises.get(id);
  }

  /** The topic before or after this one in roadmap order, across layers. */
  neighbour(topicId: string, step: -1 | 1): Topic | undefined {
    const at = this.topics.get(topicId);
    return at ? this.topicOrder[at.position + step] : undefined;
  }
}

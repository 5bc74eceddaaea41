import type { ExerciseEntry, Layer, Roadmap, Topic } from './model';
import { subtopicsOf } from './topicUnits';

/**
 * Lookups over a loaded roadmap, built once per roadmap: O(1) by id, and order. Sub-topics are
 * topics here (a topic's id looks up either); `parentOf` tells them apart.
 */
export class RoadmapIndex {
  private readonly topics = new Map<string, { topic: Topic; layer: Layer; parent?: Topic; position: number }>();
  private readonly layers = new Map<string, Layer>();
  private readonly exercises = new Map<string, ExerciseEntry>();
  /** Topics and sub-topics in reading order: each topic, then its sub-topics. */
  readonly topicOrder: Topic[] = [];

  /** `empty` only for inSlices, which fills it. */
  constructor(
    readonly roadmap: Roadmap,
    empty?: 'empty',
  ) {
    if (!empty) for (const _ of this.fill(Infinity));
  }

  /**
   * The index of a large roadmap built in slices of about `slice` topics, with `pause` between
   * them: at 20,000 topics the whole took a sixth of a second of the web worker host in one piece.
   */
  static async inSlices(roadmap: Roadmap, pause: () => Promise<void>, slice = 2_000): Promise<RoadmapIndex> {
    const index = new RoadmapIndex(roadmap, 'empty');
    for (const _ of index.fill(slice)) await pause();
    return index;
  }

  /** Indexes the roadmap, stopping after each `slice` topics (sub-topics counted). */
  private *fill(slice: number): Generator<void> {
    let done = 0;
    const add = (topic: Topic, layer: Layer, parent?: Topic) => {
      // The first of two equal ids is the one references mean (the loader reports the second).
      if (!this.topics.has(topic.id)) this.topics.set(topic.id, { topic, layer, parent, position: this.topicOrder.length });
      this.topicOrder.push(topic);
      done++;
    };
    for (const layer of this.roadmap.layers) {
      this.layers.set(layer.id, layer);
      for (const topic of layer.topics) {
        add(topic, layer);
        for (const sub of subtopicsOf(topic)) add(sub, layer, topic);
        if (done >= slice) {
          done = 0;
          yield;
        }
      }
    }
    for (const e of this.roadmap.exercises) this.exercises.set(e.id, e);
  }

  /** A topic or a sub-topic. */
  topic(id: string): Topic | undefined {
    return this.topics.get(id)?.topic;
  }

  layerOf(topicId: string): Layer | undefined {
    return this.topics.get(topicId)?.layer;
  }

  /** The topic a sub-topic belongs to; undefined for a topic (or an unknown id). */
  parentOf(topicId: string): Topic | undefined {
    return this.topics.get(topicId)?.parent;
  }

  isSubtopic(topicId: string): boolean {
    return this.topics.get(topicId)?.parent !== undefined;
  }

  layer(id: string): Layer | undefined {
    return this.layers.get(id);
  }

  exercise(id: string): ExerciseEntry | undefined {
    return this.exercises.get(id);
  }

  /** The topic or sub-topic before or after this one in reading order, across layers. */
  neighbour(topicId: string, step: -1 | 1): Topic | undefined {
    const at = this.topics.get(topicId);
    return at ? this.topicOrder[at.position + step] : undefined;
  }
}

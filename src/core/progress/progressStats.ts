import type { Layer } from '../model';
import type { RoadmapIndex } from '../roadmapIndex';
import { unitsOf } from '../topicUnits';
import { statusOf, type RoadmapProgress, type Status } from './progressModel';

export interface Tally {
  done: number;
  /** Topics that count: all but the skipped ones. */
  total: number;
  skipped: number;
  inProgress: number;
  percent: number;
}

/** Done over total, where skipped topics leave the total: skipping is a choice, not a gap. */
export function tallyTopics(topicIds: Iterable<string>, progress: RoadmapProgress | undefined): Tally {
  let done = 0;
  let all = 0;
  let skipped = 0;
  let inProgress = 0;
  for (const id of topicIds) {
    all++;
    const s = statusOf(progress, 'topic', id);
    if (s === 'done') done++;
    else if (s === 'skipped') skipped++;
    else if (s === 'in-progress') inProgress++;
  }
  const total = all - skipped;
  return { done, total, skipped, inProgress, percent: total === 0 ? (all > 0 ? 100 : 0) : Math.floor((done / total) * 100) };
}

/** A layer's topics and sub-topics, each one unit of work. */
export function layerTally(layer: Layer, progress: RoadmapProgress | undefined): Tally {
  return tallyTopics(
    unitsOf(layer).map((t) => t.id),
    progress,
  );
}

export function overallTally(index: RoadmapIndex, progress: RoadmapProgress | undefined): Tally {
  return tallyTopics(
    index.topicOrder.map((t) => t.id),
    progress,
  );
}

/**
 * Topics and sub-topics not yet done or skipped whose prerequisites are all done (or skipped), in
 * roadmap order. A sub-topic waits for its topic's prerequisites as well as its own.
 */
export function nextTopics(index: RoadmapIndex, progress: RoadmapProgress | undefined, limit = Infinity): string[] {
  const settled = (s: Status) => s === 'done' || s === 'skipped';
  const ready = (ids: string[]) => ids.every((p) => !index.topic(p) || settled(statusOf(progress, 'topic', p)));
  const result: string[] = [];
  for (const t of index.topicOrder) {
    if (settled(statusOf(progress, 'topic', t.id))) continue;
    const parent = index.parentOf(t.id);
    if (ready(t.prerequisites) && (!parent || ready(parent.prerequisites))) {
      result.push(t.id);
      if (result.length >= limit) break;
    }
  }
  return result;
}

/** Estimated hours of the topics and sub-topics not yet done or skipped (each counts its own hours). */
export function hoursLeft(index: RoadmapIndex, progress: RoadmapProgress | undefined): number {
  let hours = 0;
  for (const t of index.topicOrder) {
    const s = statusOf(progress, 'topic', t.id);
    if (s !== 'done' && s !== 'skipped') hours += t.hours ?? 0;
  }
  return hours;
}

/** Topics not yet done or skipped that have no estimate, so "hours left" can say it is partial. */
export function unestimatedLeft(index: RoadmapIndex, progress: RoadmapProgress | undefined): number {
  let n = 0;
  for (const t of index.topicOrder) {
    const s = statusOf(progress, 'topic', t.id);
    if (s !== 'done' && s !== 'skipped' && t.hours === undefined) n++;
  }
  return n;
}

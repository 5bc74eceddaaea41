import { own, statusOf, type RoadmapProgress, type Status } from '../progress/progressModel';
import type { RoadmapIndex } from '../roadmapIndex';

/**
 * What a node says besides its status: facts from other parts of the extension, each with words
 * (colour is never the only signal). "verified" comes from the exercises; other kinds (a quiz
 * passed, reviews due) are added by a badge source of their own, without changes here or in the
 * map's page: it draws any kind, with a known kind's symbol or a generic one.
 */
export interface MapBadge {
  /** "verified", "quizzed", "reviews-due", or a later kind. */
  kind: string;
  /** The words shown and read out: "verified", "2 reviews due". */
  label: string;
}

/** Badges for some node ids (only those that have any). */
export type MapBadgeSource = (index: RoadmapIndex, progress: RoadmapProgress | undefined, ids: readonly string[]) => Map<string, MapBadge[]>;

export interface MapNodeState {
  status: Status;
  badges: MapBadge[];
}

/** A topic is verified when it has exercises and every one of them has passed its tests (which is what marks an exercise done). */
export const verifiedBadges: MapBadgeSource = (index, progress, ids) => {
  const out = new Map<string, MapBadge[]>();
  for (const id of ids) {
    const exercises = index.topic(id)?.exercises ?? [];
    if (exercises.length > 0 && exercises.every((x) => own(progress?.exercises, x)?.status === 'done')) out.set(id, [{ kind: 'verified', label: 'verified' }]);
  }
  return out;
};

/** The state of each of these nodes, as pairs (ids are never object keys). */
export function mapStates(index: RoadmapIndex, progress: RoadmapProgress | undefined, ids: readonly string[], sources: readonly MapBadgeSource[] = [verifiedBadges]): Array<[string, MapNodeState]> {
  const badges = sources.map((s) => s(index, progress, ids));
  return ids.map((id) => [id, { status: statusOf(progress, 'topic', id), badges: badges.flatMap((b) => b.get(id) ?? []) }]);
}

/** The ids an exercise change can touch: its topic's. */
export function topicOfExercise(index: RoadmapIndex, exerciseId: string): string | undefined {
  return index.exercise(exerciseId)?.topic;
}

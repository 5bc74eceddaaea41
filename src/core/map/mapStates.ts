import { topicMastery } from '../progress/mastery';
import { statusOf, type Change, type RoadmapProgress, type Status } from '../progress/progressModel';
import { topicDue } from '../review/reviewStats';
import type { RoadmapIndex } from '../roadmapIndex';

/**
 * What a node says besides its status: facts from other parts of the extension, each with words
 * (colour is never the only signal): verified and quizzed (mastery), reviews due. A later kind is
 * one more badge source (MapPanel.addBadgeSource), without changes here or in the map's page: it
 * draws any kind, with a known kind's symbol or a generic one.
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

/**
 * Verified (every exercise of the topic passes its tests) and quizzed (the last answers right on
 * enough of its quiz items), as the tree's tooltip and the notes header count them (core/progress/mastery).
 */
export const masteryBadges: MapBadgeSource = (index, progress, ids) => {
  const out = new Map<string, MapBadge[]>();
  for (const id of ids) {
    const topic = index.topic(id);
    if (!topic) continue;
    const m = topicMastery(topic, progress);
    const badges: MapBadge[] = [];
    if (m.verified.met) badges.push({ kind: 'verified', label: 'verified' });
    if (m.quizzed.met) badges.push({ kind: 'quizzed', label: 'quizzed' });
    if (badges.length) out.set(id, badges);
  }
  return out;
};

/** The topic's quiz cards due for review today (core/review), as of `now()`. */
export function reviewsDueBadges(now: () => Date): MapBadgeSource {
  return (index, progress, ids) => {
    const out = new Map<string, MapBadge[]>();
    const today = now();
    for (const id of ids) {
      const n = topicDue(id, index.topic(id)?.quiz?.ids, progress, today);
      if (n > 0) out.set(id, [{ kind: 'reviews-due', label: `${n} review${n === 1 ? '' : 's'} due` }]);
    }
    return out;
  };
}

/** The state of each of these nodes, as pairs (ids are never object keys). */
export function mapStates(index: RoadmapIndex, progress: RoadmapProgress | undefined, ids: readonly string[], sources: readonly MapBadgeSource[] = [masteryBadges]): Array<[string, MapNodeState]> {
  const badges = sources.map((s) => s(index, progress, ids));
  return ids.map((id) => [id, { status: statusOf(progress, 'topic', id), badges: badges.flatMap((b) => b.get(id) ?? []) }]);
}

/**
 * The nodes a mark touches, for the small message a mark sends to the map (only their states,
 * never the whole map): a topic's or sub-topic's own node, an exercise's topic (its "verified"
 * badge). Each once, in the order of the changes; an id the roadmap does not have is left out.
 */
export function nodesTouched(index: RoadmapIndex, changes: readonly Change[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) {
    const id = c.kind === 'topic' ? c.id : index.exercise(c.id)?.topic;
    if (id !== undefined && index.topic(id)) ids.add(id);
  }
  return [...ids];
}

import { cardKey, splitCardKey } from '../quiz/quizModel';
import type { RoadmapProgress } from '../progress/progressModel';
import type { RoadmapIndex } from '../roadmapIndex';
import { daysBetween, localDayKey, localDayOf, plusDays } from '../time/localDates';
import type { StoredCard } from './reviewModel';

/**
 * What is due and how reviewing went, from the stored cards and answers, in local days. A card is
 * "to review" when it falls due by the end of today; only cards whose item is still in the
 * roadmap count (a removed item's card stays stored, and comes back if the item does).
 */

/** Midnight at the end of `now`'s local day: what is due before it is due today. */
export function endOfToday(now: Date): number {
  return plusDays(localDayOf(now), 1).getTime();
}

let lastLimit = { ms: NaN, iso: '' };

/**
 * A test of whether a due time falls before `limit` (ms since the epoch). The scheduler writes due
 * times with toISOString (24 characters, a four-digit year), and text in that one form sorts in
 * time order, so such a time is compared with the limit's own ISO string instead of being parsed
 * (a topic's header, tree row and map node ask this of each of its items); any other form is parsed.
 */
export function dueBefore(limit: number): (due: string) => boolean {
  // The limit is the end of today for every caller all day: its ISO string is written once.
  if (lastLimit.ms !== limit) lastLimit = { ms: limit, iso: new Date(limit).toISOString() };
  const iso = lastLimit.iso;
  if (iso.length !== 24) return (due) => Date.parse(due) < limit;
  // 'T' at 10, '.' at 19, 'Z' at 23: the form toISOString writes for the years 0 to 9999.
  return (due) => (due.length === 24 && due.charCodeAt(10) === 84 && due.charCodeAt(19) === 46 && due.charCodeAt(23) === 90 ? due < iso : Date.parse(due) < limit);
}

/** The cards of items in the roadmap, with their topic: [key, card, topic id]. */
export function liveCards(index: RoadmapIndex, progress: RoadmapProgress | undefined): Array<[string, StoredCard, string]> {
  const out: Array<[string, StoredCard, string]> = [];
  const cards = progress?.review?.cards;
  if (!cards) return out;
  const known = new Map<string, Set<string>>();
  for (const key of Object.keys(cards)) {
    const parts = splitCardKey(key);
    if (!parts) continue;
    let ids = known.get(parts.topicId);
    if (!ids) {
      ids = new Set(index.topic(parts.topicId)?.quiz?.ids ?? []);
      known.set(parts.topicId, ids);
    }
    if (ids.has(parts.itemId)) out.push([key, cards[key], parts.topicId]);
  }
  return out;
}

/** Due counts by topic and by layer, and in all, for the tree, the status bar and the dashboard. */
export interface DueCounts {
  total: number;
  byTopic: Map<string, number>;
  byLayer: Map<string, number>;
}

export function dueCounts(index: RoadmapIndex, progress: RoadmapProgress | undefined, now: Date): DueCounts {
  const limit = endOfToday(now);
  const counts: DueCounts = { total: 0, byTopic: new Map(), byLayer: new Map() };
  for (const [, card, topicId] of liveCards(index, progress)) {
    if (Date.parse(card.due) >= limit) continue;
    counts.total++;
    counts.byTopic.set(topicId, (counts.byTopic.get(topicId) ?? 0) + 1);
    const layer = index.layerOf(topicId)?.id;
    if (layer) counts.byLayer.set(layer, (counts.byLayer.get(layer) ?? 0) + 1);
  }
  return counts;
}

/** Answers given in review sessions today: the daily limit counts them. */
export function reviewsToday(progress: RoadmapProgress | undefined, now: Date): number {
  const [from, to] = [localDayOf(now).getTime(), endOfToday(now)];
  const log = progress?.review?.log ?? [];
  let n = 0;
  // The log is in time order (every read of the store sorts it; answers are appended at now):
  // read back from the newest, and stop at the first answer before today.
  for (let i = log.length - 1; i >= 0; i--) {
    const at = Date.parse(log[i].at);
    if (at < from) break;
    if (at < to && log[i].source === 'review') n++;
  }
  return n;
}

/**
 * The cards of a review session: due today, most overdue first, within what is left of the daily
 * limit; of one topic when `topicId` is given.
 */
export function sessionCards(index: RoadmapIndex, progress: RoadmapProgress | undefined, now: Date, dailyLimit: number, topicId?: string): string[] {
  const limit = endOfToday(now);
  const left = Math.max(0, dailyLimit - reviewsToday(progress, now));
  if (left === 0) return [];
  // Each due time parsed once (a sort would parse it at every comparison); one topic's session
  // looks only at that topic's items.
  const due: Array<[string, number]> = [];
  const take = (key: string, card: StoredCard) => {
    const t = Date.parse(card.due);
    if (t < limit) due.push([key, t]);
  };
  if (topicId) {
    const cards = progress?.review?.cards;
    for (const id of index.topic(topicId)?.quiz?.ids ?? []) {
      const key = cardKey(topicId, id);
      if (cards && Object.hasOwn(cards, key)) take(key, cards[key]);
    }
  } else for (const [key, card] of liveCards(index, progress)) take(key, card);
  return due
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, left)
    .map(([key]) => key);
}

/** Cards due on each of the next `days` local days; the first day holds today's and the overdue ones. */
export function dueForecast(index: RoadmapIndex, progress: RoadmapProgress | undefined, now: Date, days = 14): Array<{ day: string; count: number }> {
  const today = localDayOf(now);
  const out = Array.from({ length: days }, (_, i) => ({ day: localDayKey(plusDays(today, i)), count: 0 }));
  for (const [, card] of liveCards(index, progress)) {
    const due = new Date(card.due);
    if (Number.isNaN(due.getTime())) continue;
    const d = Math.max(0, daysBetween(localDayOf(due), today));
    if (d < days) out[d].count++;
  }
  return out;
}

/** Answers per local day over the last `days` days, oldest first (today last). */
export function reviewsPerDay(progress: RoadmapProgress | undefined, now: Date, days = 30): Array<{ day: string; count: number }> {
  const first = plusDays(localDayOf(now), -(days - 1));
  const out = Array.from({ length: days }, (_, i) => ({ day: localDayKey(plusDays(first, i)), count: 0 }));
  for (const e of progress?.review?.log ?? []) {
    const at = new Date(e.at);
    if (at.getTime() > now.getTime()) continue;
    const d = daysBetween(localDayOf(at), first);
    if (d >= 0 && d < days) out[d].count++;
  }
  return out;
}

/**
 * Retention: of the cards answered over the last `days` days, the share right at the first try
 * of each day (a card failed and then passed on the same day counts as failed). Undefined when
 * nothing was answered.
 */
export function retention(progress: RoadmapProgress | undefined, now: Date, days = 30): { percent: number; answered: number } | undefined {
  const since = plusDays(localDayOf(now), -(days - 1)).getTime();
  const first = new Map<string, boolean>();
  for (const e of progress?.review?.log ?? []) {
    const at = Date.parse(e.at);
    if (at < since || at > now.getTime()) continue;
    const key = `${localDayKey(new Date(at))}|${e.card}`;
    if (!first.has(key)) first.set(key, e.correct);
  }
  if (first.size === 0) return undefined;
  const right = [...first.values()].filter(Boolean).length;
  return { percent: Math.round((right / first.size) * 100), answered: first.size };
}

/** Cards of one topic due today: counted over its own items, so a tree row costs only its quiz. */
export function topicDue(topicId: string, itemIds: readonly string[] | undefined, progress: RoadmapProgress | undefined, now: Date): number {
  return topicQuizTally(topicId, itemIds, progress, now).due;
}

/**
 * One topic's cards in one pass over its items: how many were right at their last answer (its
 * "quizzed" fact counts them) and how many fall due today. The notes header shows both.
 */
export function topicQuizTally(topicId: string, itemIds: readonly string[] | undefined, progress: RoadmapProgress | undefined, now: Date): { right: number; due: number } {
  const cards = progress?.review?.cards;
  const tally = { right: 0, due: 0 };
  if (!cards || !itemIds?.length) return tally;
  const isDue = dueBefore(endOfToday(now));
  for (const id of itemIds) {
    const key = `${topicId}/${id}`;
    if (!Object.hasOwn(cards, key)) continue;
    const card = cards[key];
    if (card.lastCorrect === true) tally.right++;
    if (isDue(card.due)) tally.due++;
  }
  return tally;
}

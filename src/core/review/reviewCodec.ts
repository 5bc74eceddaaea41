import { isValidId } from '../ids';
import { SELF_GRADES } from '../quiz/grading';
import { splitCardKey } from '../quiz/quizModel';
import { dict, own, type RoadmapProgress } from '../progress/progressModel';
import { CARD_STATES, MAX_CARDS, MAX_REVIEW_LOG, type ReviewEvent, type ReviewState, type StoredCard } from './reviewModel';
import { unionBy } from '../util/unionBy';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const EARLIEST = Date.UTC(2000, 0, 1);
/** FSRS schedules at most 100 years out (its maximum interval). */
const LATEST_DUE_MS = 101 * 365 * 24 * 3600 * 1000;
const SLACK_MS = 24 * 3600 * 1000;

/**
 * The review cards and answers inside a stored or imported progress entry, read leniently like
 * the rest: each card or answer that is not well formed is dropped with a sentence, the others
 * are kept. Files from before reviews existed have none, which is fine.
 */
export function decodeReviewField(raw: unknown, roadmapId: string, now: number, into: RoadmapProgress, reject: (message: string) => void): void {
  if (raw === undefined) return;
  const where = `Roadmap "${roadmapId.slice(0, 60)}"`;
  if (!isObject(raw)) return reject(`${where}: "review" is not an object.`);
  const review: ReviewState = { cards: dict(), log: [] };
  if (raw.cards !== undefined) {
    if (!isObject(raw.cards)) reject(`${where}: the review cards are not an object.`);
    else {
      let n = 0;
      for (const [key, card] of Object.entries(raw.cards)) {
        const why = !isCardKey(key) ? 'is not "<topic-id>/<item-id>"' : n >= MAX_CARDS ? `is beyond the ${MAX_CARDS.toLocaleString('en-US')} cards a roadmap may have` : cardProblem(card, now);
        if (why) reject(`${where}: review card ${show(key)} ${why}.`);
        else {
          review.cards[key] = cleanCard(card as StoredCard);
          n++;
        }
      }
    }
  }
  if (raw.log !== undefined) {
    if (!Array.isArray(raw.log)) reject(`${where}: the review log is not a list.`);
    else {
      raw.log.forEach((e: unknown, i: number) => {
        const why = eventProblem(e, now);
        if (why) reject(`${where}: review answer #${i + 1} ${why}.`);
        else {
          const x = e as ReviewEvent;
          review.log.push({ at: x.at, card: x.card, grade: x.grade, correct: x.correct, source: x.source });
        }
      });
      review.log = byTime(review.log);
    }
  }
  if (Object.keys(review.cards).length || review.log.length) into.review = review;
}

/** Merge: per card the one answered last wins; the answers are united without duplicates, in time order. */
export function mergeReview(a: ReviewState | undefined, b: ReviewState | undefined): ReviewState | undefined {
  if (!a || !b) return a ?? b;
  const cards = dict(a.cards);
  for (const [key, card] of Object.entries(b.cards)) {
    const cur = own(cards, key);
    if (!cur || reviewedAt(cur) < reviewedAt(card) || (reviewedAt(cur) === reviewedAt(card) && cur.reps < card.reps)) cards[key] = card;
  }
  const log = unionBy(a.log, b.log, (e) => `${Date.parse(e.at)}|${e.card}|${e.grade}|${e.source}`);
  return { cards, log: byTime(log) };
}

/** How many cards and answers a decoded state holds (an import that holds only reviews is not empty). */
export function reviewItemCount(p: RoadmapProgress): number {
  return p.review ? Object.keys(p.review.cards).length + p.review.log.length : 0;
}

function reviewedAt(c: StoredCard): number {
  return c.lastReview ? Date.parse(c.lastReview) : 0;
}

function isCardKey(key: string): boolean {
  const parts = splitCardKey(key);
  return !!parts && isValidId(parts.topicId) && isValidId(parts.itemId);
}

function isTime(v: unknown, latest: number): v is string {
  if (typeof v !== 'string' || !ISO_UTC.test(v)) return false;
  const t = Date.parse(v);
  return t >= EARLIEST && t <= latest && new Date(t).toISOString().slice(0, 19) === v.slice(0, 19);
}

function cardProblem(c: unknown, now: number): string | undefined {
  if (!isObject(c)) return 'is not an object';
  if (!isTime(c.due, now + LATEST_DUE_MS)) return `has due time ${show(c.due)}, not an ISO 8601 UTC time`;
  for (const f of ['stability', 'difficulty', 'scheduledDays'] as const) if (typeof c[f] !== 'number' || !Number.isFinite(c[f]) || (c[f] as number) < 0) return `has no valid ${f}`;
  for (const f of ['learningSteps', 'reps', 'lapses'] as const) if (!Number.isSafeInteger(c[f]) || (c[f] as number) < 0) return `has no valid ${f}`;
  if (!(CARD_STATES as readonly unknown[]).includes(c.state)) return `has state ${show(c.state)}, not 0 to 3`;
  if (c.lastReview !== undefined && !isTime(c.lastReview, now + SLACK_MS)) return `has last review time ${show(c.lastReview)}, not an ISO 8601 UTC time between 2000 and now`;
  if (c.lastCorrect !== undefined && typeof c.lastCorrect !== 'boolean') return 'has a lastCorrect that is not true or false';
  return undefined;
}

function cleanCard(c: StoredCard): StoredCard {
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, lastCorrect } = c;
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, ...(lastReview ? { lastReview } : {}), ...(lastCorrect !== undefined ? { lastCorrect } : {}) };
}

function eventProblem(e: unknown, now: number): string | undefined {
  if (!isObject(e)) return 'is not an object';
  if (!isTime(e.at, now + SLACK_MS)) return `has time ${show(e.at)}, not an ISO 8601 UTC time between 2000 and now`;
  if (typeof e.card !== 'string' || !isCardKey(e.card)) return `has card ${show(e.card)}, not "<topic-id>/<item-id>"`;
  if (!(SELF_GRADES as readonly unknown[]).includes(e.grade)) return `has grade ${show(e.grade)}, not again, hard, good or easy`;
  if (typeof e.correct !== 'boolean') return 'has no "correct" true or false';
  if (e.source !== 'quiz' && e.source !== 'review') return `has source ${show(e.source)}, not "quiz" or "review"`;
  return undefined;
}

function byTime(log: ReviewEvent[]): ReviewEvent[] {
  const sorted = log
    .map((e, i) => ({ e, t: Date.parse(e.at), i }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.e);
  return sorted.length > MAX_REVIEW_LOG ? sorted.slice(sorted.length - MAX_REVIEW_LOG) : sorted;
}

function show(v: unknown): string {
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'a list' : 'an object';
  const s = String(v);
  // eslint-disable-next-line no-control-regex
  return `"${s.slice(0, 60).replace(/[\u0000-\u001f\u007f]/g, '?')}${s.length > 60 ? '…' : ''}"`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

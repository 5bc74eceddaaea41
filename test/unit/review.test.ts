import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Roadmap } from '../../src/core/model';
import { decodeProgress, encodeProgressFile, mergeStates, replaceRoadmaps } from '../../src/core/progress/progressCodec';
import { layerMastery, masteryLines, topicMastery } from '../../src/core/progress/mastery';
import { applyChanges, emptyState, setReview, type ProgressState, type RoadmapProgress } from '../../src/core/progress/progressModel';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import type { ReviewState } from '../../src/core/review/reviewModel';
import { dueBefore, dueCounts, dueForecast, endOfToday, retention, reviewsPerDay, reviewsToday, sessionCards, topicDue, topicQuizTally } from '../../src/core/review/reviewStats';
import { recordAnswer, recordAnswerInto, scheduleCard } from '../../src/core/review/scheduler';
import { MAX_REVIEW_LOG } from '../../src/core/review/reviewModel';
import { dict } from '../../src/core/progress/progressModel';
import { dashboardData } from '../../src/core/views/dashboardView';
import { notesViewFor } from '../../src/core/views/notesView';

const topic = (id: string, quiz: string[], exercises: string[] = []) => ({ id, title: id, prerequisites: [], tags: [], resources: [], exercises, quiz: { ids: quiz } });
const roadmap: Roadmap = {
  id: 'r', title: 'R', version: '1.0.0', practicalRoad: [],
  exercises: [{ id: 'ex', title: 'Ex', topic: 'a', difficulty: 'beginner' }],
  layers: [
    { id: 'l1', number: 1, title: 'L1', goal: 'g', topics: [topic('a', ['q1', 'q2', 'q3', 'q4', 'q5'], ['ex']), topic('constructor', ['to-string'])] },
    { id: 'l2', number: 2, title: 'L2', goal: 'g', topics: [topic('b', ['q1'])] },
  ],
};
const index = new RoadmapIndex(roadmap);
const DAY = 24 * 3600 * 1000;
const t0 = new Date(2026, 2, 2, 9, 0, 0); // local time: the figures are per local day

function answer(review: ReviewState | undefined, key: string, grades: Array<'again' | 'hard' | 'good' | 'easy'>, at: Date, source: 'quiz' | 'review' = 'quiz'): ReviewState | undefined {
  let r = review;
  for (const g of grades) r = recordAnswer(r, key, g, g !== 'again', source, at);
  return r;
}
const progress = (review: ReviewState | undefined): RoadmapProgress => ({ topics: {}, exercises: {}, history: [], ...(review ? { review } : {}) });

describe('Spaced review through ts-fsrs', () => {
  it('due dates move out after each success and come back after a lapse (fixed clock)', () => {
    let card = scheduleCard(undefined, 'good', true, t0);
    assert.equal(card.reps, 1);
    let now = new Date(card.due);
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      card = scheduleCard(card, 'good', true, now);
      intervals.push(Date.parse(card.due) - now.getTime());
      now = new Date(card.due);
    }
    for (let i = 1; i < intervals.length; i++) assert.ok(intervals[i] > intervals[i - 1], `interval ${i} (${intervals[i] / DAY} d) is longer than the one before (${intervals[i - 1] / DAY} d)`);
    assert.ok(intervals[3] > 7 * DAY, 'after five successes the card is weeks away');
    const lapsed = scheduleCard(card, 'again', false, now);
    assert.equal(lapsed.lapses, 1);
    assert.equal(lapsed.lastCorrect, false);
    assert.ok(Date.parse(lapsed.due) - now.getTime() < DAY, 'a lapse brings it back within the day');
    assert.ok(lapsed.stability < card.stability, 'and lowers its stability');
    const again = scheduleCard(lapsed, 'good', true, new Date(lapsed.due));
    assert.ok(Date.parse(again.due) > Date.parse(lapsed.due));
  });

  it('the same answers on the same clock give the same card (no fuzz)', () => {
    assert.deepEqual(scheduleCard(scheduleCard(undefined, 'good', true, t0), 'easy', true, new Date(t0.getTime() + 3 * DAY)), scheduleCard(scheduleCard(undefined, 'good', true, t0), 'easy', true, new Date(t0.getTime() + 3 * DAY)));
  });

  it('recordAnswer leaves its input alone; recordAnswerInto writes into the state it owns, and both keep the newest answers', () => {
    const before = answer(undefined, 'a/q1', ['good'], t0) as ReviewState;
    const snapshot = JSON.stringify(before);
    const copied = recordAnswer(before, 'a/q2', 'again', false, 'quiz', t0);
    assert.equal(JSON.stringify(before), snapshot, 'recordAnswer never mutates');
    const owned: ReviewState = { cards: dict(before.cards), log: [...before.log] };
    const into = recordAnswerInto(owned, 'a/q2', 'again', false, 'quiz', t0);
    assert.equal(into, owned);
    assert.deepEqual(JSON.parse(JSON.stringify(into)), JSON.parse(JSON.stringify(copied)), 'the same state either way');
    // At the log's cap the oldest answer goes, in both.
    const full: ReviewState = { cards: dict(), log: Array.from({ length: MAX_REVIEW_LOG }, (_, i) => ({ at: new Date(t0.getTime() + i * 1000).toISOString(), card: 'a/q1', grade: 'good' as const, correct: true, source: 'quiz' as const })) };
    const later = new Date(t0.getTime() + MAX_REVIEW_LOG * 1000);
    const a = recordAnswer(full, 'a/q3', 'good', true, 'quiz', later);
    const b = recordAnswerInto(full, 'a/q3', 'good', true, 'quiz', later);
    for (const r of [a, b]) {
      assert.equal(r.log.length, MAX_REVIEW_LOG);
      assert.equal(r.log[0].at, new Date(t0.getTime() + 1000).toISOString());
      assert.equal(r.log.at(-1)?.card, 'a/q3');
    }
  });

  it('counts cards due today by topic and layer, leaves out removed items, and forecasts 14 days', () => {
    let r = answer(undefined, 'a/q1', ['again'], t0); // due within minutes
    r = answer(r, 'a/q2', ['good'], t0);
    r = answer(r, 'b/q1', ['again'], t0);
    r = answer(r, 'a/removed', ['again'], t0);
    r = answer(r, 'constructor/to-string', ['again'], t0);
    const p = progress(r);
    const counts = dueCounts(index, p, t0);
    assert.equal(counts.total, 3 + (Date.parse(p.review!.cards['a/q2'].due) < new Date(2026, 2, 3).getTime() ? 1 : 0));
    assert.equal(counts.byTopic.get('b'), 1);
    assert.equal(counts.byTopic.get('constructor'), 1, 'a topic id that is an object key counts like any other');
    assert.equal(counts.byLayer.get('l2'), 1);
    assert.ok(!counts.byTopic.has('removed'));
    const forecast = dueForecast(index, p, t0);
    assert.equal(forecast.length, 14);
    assert.equal(forecast.reduce((n, d) => n + d.count, 0), 4, 'every live card falls within 14 days');
    assert.equal(forecast[0].count, counts.total);
  });

  it('a due time compared as text agrees with the parsed time, in each form an ISO time may take', () => {
    // Years 0 to 9999 (toISOString's four-digit form) and beyond it, which are parsed instead.
    const ms = fc.integer({ min: -62_167_219_200_000, max: 300_000_000_000_000 });
    const forms = (t: number): string[] => {
      const iso = new Date(t).toISOString();
      return iso.length === 24 ? [iso, iso.replace(/\.\d{3}Z$/, 'Z'), iso.replace(/(\.\d)\d{2}Z$/, '$1Z'), iso.replace(/(\.\d{2})\dZ$/, '$1Z')] : [iso];
    };
    fc.assert(
      fc.property(ms, ms, fc.integer({ min: -2000, max: 2000 }), (limit, far, near) => {
        const isDue = dueBefore(limit);
        // Times far from the limit, and just around it (the same second, a millisecond either side).
        for (const t of [far, limit + near, limit]) for (const due of forms(t)) assert.equal(isDue(due), Date.parse(due) < limit, `${due} before ${new Date(limit).toISOString()}`);
      }),
    );
  });

  it('a topic’s tally counts its items right at the last answer and its cards due today, in one pass', () => {
    let r = answer(undefined, 'a/q1', ['again'], t0); // wrong, due within minutes
    r = answer(r, 'a/q2', ['good'], t0); // right, due in days
    r = answer(r, 'a/q3', ['good'], new Date(t0.getTime() - 30 * DAY)); // right, overdue
    r = answer(r, 'a/removed', ['again'], t0);
    r = answer(r, 'constructor/to-string', ['again'], t0);
    const p = progress(r);
    const a = roadmap.layers[0].topics[0];
    const tally = topicQuizTally('a', a.quiz!.ids, p, t0);
    assert.deepEqual(tally, { right: 2, due: 2 + (Date.parse(p.review!.cards['a/q2'].due) < endOfToday(t0) ? 1 : 0) });
    assert.equal(tally.due, topicDue('a', a.quiz!.ids, p, t0));
    assert.deepEqual(topicMastery(a, p, tally.right), topicMastery(a, p), 'the mastery from the tally is the mastery counted alone');
    assert.deepEqual(topicQuizTally('constructor', ['to-string'], p, t0), { right: 0, due: 1 }, 'a topic id that is an object key counts like any other');
    assert.deepEqual(topicQuizTally('__proto__', ['x', 'constructor'], p, t0), { right: 0, due: 0 });
    assert.deepEqual(topicQuizTally('a', a.quiz!.ids, progress(undefined), t0), { right: 0, due: 0 });
  });

  it('a session takes the due cards, most overdue first, within the daily limit; a topic alone on request', () => {
    let r = answer(undefined, 'a/q1', ['again'], new Date(t0.getTime() - 3 * DAY));
    r = answer(r, 'a/q2', ['again'], new Date(t0.getTime() - 2 * DAY));
    r = answer(r, 'b/q1', ['again'], new Date(t0.getTime() - DAY));
    assert.deepEqual(sessionCards(index, progress(r), t0, 50), ['a/q1', 'a/q2', 'b/q1']);
    assert.deepEqual(sessionCards(index, progress(r), t0, 2), ['a/q1', 'a/q2']);
    assert.deepEqual(sessionCards(index, progress(r), t0, 50, 'b'), ['b/q1']);
    // Two reviews done today leave one of a limit of three.
    r = answer(r, 'a/q3', ['good'], t0, 'review');
    r = answer(r, 'a/q4', ['good'], t0, 'review');
    assert.equal(reviewsToday(progress(r), t0), 2);
    assert.deepEqual(sessionCards(index, progress(r), t0, 3), ['a/q1']);
  });

  it('a topic’s session takes only its live items; reviews of earlier days and quiz answers leave the daily limit alone', () => {
    let r = answer(undefined, 'a/q1', ['again'], new Date(t0.getTime() - DAY), 'review'); // yesterday
    r = answer(r, 'a/removed', ['again'], new Date(t0.getTime() - DAY));
    r = answer(r, 'constructor/to-string', ['again'], new Date(t0.getTime() - DAY));
    r = answer(r, 'b/q1', ['again'], t0); // a quiz answer today
    assert.equal(reviewsToday(progress(r), t0), 0);
    assert.deepEqual(sessionCards(index, progress(r), t0, 50, 'a'), ['a/q1'], 'the removed item is left out');
    assert.deepEqual(sessionCards(index, progress(r), t0, 50, 'constructor'), ['constructor/to-string']);
    assert.deepEqual(sessionCards(index, progress(r), t0, 50, '__proto__'), []);
    assert.deepEqual(sessionCards(index, progress(r), t0, 50), ['a/q1', 'constructor/to-string', 'b/q1']);
  });

  it('reviews per day, and retention as the share right at the first try of each card each day', () => {
    let r = answer(undefined, 'a/q1', ['again', 'good'], new Date(t0.getTime() - DAY)); // failed first: a miss
    r = answer(r, 'a/q2', ['good'], t0);
    r = answer(r, 'a/q3', ['good'], t0);
    r = answer(r, 'a/q4', ['good'], new Date(t0.getTime() - 40 * DAY)); // beyond 30 days
    const p = progress(r);
    const days = reviewsPerDay(p, t0);
    assert.equal(days.length, 30);
    assert.equal(days[29].count, 2);
    assert.equal(days[28].count, 2);
    assert.deepEqual(retention(p, t0), { percent: 67, answered: 3 });
    assert.equal(retention(progress(undefined), t0), undefined);
  });

  it('review data survives export and import, merges by the last answer, and a bad card is refused alone', () => {
    const r = answer(answer(undefined, 'a/q1', ['good'], t0), 'constructor/to-string', ['again'], t0);
    let state: ProgressState = setReview(emptyState(), 'r', r!);
    state = applyChanges(state, 'r', [{ kind: 'topic', id: 'a', status: 'done' }], t0).state;
    const file = JSON.parse(encodeProgressFile(state, t0));
    const back = decodeProgress(file, t0.getTime() + DAY);
    assert.deepEqual(back.rejected, []);
    assert.deepEqual(back.state.roadmaps.r.review, state.roadmaps.r.review);
    assert.equal(Object.getPrototypeOf(back.state.roadmaps.r.review!.cards), null, 'cards are a table without a prototype');

    file.roadmaps.r.review.cards['a/q9'] = { ...file.roadmaps.r.review.cards['a/q1'], state: 7 };
    file.roadmaps.r.review.cards['__proto__/x'] = file.roadmaps.r.review.cards['a/q1'];
    file.roadmaps.r.review.log.push({ at: 'yesterday', card: 'a/q1', grade: 'good', correct: true, source: 'quiz' });
    const partly = decodeProgress(file, t0.getTime() + DAY);
    assert.equal(partly.rejected.length, 3, partly.rejected.join('\n'));
    assert.ok(Object.hasOwn(partly.state.roadmaps.r.review!.cards, 'a/q1'));

    // Merge: the card answered later wins; answers are united once.
    const later = answer(r, 'a/q1', ['again'], new Date(t0.getTime() + DAY))!;
    const merged = mergeStates(state, setReview(emptyState(), 'r', later));
    assert.equal(merged.roadmaps.r.review!.cards['a/q1'].lastCorrect, false, 'the later answer');
    assert.equal(merged.roadmaps.r.review!.log.length, 3);
    assert.equal(merged.roadmaps.r.topics.a.status, 'done');
    // Replace with a file that has no reviews keeps the learner's cards.
    const replaced = replaceRoadmaps(state, applyChanges(emptyState(), 'r', [{ kind: 'topic', id: 'b', status: 'done' }], t0).state);
    assert.deepEqual(replaced.roadmaps.r.review, state.roadmaps.r.review);
  });
});

describe('The dashboard’s reviews and mastery', () => {
  it('shows due today, answers per day over 30 days, retention, the 14-day forecast and mastery per layer', () => {
    let r = answer(undefined, 'a/q1', ['again'], t0);
    r = answer(r, 'a/q2', ['good'], new Date(t0.getTime() - DAY));
    r = answer(r, 'a/q3', ['good'], t0);
    r = answer(r, 'a/q4', ['good'], t0);
    r = answer(r, 'a/q5', ['good'], t0);
    const p = { ...progress(r), topics: { a: { status: 'done' as const, updated: t0.toISOString() } } };
    const d = dashboardData(index, p, t0);
    assert.equal(d.review?.dueToday, dueCounts(index, p, t0).total);
    assert.ok(d.review!.dueToday >= 1, 'the miss is due today');
    assert.equal(d.review?.perDay.length, 30);
    assert.deepEqual(d.review?.perDay.slice(-2).map((x) => x.count), [1, 4]);
    assert.deepEqual(d.review?.retention, { percent: 80, answered: 5 });
    assert.equal(d.review?.forecast.length, 14);
    assert.equal(d.review?.forecast.reduce((n, x) => n + x.count, 0), 5);
    const l1 = d.mastery.find((m) => m.id === 'l1');
    assert.deepEqual(l1 && { read: l1.read, quizzed: l1.quizzed, quizzable: l1.quizzable, verified: l1.verified }, { read: 1, quizzed: 1, quizzable: 2, verified: 0 }, 'done is read, 4 of 5 right is quizzed, and nothing is verified');
    // Without any answer, no retention is claimed.
    assert.equal(dashboardData(index, progress(undefined), t0).review?.retention, undefined);
  });

  it('the notes header gets the three facts in words and the quiz with its due count', async () => {
    let r = answer(undefined, 'a/q1', ['again'], t0);
    for (const q of ['q2', 'q3', 'q4', 'q5']) r = answer(r, `a/${q}`, ['good'], t0);
    const p = { ...progress(r), topics: { a: { status: 'done' as const, updated: t0.toISOString() } } };
    const view = await notesViewFor(index, p, 'a', { renderNotes: async () => '', hasMyNotes: async () => false, now: t0 });
    assert.equal(view?.kind, 'topic');
    if (view?.kind !== 'topic') return;
    assert.deepEqual(view.quiz, { items: 5, due: 1 });
    assert.deepEqual(view.mastery.map((l) => [l.fact, l.met, l.text]), [
      ['read', true, 'Read: yes (marked done)'],
      ['quizzed', true, 'Quizzed: yes (4 of 5 right at the last answer; 80% needed)'],
      ['verified', false, 'Verified: not yet (exercises passing their tests: 0 of 1)'],
    ]);
    const bare = await notesViewFor(index, progress(undefined), 'b', { renderNotes: async () => '', hasMyNotes: async () => false, now: t0 });
    assert.deepEqual(bare?.kind === 'topic' && bare.quiz, { items: 1, due: 0 });
  });
});

describe('Mastery: read, quizzed and verified kept apart', () => {
  const a = roadmap.layers[0].topics[0];
  it('done is read only, never verified', () => {
    const p = applyChanges(emptyState(), 'r', [{ kind: 'topic', id: 'a', status: 'done' }], t0).state.roadmaps.r;
    const m = topicMastery(a, p);
    assert.equal(m.read, true);
    assert.equal(m.verified.met, false);
    assert.equal(m.quizzed.met, false);
    assert.deepEqual(masteryLines(m).map((l) => l.text), ['Read: yes (marked done)', 'Quizzed: not yet (0 of 5 right at the last answer; 80% needed)', 'Verified: not yet (exercises passing their tests: 0 of 1)']);
  });

  it('quizzed needs the last answers right on at least 80% of the items', () => {
    let r = answer(undefined, 'a/q1', ['good'], t0);
    r = answer(r, 'a/q2', ['good'], t0);
    r = answer(r, 'a/q3', ['good'], t0);
    assert.equal(topicMastery(a, progress(r)).quizzed.met, false, '3 of 5');
    r = answer(r, 'a/q4', ['hard'], t0);
    assert.equal(topicMastery(a, progress(r)).quizzed.met, true, '4 of 5');
    r = answer(r, 'a/q4', ['again'], new Date(t0.getTime() + DAY));
    assert.equal(topicMastery(a, progress(r)).quizzed.met, false, 'the last answer counts');
  });

  it('verified follows passing exercises; a topic without a quiz or exercises says so', () => {
    const p = applyChanges(emptyState(), 'r', [{ kind: 'exercise', id: 'ex', status: 'done' }], t0).state.roadmaps.r;
    assert.equal(topicMastery(a, p).verified.met, true);
    assert.equal(topicMastery(a, p).read, false, 'verified does not claim read');
    const bare = { id: 'x', title: 'x', prerequisites: [], tags: [], resources: [], exercises: [] };
    assert.deepEqual(masteryLines(topicMastery(bare, p)).map((l) => l.text), ['Read: not yet', 'Quizzed: no quiz', 'Verified: no exercises']);
    assert.deepEqual(layerMastery(roadmap.layers[0], p), { topics: 2, read: 0, quizzed: 0, quizzable: 2, verified: 1, verifiable: 1 });
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Roadmap } from '../../src/core/model';
import { decodeProgress, encodeProgressFile, mergeStates } from '../../src/core/progress/progressCodec';
import { applyChanges, emptyState, MAX_HISTORY, resetRoadmap, setPlan, setReview, statusOf, type ProgressState } from '../../src/core/progress/progressModel';
import { hoursLeft, layerTally, nextTopics, overallTally } from '../../src/core/progress/progressStats';
import { RoadmapIndex } from '../../src/core/roadmapIndex';

const topic = (id: string, prerequisites: string[] = [], hours = 2) => ({ id, title: id, prerequisites, hours, tags: [], resources: [], exercises: [] });
const roadmap: Roadmap = {
  id: 'r',
  title: 'R',
  version: '1.0.0',
  layers: [
    { id: 'l1', number: 1, title: 'L1', goal: 'g', topics: [topic('a'), topic('b', ['a']), topic('c', ['a', 'b'])] },
    { id: 'l2', number: 2, title: 'L2', goal: 'g', topics: [topic('d', ['c']), topic('e')] },
  ],
  practicalRoad: [],
  exercises: [],
};
const index = new RoadmapIndex(roadmap);
const t0 = new Date('2026-01-01T10:00:00Z');
const later = (min: number) => new Date(t0.getTime() + min * 60_000);
const mark = (state: ProgressState, id: string, status: 'done' | 'in-progress' | 'skipped' | 'not-started', at = t0) =>
  applyChanges(state, 'r', [{ kind: 'topic', id, status }], at).state;

describe('progress model', () => {
  it('records status changes with a history, and ignores changes that change nothing', () => {
    let s = mark(emptyState(), 'a', 'in-progress');
    s = mark(s, 'a', 'done', later(5));
    const same = applyChanges(s, 'r', [{ kind: 'topic', id: 'a', status: 'done' }], later(6));
    assert.equal(same.state, s, 'no new state object');
    assert.deepEqual(same.applied, []);
    assert.equal(statusOf(s.roadmaps.r, 'topic', 'a'), 'done');
    assert.deepEqual(
      s.roadmaps.r.history.map((e) => [e.from, e.to]),
      [
        ['not-started', 'in-progress'],
        ['in-progress', 'done'],
      ],
    );
    assert.equal(s.roadmaps.r.topics.a.updated, later(5).toISOString());
  });

  it('does not mutate the state it is given', () => {
    const s = mark(emptyState(), 'a', 'done');
    const copy = JSON.stringify(s);
    mark(s, 'b', 'done');
    assert.equal(JSON.stringify(s), copy);
  });

  it('reset clears statuses but keeps the history', () => {
    const s = resetRoadmap(mark(mark(emptyState(), 'a', 'done'), 'b', 'skipped'), 'r', later(1));
    assert.deepEqual(Object.keys(s.roadmaps.r.topics), []);
    assert.equal(s.roadmaps.r.history.length, 4);
  });

  it('reset also deletes the review cards and quiz answers, keeps the plan, and touches no other roadmap', () => {
    const review = { cards: { 'a/q1': { due: t0.toISOString(), stability: 1, difficulty: 5, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, state: 1 as const } }, log: [{ at: t0.toISOString(), card: 'a/q1', grade: 'again' as const, correct: false, source: 'quiz' as const }] };
    const plan = { start: '2026-01-05', hoursPerWeek: 5, weekdays: [1], pauses: [], updated: t0.toISOString() };
    let s = setReview(mark(emptyState(), 'a', 'done'), 'r', review);
    s = setPlan(setReview(s, 'other', review), 'r', plan);
    const copy = JSON.stringify(s);
    const after = resetRoadmap(s, 'r', later(1));
    assert.equal(after.roadmaps.r.review, undefined);
    assert.deepEqual(after.roadmaps.r.plan, plan);
    assert.deepEqual(after.roadmaps.other.review, review, 'another roadmap keeps its cards');
    assert.equal(JSON.stringify(s), copy, 'the state given is not mutated');
    // A roadmap with cards and no status: the reset still clears the cards.
    const onlyCards = resetRoadmap(setReview(emptyState(), 'r', review), 'r', later(1));
    assert.equal(onlyCards.roadmaps.r.review, undefined);
    assert.deepEqual(onlyCards.roadmaps.r.history, []);
  });

  it('caps the history', () => {
    let s = emptyState();
    const changes = Array.from({ length: MAX_HISTORY + 10 }, (_, i) => ({ kind: 'topic' as const, id: `t${i}`, status: 'done' as const }));
    s = applyChanges(s, 'r', changes, t0).state;
    assert.equal(s.roadmaps.r.history.length, MAX_HISTORY);
    assert.equal(s.roadmaps.r.history[0].id, 't10');
  });
});

describe('progress statistics', () => {
  it('counts done over total per layer and overall; skipped topics leave the total', () => {
    let s = mark(emptyState(), 'a', 'done');
    s = mark(s, 'b', 'skipped');
    s = mark(s, 'd', 'in-progress');
    assert.deepEqual(layerTally(roadmap.layers[0], s.roadmaps.r), { done: 1, total: 2, skipped: 1, inProgress: 0, percent: 50 });
    assert.deepEqual(overallTally(index, s.roadmaps.r), { done: 1, total: 4, skipped: 1, inProgress: 1, percent: 25 });
    assert.equal(overallTally(index, undefined).percent, 0);
  });

  it('next topics are those whose prerequisites are done, in roadmap order', () => {
    assert.deepEqual(nextTopics(index, undefined), ['a', 'e']);
    let s = mark(emptyState(), 'a', 'done');
    assert.deepEqual(nextTopics(index, s.roadmaps.r), ['b', 'e']);
    s = mark(s, 'b', 'skipped');
    assert.deepEqual(nextTopics(index, s.roadmaps.r), ['c', 'e']);
    assert.deepEqual(nextTopics(index, s.roadmaps.r, 1), ['c']);
  });

  it('hours left sums the estimates of unfinished topics', () => {
    assert.equal(hoursLeft(index, mark(emptyState(), 'a', 'done').roadmaps.r), 8);
  });
});

describe('progress files', () => {
  it('round-trips through export and import', () => {
    const s = mark(mark(emptyState(), 'a', 'done'), 'b', 'in-progress', later(2));
    const decoded = decodeProgress(JSON.parse(encodeProgressFile(s, later(3))));
    assert.deepEqual(decoded.rejected, []);
    assert.deepEqual(decoded.state, s);
  });

  it('keeps what is readable from a corrupt store and says what it dropped', () => {
    const raw = {
      version: 1,
      roadmaps: {
        r: {
          topics: { a: { status: 'done', updated: t0.toISOString() }, b: { status: 'finished', updated: 'x' }, c: 'done' },
          exercises: [],
          history: [{ at: t0.toISOString(), kind: 'topic', id: 'a', from: 'not-started', to: 'done' }, { bogus: true }],
        },
        broken: 7,
      },
    };
    const { state, rejected } = decodeProgress(raw);
    assert.deepEqual(Object.keys(state.roadmaps.r.topics), ['a']);
    assert.equal(state.roadmaps.r.history.length, 1);
    assert.equal(rejected.length, 5, rejected.join('\n'));
    assert.ok(rejected.some((r) => r.includes('"b"')));
    for (const bad of [null, 3, 'text', [], { roadmaps: [] }]) {
      const d = decodeProgress(bad);
      assert.deepEqual(Object.keys(d.state.roadmaps), []);
      assert.ok(d.rejected.length > 0);
    }
  });

  it('merges by taking the newer change per item and uniting histories', () => {
    const mine = mark(mark(emptyState(), 'a', 'done', later(10)), 'b', 'in-progress', later(1));
    const theirs = mark(mark(emptyState(), 'a', 'in-progress', later(5)), 'b', 'done', later(20));
    const merged = mergeStates(mine, theirs);
    assert.equal(statusOf(merged.roadmaps.r, 'topic', 'a'), 'done');
    assert.equal(statusOf(merged.roadmaps.r, 'topic', 'b'), 'done');
    assert.equal(merged.roadmaps.r.history.length, 4);
    const times = merged.roadmaps.r.history.map((e) => e.at);
    assert.deepEqual(times, [...times].sort());
    assert.deepEqual(mergeStates(merged, merged), merged, 'merging is idempotent');
  });
});

describe('dashboard statistics', () => {
  const at = (iso: string) => new Date(iso);
  it('counts check-offs per week and the current streak', async () => {
    const { weeklyCheckOffs, streak, dashboardData } = await import('../../src/core/views/dashboardView');
    let s = emptyState();
    for (const [id, day] of [['a', '2026-03-02T09:00:00Z'], ['b', '2026-03-09T09:00:00Z'], ['c', '2026-03-10T09:00:00Z'], ['d', '2026-03-11T23:00:00Z']] as const) {
      s = applyChanges(s, 'r', [{ kind: 'topic', id, status: 'done' }], at(day)).state;
    }
    s = applyChanges(s, 'r', [{ kind: 'topic', id: 'e', status: 'in-progress' }], at('2026-03-12T10:00:00Z')).state;
    const now = at('2026-03-12T12:00:00Z'); // a Thursday
    const weeks = weeklyCheckOffs(s.roadmaps.r, now, 3);
    assert.deepEqual(weeks, [
      { start: '2026-02-23', count: 0 },
      { start: '2026-03-02', count: 1 },
      { start: '2026-03-09', count: 3 },
    ]);
    assert.equal(streak(s.roadmaps.r, now), 3, 'Mon-Wed, today not yet');
    assert.equal(streak(s.roadmaps.r, at('2026-03-14T12:00:00Z')), 0, 'broken by Friday');
    const data = dashboardData(index, s.roadmaps.r, now);
    assert.equal(data.overall.done, 4);
    assert.equal(data.weeks.length, 12);
    assert.deepEqual(data.next.map((n) => n.id), ['e']);
    assert.equal(data.hoursLeft, 2);
  });
});

describe('progress for topics a roadmap no longer has', () => {
  it('is kept through changes, merges and export, and counts nowhere', () => {
    let s = mark(emptyState(), 'removed-topic', 'done');
    s = mark(s, 'a', 'done', later(1));
    assert.equal(statusOf(s.roadmaps.r, 'topic', 'removed-topic'), 'done');
    assert.equal(overallTally(index, s.roadmaps.r).done, 1, 'only topics of the roadmap count');
    const round = decodeProgress(JSON.parse(encodeProgressFile(mergeStates(s, emptyState()), later(2)))).state;
    assert.equal(statusOf(round.roadmaps.r, 'topic', 'removed-topic'), 'done', 'still there after merge and export');
  });
});

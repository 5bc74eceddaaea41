import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyChanges, emptyState, type ProgressState } from '../../src/core/progress/progressModel';
import { addedEvents, CONFIRM_WITHIN_MS, reassert, remember } from '../../src/core/progress/unconfirmedChanges';

const R = 'ai-roadmap';
const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s));
const tick = (state: ProgressState, id: string, s: number, status: 'done' | 'not-started' = 'done') => {
  const r = applyChanges(state, R, [{ kind: 'topic', id, status }], at(s));
  return { state: r.state, added: addedEvents(r.state, R, at(s).toISOString()) };
};
const status = (state: ProgressState, id: string) => state.roadmaps[R]?.topics[id]?.status ?? 'not-started';

describe('Changes another window wrote over', () => {
  it('two windows read the same store and write one after the other: the loser puts its change back', () => {
    const base = emptyState();
    const a = tick(base, 'linear-algebra', 1); // window A read {}, ticked, wrote late
    const b = tick(base, 'calculus', 2); // window B read {} too, and its write landed first
    // The store ends as A wrote it; B reads it and finds its tick missing.
    const { state, pending } = reassert(a.state, b.added, at(3));
    assert.equal(status(state, 'linear-algebra'), 'done');
    assert.equal(status(state, 'calculus'), 'done');
    assert.equal(pending.length, 1, 'kept until a read shows it stored');
    assert.deepEqual(state.roadmaps[R].history.map((e) => e.id), ['linear-algebra', 'calculus'], 'history in time order');
    // The next read shows it: confirmed, forgotten, nothing changes.
    const again = reassert(state, pending, at(4));
    assert.equal(again.state, state);
    assert.deepEqual(again.pending, []);
  });

  it('a later change to the same item by another window wins, as in a merge', () => {
    const mine = tick(emptyState(), 'calculus', 1);
    const theirs = tick(tick(emptyState(), 'calculus', 0).state, 'calculus', 5, 'not-started');
    const r = reassert(theirs.state, mine.added, at(6));
    assert.equal(status(r.state, 'calculus'), 'not-started', 'their later un-tick stays');
    assert.equal(r.state, theirs.state);
    assert.deepEqual(r.pending, []);
  });

  it('an un-tick that was written over is put back too', () => {
    const start = tick(emptyState(), 'calculus', 0).state;
    const mine = tick(start, 'calculus', 2, 'not-started');
    const r = reassert(start, mine.added, at(3));
    assert.equal(status(r.state, 'calculus'), 'not-started');
  });

  it('a change missing long after it was made was taken out on purpose and stays out', () => {
    const mine = tick(emptyState(), 'calculus', 0);
    const later = new Date(at(0).getTime() + CONFIRM_WITHIN_MS + 1000);
    const r = reassert(emptyState(), mine.added, later);
    assert.equal(status(r.state, 'calculus'), 'not-started');
    assert.deepEqual(r.pending, []);
  });

  it('ids that are object keys are plain ids, and the list of unconfirmed changes is bounded', () => {
    const mine = tick(emptyState(), '__proto__', 1);
    const r = reassert(emptyState(), mine.added, at(2));
    assert.equal(Object.hasOwn(r.state.roadmaps[R].topics, '__proto__'), true);
    assert.equal(({} as Record<string, unknown>).status, undefined);
    const many = Array.from({ length: 1500 }, () => mine.added[0]);
    assert.equal(remember([], many).length, 1000);
  });

  it('nothing unconfirmed leaves the stored state untouched', () => {
    const s = tick(emptyState(), 'calculus', 1).state;
    assert.equal(reassert(s, [], at(2)).state, s);
  });
});

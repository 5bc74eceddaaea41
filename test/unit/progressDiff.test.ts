import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { changedRoadmaps } from '../../src/core/progress/progressDiff';
import { applyChanges, emptyState } from '../../src/core/progress/progressModel';

it('changedRoadmaps names the roadmaps another writer changed, and only those', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const one = applyChanges(emptyState(), 'a', [{ kind: 'topic', id: 'x', status: 'done' }], now).state;
  const two = applyChanges(one, 'b', [{ kind: 'topic', id: 'y', status: 'done' }], now).state;
  assert.deepEqual(changedRoadmaps(one, two), ['b']);
  assert.deepEqual(changedRoadmaps(two, one), ['b']);
  assert.deepEqual(changedRoadmaps(two, JSON.parse(JSON.stringify(two))), [], 'an equal copy read back changes nothing');
  const again = applyChanges(two, 'a', [{ kind: 'topic', id: 'x', status: 'skipped' }], now).state;
  assert.deepEqual(changedRoadmaps(two, again), ['a']);
});

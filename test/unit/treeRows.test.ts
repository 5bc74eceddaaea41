import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Roadmap } from '../../src/core/model';
import { applyChanges, emptyState } from '../../src/core/progress/progressModel';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { planChildren, roadmapChildren, rowFor } from '../../src/core/views/treeRows';

const topic = (id: string, extra: object = {}) => ({ id, title: id.toUpperCase(), prerequisites: [], tags: [], resources: [], exercises: [], ...extra });
const roadmap: Roadmap = {
  id: 'r', title: 'R', version: '1.0.0', practicalRoad: [],
  exercises: [{ id: 'ex', title: 'Ex', topic: 'a', difficulty: 'beginner', hours: 2 }],
  layers: [{ id: 'l', number: 1, title: 'Layer', goal: 'g', topics: [
    topic('a', { exercises: ['ex'], resources: [{ title: 'Doc', url: 'https://example.org', kind: 'docs' }], hours: 3, prerequisites: ['b'] }),
    topic('b'),
  ] }],
  plan: { title: 'P', months: [{ month: 1, title: 'M', topics: ['a', 'l'], milestone: 'Ship' }] },
};
const index = new RoadmapIndex(roadmap);
const opts = { hideCompleted: false };

it('roadmap children: layers, topics, then exercises and resources', () => {
  assert.deepEqual(roadmapChildren(index, undefined, opts), ['layer:l']);
  assert.deepEqual(roadmapChildren(index, undefined, opts, 'layer:l'), ['topic:a', 'topic:b']);
  assert.deepEqual(roadmapChildren(index, undefined, opts, 'topic:a'), ['exercise:ex:a', 'resource:a:0']);
});

it('hide completed drops done and skipped topics', () => {
  const p = applyChanges(emptyState(), 'r', [{ kind: 'topic', id: 'a', status: 'done' }], new Date()).state.roadmaps.r;
  assert.deepEqual(roadmapChildren(index, p, { hideCompleted: true }, 'layer:l'), ['topic:b']);
  assert.deepEqual(planChildren(index, p, { hideCompleted: true }, 'month:1'), ['topic:b:1', 'milestone:1']);
});

it('rows carry counts, status icons, checkboxes and words for screen readers', () => {
  const p = applyChanges(emptyState(), 'r', [{ kind: 'topic', id: 'a', status: 'done' }], new Date()).state.roadmaps.r;
  const layer = rowFor(index, p, 'layer:l')!;
  assert.equal(layer.description, '1/2 · 50%');
  assert.match(layer.ariaLabel, /1 of 2 topics done, 50 percent/);
  const a = rowFor(index, p, 'topic:a')!;
  assert.equal(a.checked, true);
  assert.equal(a.icon, 'pass-filled');
  assert.equal(a.ariaLabel, 'A, done');
  assert.match(a.tooltip!, /Prerequisites: B/);
  assert.equal(rowFor(index, p, 'topic:b')!.checked, false);
  assert.equal(rowFor(index, p, 'resource:a:0')!.url, 'https://example.org');
  assert.equal(rowFor(index, p, 'month:1')!.description, '1/2');
  assert.equal(rowFor(index, p, 'topic:nope'), undefined);
});

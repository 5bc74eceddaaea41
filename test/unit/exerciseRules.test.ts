import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { changesOnAllPassed, changesOnScaffold } from '../../src/core/progress/exerciseRules';
import { progressWith, smallIndex as index } from './support/smallRoadmap';

const ex1 = index.exercise('ex1')!;

it('scaffolding starts the exercise and its topic, and never moves either back', () => {
  assert.deepEqual(changesOnScaffold(undefined, ex1), [
    { kind: 'exercise', id: 'ex1', status: 'in-progress' },
    { kind: 'topic', id: 'a', status: 'in-progress' },
  ]);
  assert.deepEqual(changesOnScaffold(progressWith({ kind: 'topic', id: 'a', status: 'done' }), ex1), [{ kind: 'exercise', id: 'ex1', status: 'in-progress' }]);
  assert.deepEqual(changesOnScaffold(progressWith({ kind: 'exercise', id: 'ex1', status: 'done' }, { kind: 'topic', id: 'a', status: 'skipped' }), ex1), []);
});

it('all tests passing finishes the exercise, and the topic once all its exercises are done', () => {
  assert.deepEqual(changesOnAllPassed(index, undefined, ex1), [{ kind: 'exercise', id: 'ex1', status: 'done' }], 'ex2 is not done yet');
  assert.deepEqual(changesOnAllPassed(index, progressWith({ kind: 'exercise', id: 'ex2', status: 'done' }), ex1), [
    { kind: 'exercise', id: 'ex1', status: 'done' },
    { kind: 'topic', id: 'a', status: 'done' },
  ]);
  assert.deepEqual(changesOnAllPassed(index, progressWith({ kind: 'exercise', id: 'ex2', status: 'in-progress' }), ex1).length, 1);
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { elementId, parentOf, parseElement, touchedBy } from '../../src/core/views/elementIds';
import { notesViewFor } from '../../src/core/views/notesView';
import { exerciseIdOf, notesIdOf, resourceOf, topicIdsOf } from '../../src/core/views/rowTargets';
import { statusSummary } from '../../src/core/views/statusSummary';
import { planChildren, roadmapChildren } from '../../src/core/views/treeRows';
import { progressWith, smallIndex as index } from './support/smallRoadmap';

const opts = { hideCompleted: false };

describe('element ids', () => {
  it('read back what they were built from, for any id without a colon', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
    fc.assert(
      fc.property(id, id, fc.nat(99), (a, b, n) => {
        assert.deepEqual(parseElement(elementId.layer(a)), { kind: 'layer', ref: a, extra: undefined });
        assert.deepEqual(parseElement(elementId.topic(a, n)), { kind: 'topic', ref: a, extra: String(n) });
        assert.deepEqual(parseElement(elementId.exercise(a, b)), { kind: 'exercise', ref: a, extra: b });
        assert.deepEqual(parseElement(elementId.resource(a, n)), { kind: 'resource', ref: a, extra: String(n) });
      }),
    );
  });

  it('refuse strings that are not elements', () => {
    for (const s of ['a', 'constructor:x', '__proto__:x', 'topic:', ':a', '']) assert.equal(parseElement(s), undefined, s);
  });

  it('give each row its parent, so reveal can walk up every tree', () => {
    const rows = (children: typeof roadmapChildren) => {
      const out: Array<[string, string | undefined]> = [];
      const walk = (parent?: string) => {
        for (const c of children(index, undefined, opts, parent)) {
          out.push([c, parent]);
          walk(c);
        }
      };
      walk();
      return out;
    };
    const all = [...rows(roadmapChildren), ...rows(planChildren)];
    assert.ok(all.length > 12);
    for (const [element, parent] of all) assert.equal(parentOf(index, element), parent, element);
    assert.equal(parentOf(index, 'topic:nope'), undefined);
    assert.equal(parentOf(index, 'not an element'), undefined);
  });

  it('name every row a status change touches, and only rows that exist', () => {
    assert.deepEqual(touchedBy(index, [{ kind: 'topic', id: 'a' }]).sort(), ['exercise:ex1:a', 'exercise:ex2:a', 'layer:l1', 'month:1', 'topic:a', 'topic:a:1'].sort());
    assert.deepEqual(touchedBy(index, [{ kind: 'topic', id: 'c' }]).sort(), ['layer:l2', 'month:2', 'topic:c', 'topic:c:2']);
    assert.deepEqual(touchedBy(index, [{ kind: 'exercise', id: 'ex2' }]), ['exercise:ex2:a']);
    assert.deepEqual(touchedBy(index, [{ kind: 'topic', id: 'gone' }, { kind: 'exercise', id: 'gone' }]), []);
    // Every touched element is a row some tree shows.
    const shown = new Set<string>();
    const walk = (children: typeof roadmapChildren, parent?: string) => children(index, undefined, opts, parent).forEach((c) => (shown.add(c), walk(children, c)));
    walk(roadmapChildren);
    walk(planChildren);
    for (const t of touchedBy(index, index.topicOrder.map((x) => ({ kind: 'topic' as const, id: x.id })))) assert.ok(shown.has(t), t);
  });
});

describe('command targets from rows and ids', () => {
  it('topics: the selection when there is one, else the clicked row; plain ids as given', () => {
    assert.deepEqual(topicIdsOf('topic:a', undefined), ['a']);
    assert.deepEqual(topicIdsOf('topic:a', ['topic:b:1', 'topic:b', 'layer:l1', 7]), ['b']);
    assert.deepEqual(topicIdsOf('a', []), ['a']);
    assert.deepEqual(topicIdsOf(undefined, undefined), []);
    assert.deepEqual(topicIdsOf('weird:thing', undefined), []);
  });

  it('exercises, notes and resources', () => {
    assert.equal(exerciseIdOf('exercise:ex1:a'), 'ex1');
    assert.equal(exerciseIdOf('ex1'), 'ex1');
    assert.equal(exerciseIdOf(3), undefined);
    assert.equal(notesIdOf('layer:l1'), 'l1');
    assert.equal(notesIdOf('topic:a:1'), 'a');
    assert.equal(notesIdOf('resource:a:0'), undefined);
    assert.equal(notesIdOf('a'), 'a');
    assert.deepEqual(resourceOf('resource:a:0'), { topicId: 'a', n: 0 });
    assert.equal(resourceOf('resource:a:x'), undefined);
    assert.equal(resourceOf('topic:a'), undefined);
  });
});

describe('the notes view', () => {
  const sources = { renderNotes: async (p: string) => `<p>${p}</p>`, hasMyNotes: async (id: string) => id === 'a' };

  it('for a layer: its topics with their statuses and the tally', async () => {
    const view = await notesViewFor(index, progressWith({ kind: 'topic', id: 'a', status: 'done' }), 'l1', sources);
    assert.equal(view?.kind, 'layer');
    assert.deepEqual(view?.kind === 'layer' && { topics: view.topics, done: view.done, total: view.total }, {
      topics: [{ id: 'a', title: 'A', status: 'done', subtopics: [] }, { id: 'b', title: 'B', status: 'not-started', subtopics: [] }],
      done: 1,
      total: 2,
    });
    assert.equal(view?.kind === 'layer' && view.progressText, '1 of 2 topics done');
  });

  it('for a topic: rendered notes, prerequisites, exercises with statuses, neighbours across layers', async () => {
    const p = progressWith({ kind: 'exercise', id: 'ex1', status: 'done' }, { kind: 'topic', id: 'b', status: 'skipped' });
    const a = await notesViewFor(index, p, 'a', sources);
    assert.ok(a?.kind === 'topic');
    assert.equal(a.notesHtml, '<p>notes/a.md</p>');
    assert.equal(a.hasMyNotes, true);
    assert.deepEqual(a.prerequisites, [{ id: 'b', title: 'B', status: 'skipped' }]);
    assert.deepEqual(a.exercises.map((x) => [x.id, x.status]), [['ex1', 'done'], ['ex2', 'not-started']]);
    assert.equal(a.previous, undefined);
    assert.equal(a.next?.id, 'b');
    const b = await notesViewFor(index, p, 'b', sources);
    assert.ok(b?.kind === 'topic');
    assert.match(b.notesHtml, /no notes yet/);
    assert.equal(b.next?.id, 'c', 'the next topic may be in the next layer');
  });

  it('for an unknown id: nothing', async () => {
    assert.equal(await notesViewFor(index, undefined, 'nope', sources), undefined);
  });
});

describe('the status bar summary', () => {
  it('shows the percentage, a tooltip per layer without markdown from titles, and words for screen readers', () => {
    const none = statusSummary(index, undefined);
    assert.equal(none.text, '$(milestone) Roadmap 0%');
    assert.equal(none.anyDone, false);
    const some = statusSummary(index, progressWith({ kind: 'topic', id: 'a', status: 'done' }, { kind: 'topic', id: 'c', status: 'skipped' }));
    assert.equal(some.text, '$(milestone) Roadmap 50%');
    assert.equal(some.anyDone, true);
    assert.match(some.tooltipMarkdown, /1 of 2 topics done \(50%\)/);
    assert.match(some.tooltipMarkdown, /- 1\. First layer: 1\/2\n/, 'brackets in a title cannot make a link');
    assert.match(some.tooltipMarkdown, /- 2\. Second: 0\/0\n/);
    assert.equal(some.ariaLabel, 'AI Roadmap progress: 50 percent, 1 of 2 topics done');
  });
});

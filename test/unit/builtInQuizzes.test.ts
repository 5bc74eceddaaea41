import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import { repoRoot } from './support/paths';

/**
 * The lead turns this on once the built-in quizzes have landed (issue 13): until then most topics
 * have no quiz file, and the test would only say so.
 */
const BUILT_IN_QUIZZES_LANDED = true;
const WAITING = 'the built-in quizzes (roadmap/notes/**/*.quiz.yaml) have not all landed yet; set BUILT_IN_QUIZZES_LANDED in test/unit/builtInQuizzes.test.ts when they have';

describe('The built-in quizzes', () => {
  it('every topic has at least 6 items of at least 3 kinds, one of them single or multiple, and every section link names a heading', { skip: BUILT_IN_QUIZZES_LANDED ? false : WAITING }, async () => {
    const r = await loadRoadmap(nodeRoadmapFiles(`${repoRoot}/roadmap`));
    assert.ok(r.ok, !r.ok ? r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n') : '');
    assert.deepEqual(r.warnings.filter((w) => /quiz/i.test(w.message)).map((w) => `${w.file}: ${w.message}`), []);
    const short: string[] = [];
    for (const topic of r.roadmap.layers.flatMap((l) => l.topics)) {
      const items = topic.quiz?.items ?? [];
      const kinds = new Set(items.map((i) => i.kind));
      if (items.length < 6 || kinds.size < 3 || !(kinds.has('single') || kinds.has('multiple'))) short.push(`${topic.id}: ${items.length} items of ${kinds.size} kinds (${[...kinds].join(', ') || 'none'})`);
    }
    assert.deepEqual(short, []);
  });

  // Options show in the order written (no shuffle: the number keys, the tests and an author's
  // "both of the above" rely on it), so the right option's place is spread out by the authors.
  it('the right option of single-choice items is not mostly in one place', async () => {
    const r = await loadRoadmap(nodeRoadmapFiles(`${repoRoot}/roadmap`));
    assert.ok(r.ok);
    const places = new Map<number, number>();
    let n = 0;
    for (const item of r.roadmap.layers.flatMap((l) => l.topics).flatMap((t) => t.quiz?.items ?? [])) {
      if (item.kind !== 'single') continue;
      const at = item.options.indexOf(item.answer);
      places.set(at, (places.get(at) ?? 0) + 1);
      n++;
    }
    for (const [at, count] of places) assert.ok(count / n <= 0.4, `the right option is option ${at + 1} in ${count} of ${n} single-choice items`);
  });
});

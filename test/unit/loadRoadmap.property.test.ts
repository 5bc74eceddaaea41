import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadRoadmap, type LoadResult } from '../../src/core/loading/loadRoadmap';
import { memoryFiles } from './support/memoryFiles';

/** Whatever the input, the loader answers with a roadmap or with well-formed problems. */
function assertWellFormed(r: LoadResult) {
  if (r.ok) return;
  assert.ok(r.problems.length > 0);
  for (const p of r.problems) {
    assert.equal(typeof p.file, 'string');
    assert.ok(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`);
    assert.ok(Number.isInteger(p.column) && p.column >= 1, `column ${p.column}`);
    assert.ok(p.message.length > 10, p.message);
  }
}

const valid = {
  id: 'tiny',
  title: 'Tiny',
  version: '1.0.0',
  layers: [
    {
      id: 'one',
      number: 1,
      title: 'One',
      goal: 'Goal',
      topics: [
        { id: 'a', title: 'A', prerequisites: [], hours: 2, tags: ['x'], resources: [{ title: 'R', url: 'https://example.org', kind: 'docs', free: true }], exercises: ['ex'] },
        { id: 'b', title: 'B', prerequisites: ['a'] },
      ],
    },
  ],
  practicalRoad: [{ title: 'Go', covers: ['one'] }],
  exercises: [{ id: 'ex', title: 'Ex', topic: 'a', difficulty: 'beginner' }],
  plan: { title: 'Plan', months: [{ month: 1, title: 'M', topics: ['a'], milestone: 'Done' }] },
};

type Json = unknown;
/** Replaces, deletes or duplicates one value somewhere in the tree. */
function mutate(value: Json, path: number[], replacement: Json, op: number): Json {
  if (value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as object);
  if (entries.length === 0 || path.length === 0) return replacement;
  const [key, child] = entries[path[0] % entries.length];
  const copy: Record<string | number, Json> | Json[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  if (path.length === 1 && op === 0) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete (copy as Record<string, Json>)[key];
  } else if (path.length === 1 && op === 1 && Array.isArray(copy)) {
    copy.push(child);
  } else {
    (copy as Record<string | number, Json>)[key] = mutate(child, path.slice(1), replacement, op);
  }
  return copy;
}

describe('loadRoadmap never throws', () => {
  it('on the valid base case', async () => {
    const r = await loadRoadmap(memoryFiles({ 'roadmap.yaml': stringify(valid) }));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  });

  it('on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        assertWellFormed(await loadRoadmap(memoryFiles({ 'roadmap.yaml': text })));
      }),
      { numRuns: 300 },
    );
  });

  it('on YAML-ish text built from YAML punctuation', async () => {
    const token = fc.constantFrom('id: x\n', 'layers:\n', '  - ', '[', ']', '{', '}', '&a ', '*a', '!!str ', ': ', '"', "'", '#', '\n', '    ', '---\n', '? ', '|\n', 'topics: ', '- id: y\n');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 60 }), async (tokens) => {
        assertWellFormed(await loadRoadmap(memoryFiles({ 'roadmap.yaml': tokens.join('') })));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        assertWellFormed(await loadRoadmap(memoryFiles({ 'roadmap.yaml': stringify(value) })));
      }),
      { numRuns: 200 },
    );
  });

  it('on mutated valid roadmaps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('a', 'one', 'ex', '../x.md', 'javascript:x', -1, 1e9)),
        fc.nat(2),
        async (path, replacement, op) => {
          const mutated = mutate(valid, path, replacement, op);
          assertWellFormed(await loadRoadmap(memoryFiles({ 'roadmap.yaml': stringify(mutated) }), 'roadmap.yaml', { checkFiles: false }));
        },
      ),
      { numRuns: 400 },
    );
  });
});

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { starterFiles, type StarterPack } from '../../src/core/authoring/starter';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
import { checkImageFile } from '../../src/core/render/noteImages';
import { notePictureFiles } from '../../src/core/render/notePictureFiles';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import { nodeContainedFiles } from '../../src/node/containedFiles';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import { NEEDS_CONTENT_MODEL_15 } from './support/contentModel';
import { memoryFiles } from './support/memoryFiles';
import { repoRoot } from './support/paths';

const STARTER = join(repoRoot, 'starter');
/** The starter's files, relative to starter/, without Python's caches. */
const files = () =>
  readdirSync(STARTER, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(STARTER.length + 1))
    .filter((f) => !/__pycache__|\.pytest_cache/.test(f))
    .sort();
const text = (rel: string) => readFileSync(join(STARTER, rel), 'utf8');

type Item = { id: string; kind: string; question: string; options?: string[]; answer: unknown; explanation: string; tolerance?: number };
type Topic = { id: string; notes?: string; exercises?: string[]; resources?: Array<{ kind: string }>; subtopics?: Topic[] };

describe('the starter roadmap of "New Roadmap..."', () => {
  it('is small and complete: two layers, topics with sub-topics, notes with math and a picture, a quiz and an exercise', () => {
    assert.deepEqual(files(), [
      'exercises/fit-a-line/exercise.yaml',
      'exercises/fit-a-line/solution/fit_line.py',
      'exercises/fit-a-line/template/README.md',
      'exercises/fit-a-line/template/fit_line.py',
      'exercises/fit-a-line/template/test_fit_line.py',
      'layers/01-first-steps.yaml',
      'layers/02-going-further.yaml',
      'notes/first-steps/fitting-a-line.md',
      'notes/first-steps/fitting-a-line.quiz.yaml',
      'notes/first-steps/gradient-step.md',
      'notes/first-steps/images/line-fit.svg',
      'notes/first-steps/squared-loss.md',
      'notes/going-further/held-out-data.md',
      'notes/going-further/train-test-split.md',
      'roadmap.yaml',
    ]);
    const roadmap = parse(text('roadmap.yaml')) as { layers: string[]; exercises: Array<{ id: string; topic: string; path: string }> };
    assert.equal(roadmap.layers.length, 2);
    const topics = roadmap.layers.flatMap((l) => (parse(text(l)) as { topics: Topic[] }).topics);
    assert.ok(topics.every((t) => t.subtopics?.length), 'every topic has sub-topics');
    const all = topics.flatMap((t) => [t, ...(t.subtopics ?? [])]);
    for (const t of all) assert.ok(t.notes && files().includes(t.notes), `${t.id}: its notes exist`);
    assert.deepEqual(roadmap.exercises.map((e) => [e.id, e.topic]), [['fit-a-line', 'fitting-a-line']]);
    assert.ok(existsSync(join(STARTER, roadmap.exercises[0].path, 'exercise.yaml')));
  });

  it('has a note with math and a picture from its folder', async () => {
    const note = text('notes/first-steps/fitting-a-line.md');
    assert.match(createNotesRenderer()(note), /class="katex-display"/);
    const pictures = notePictureFiles(note, 'notes/first-steps/fitting-a-line.md');
    assert.deepEqual(pictures, ['notes/first-steps/images/line-fit.svg']);
    assert.deepEqual(await checkImageFile(nodeContainedFiles(STARTER), pictures[0]), { ok: true });
  });

  it('has a quiz beside its note that follows the quiz format', () => {
    const { items } = parse(text('notes/first-steps/fitting-a-line.quiz.yaml')) as { items: Item[] };
    const schemaFile = join(repoRoot, 'media', 'schema', 'quiz.schema.json');
    if (existsSync(schemaFile)) {
      const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
      assert.ok(validate({ items }), JSON.stringify(validate.errors));
    }
    // The rules of the format that need no schema.
    assert.ok(new Set(items.map((i) => i.kind)).size >= 3, 'several kinds');
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'ids are unique');
    for (const item of items) {
      assert.match(item.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(['single', 'multiple', 'numeric', 'short', 'explain'].includes(item.kind), item.kind);
      assert.ok(item.question.trim() && item.explanation.trim(), `${item.id}: a question and an explanation`);
      if (item.kind === 'single') assert.ok(item.options?.includes(item.answer as string), `${item.id}: the answer is an option`);
      if (item.kind === 'multiple') assert.ok((item.answer as string[]).every((a) => item.options?.includes(a)), `${item.id}: the answers are options`);
      if (item.options) assert.equal(new Set(item.options).size, item.options.length, `${item.id}: distinct options`);
      if (item.kind === 'numeric') assert.equal(typeof item.answer, 'number');
    }
  });

  it('ships as dist/starter.json, and each new roadmap gets the id and title of its folder', () => {
    const pack = JSON.parse(readFileSync(join(repoRoot, 'dist', 'starter.json'), 'utf8')) as StarterPack;
    assert.deepEqual(Object.keys(pack.files).sort(), files());
    for (const [rel, content] of Object.entries(pack.files)) assert.equal(content, text(rel), rel);
    const made = starterFiles(pack, 'web-course: part #1');
    assert.deepEqual(parse(made['roadmap.yaml']).id, 'web-course-part-1');
    assert.deepEqual(parse(made['roadmap.yaml']).title, 'Web course: part #1');
    assert.equal(starterFiles(pack, '__proto__')['layers/01-first-steps.yaml'], pack.files['layers/01-first-steps.yaml']);
    assert.equal(parse(starterFiles(pack, '__proto__')['roadmap.yaml']).id, 'proto');
  });

  it('loads without a problem', { skip: NEEDS_CONTENT_MODEL_15 }, async () => {
    const result = await loadRoadmap(nodeRoadmapFiles(STARTER));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(result.warnings, []);
    const pack = JSON.parse(readFileSync(join(repoRoot, 'dist', 'starter.json'), 'utf8')) as StarterPack;
    const renamed = await loadRoadmap(memoryFiles(starterFiles(pack, 'my-course')), 'roadmap.yaml', { checkFiles: false });
    assert.ok(renamed.ok && renamed.roadmap.id === 'my-course');
  });
});

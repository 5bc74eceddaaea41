import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import type { Roadmap, Topic } from '../../src/core/model';
import { repoRoot } from './support/paths';

const roadmapDir = join(repoRoot, 'roadmap');

interface Checklist {
  layers: Record<string, Array<{ item: string; topic: string; terms: string[] }>>;
  practicalRoad: number;
  plan: { months: number };
  projects: Array<{ item: string; exercise: string }>;
}

describe('The built-in roadmap', () => {
  let roadmap: Roadmap;
  const checklist = parse(readFileSync(join(repoRoot, 'test', 'coverage', 'roadmap-checklist.yaml'), 'utf8')) as Checklist;
  const topicText = new Map<string, string>();

  before(async () => {
    const r = await loadRoadmap(nodeRoadmapFiles(roadmapDir));
    assert.ok(r.ok, r.ok ? '' : r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    assert.deepEqual(r.warnings, []);
    roadmap = r.roadmap;
    for (const layer of roadmap.layers) {
      for (const t of layer.topics) topicText.set(t.id, textOf(t).toLowerCase());
    }
  });

  it('has the eight layers of the source, in order', () => {
    assert.deepEqual(Object.keys(checklist.layers), roadmap.layers.map((l) => l.id));
    assert.deepEqual(roadmap.layers.map((l) => l.number), [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('covers every item of the source roadmap in its layer, and its notes teach it', () => {
    const missing: string[] = [];
    for (const [layerId, items] of Object.entries(checklist.layers)) {
      const layer = roadmap.layers.find((l) => l.id === layerId)!;
      for (const { item, topic, terms } of items) {
        if (!layer.topics.some((t) => t.id === topic)) {
          missing.push(`"${item}": topic "${topic}" is not in layer "${layerId}"`);
          continue;
        }
        const text = topicText.get(topic)!;
        for (const term of terms) if (!text.includes(term.toLowerCase())) missing.push(`"${item}": topic "${topic}" never mentions "${term}"`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('has the final practical road and the 12-month plan with milestones', () => {
    assert.equal(roadmap.practicalRoad.length, checklist.practicalRoad);
    assert.equal(roadmap.plan?.months.length, checklist.plan.months);
    for (const m of roadmap.plan!.months) assert.ok(m.milestone.length > 10 && m.topics.length > 0, `month ${m.month}`);
    const planned = new Set(roadmap.plan!.months.flatMap((m) => m.topics));
    const unplanned = roadmap.layers.flatMap((l) => l.topics).filter((t) => !planned.has(t.id));
    assert.deepEqual(unplanned.map((t) => t.id), [], 'every topic has a month');
  });

  it('never plans a topic before one of its prerequisites', () => {
    const month = new Map(roadmap.plan!.months.flatMap((m) => m.topics.map((id) => [id, m.month] as const)));
    const early = roadmap.layers
      .flatMap((l) => l.topics)
      .flatMap((t) => t.prerequisites.filter((p) => month.get(p)! > month.get(t.id)!).map((p) => `${t.id} (month ${month.get(t.id)}) needs ${p} (month ${month.get(p)})`));
    assert.deepEqual(early, []);
  });

  it('gives every project of the source an exercise with a template, tests and a solution', () => {
    for (const { item, exercise } of checklist.projects) {
      const entry = roadmap.exercises.find((e) => e.id === exercise);
      assert.ok(entry, `"${item}" has exercise "${exercise}"`);
      const dir = join(roadmapDir, entry.path!);
      const manifest = parse(readFileSync(join(dir, 'exercise.yaml'), 'utf8')) as { id: string; main: string; hints: string[] };
      assert.equal(manifest.id, exercise);
      assert.ok(existsSync(join(dir, 'template', manifest.main)), `${exercise}: template/${manifest.main}`);
      assert.ok(existsSync(join(dir, 'solution', manifest.main)), `${exercise}: solution/${manifest.main}`);
      assert.ok(existsSync(join(dir, 'template', 'README.md')), `${exercise}: README`);
      assert.ok(manifest.hints.length >= 3, `${exercise}: three hints`);
      const topic = roadmap.layers.flatMap((l) => l.topics).find((t) => t.id === entry.topic)!;
      assert.ok(topic.exercises.includes(exercise), `topic "${topic.id}" lists "${exercise}"`);
    }
  });

  it('registers every exercise folder, each with three hints and kept wrong solutions for its tests', () => {
    const folders = readdirSync(join(roadmapDir, 'exercises')).sort();
    assert.deepEqual(roadmap.exercises.map((e) => e.id).sort(), folders);
    for (const e of roadmap.exercises) {
      const manifest = parse(readFileSync(join(roadmapDir, e.path!, 'exercise.yaml'), 'utf8')) as { hints: string[] };
      assert.ok(manifest.hints.length >= 3, `${e.id}: at least three hints`);
      const mutants = parse(readFileSync(join(repoRoot, 'test', 'exercise-mutants', `${e.id}.yaml`), 'utf8')) as unknown[];
      assert.ok(mutants.length >= 8, `${e.id}: at least eight kept wrong solutions`);
      const topic = roadmap.layers.flatMap((l) => l.topics).find((t) => t.id === e.topic);
      assert.ok(topic?.exercises.includes(e.id), `topic "${e.topic}" lists "${e.id}"`);
    }
  });

  it('has notes of teaching length with the expected sections', () => {
    const problems: string[] = [];
    for (const t of roadmap.layers.flatMap((l) => l.topics)) {
      const md = readFileSync(join(roadmapDir, t.notes!), 'utf8');
      const words = md.split(/\s+/).filter(Boolean).length;
      if (words < 600 || words > 1100) problems.push(`${t.id}: ${words} words`);
      for (const section of ['## Key ideas', '## Common pitfalls', '## Check yourself', '## References']) {
        if (!md.includes(section)) problems.push(`${t.id}: no "${section}"`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

function textOf(t: Topic): string {
  const notes = t.notes ? readFileSync(join(roadmapDir, t.notes), 'utf8') : '';
  return [t.title, t.summary ?? '', t.tags.join(' '), notes].join('\n');
}

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRoadmap, type LoadResult } from '../../src/core/loading/loadRoadmap';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import type { Problem } from '../../src/core/problem';
import { memoryFiles } from './support/memoryFiles';
import { fixture } from './support/paths';

const load = (name: string) => loadRoadmap(nodeRoadmapFiles(fixture('roadmaps', name)));

function problems(r: LoadResult): Problem[] {
  assert.equal(r.ok, false, 'the roadmap is refused');
  return r.ok ? [] : r.problems;
}

/** The one problem whose message matches, with its place. */
function find(ps: Problem[], re: RegExp): Problem {
  const p = ps.find((x) => re.test(x.message));
  assert.ok(p, `a problem matching ${re} among:\n${ps.map((x) => `${x.file}:${x.line}:${x.column} ${x.message}`).join('\n')}`);
  return p;
}

describe('loadRoadmap', () => {
  it('loads a valid roadmap split over files, with defaults filled in', async () => {
    const r = await load('valid');
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.deepEqual(r.roadmap.layers.map((l) => l.id), ['basics', 'second']);
    const apply = r.roadmap.layers[1].topics[0];
    assert.deepEqual(apply.prerequisites, ['intro']);
    assert.deepEqual(apply.tags, []);
    assert.deepEqual(apply.resources, []);
    assert.equal(r.roadmap.exercises[0].topic, 'apply');
    assert.equal(r.roadmap.plan?.months.length, 1);
    assert.deepEqual(r.warnings, []);
  });

  it('reports YAML syntax errors with their line', async () => {
    const [p] = problems(await load('yaml-syntax'));
    assert.equal(p.file, 'roadmap.yaml');
    assert.match(p.message, /^YAML syntax:/);
    assert.ok(p.line >= 6, `line ${p.line}`);
  });

  it('reports schema violations in words, at the offending key', async () => {
    const ps = problems(await load('schema-errors'));
    const id = find(ps, /^"id" in the roadmap must be an id of lowercase letters and digits, with single or double hyphens between them .*; it is "Not An Id"\.$/);
    assert.deepEqual([id.line, id.column], [1, 5]);
    const title = find(ps, /^Topic "t1" in layer "one" is missing "title", which every topic must have\.$/);
    assert.equal(title.line, 10);
    const hours = find(ps, /^"hours" in topic "t1" in layer "one" must be a number; it is "many"\.$/);
    assert.deepEqual([hours.line, hours.column], [11, 16]);
    const kind = find(ps, /^"kind" in resource #1 of topic "t1" in layer "one" must be one of book, course, video, paper, docs, tool, community, article, official, opensource, podcast, roadmap; it is "blog"\.$/);
    assert.equal(kind.line, 15);
    const extra = find(ps, /^Topic "t1" in layer "one" has an unknown property "colour"\. A topic may have: id, title, summary, notes, prerequisites, hours, tags, resources, exercises, quiz, subtopics\.$/);
    assert.equal(extra.line, 16);
  });

  it('reports broken references, duplicates, cycles and unsafe URLs', async () => {
    const ps = problems(await load('references'));
    find(ps, /Topic "alpha" in layer "one" lists exercise "no-such-exercise", which is not in the roadmap's exercises/);
    const typo = find(ps, /Topic "beta" in layer "one" needs "alpah", which is neither a topic nor a sub-topic of this roadmap\. Did you mean "alpha"\?/);
    assert.equal(typo.line, 16);
    find(ps, /Topic id "alpha" in layer "one" is also the id of topic #1 in layer "one"; layers, topics and sub-topics share one set of ids/);
    const cycle = find(ps, /Prerequisites form a cycle: /);
    assert.match(cycle.message, /alpha → gamma → delta → alpha/);
    find(ps, /Resource "Script" of topic "delta" in layer "one" must have an http or https address/);
    find(ps, /Exercise "orphan" belongs to topic "nowhere", which is neither a topic nor a sub-topic of this roadmap/);
    const notes = find(ps, /The notes file "notes\/missing\.md" of topic "beta" in layer "one" does not exist/);
    assert.equal(notes.line, 17);
  });

  it('refuses paths that leave the roadmap folder', async () => {
    const ps = problems(await load('escaping-paths'));
    find(ps, /Layer file "\.\.\/outside\.yaml" must be a relative path inside the roadmap's folder/);
  });

  it('refuses notes paths that leave the roadmap folder', async () => {
    const files = memoryFiles({
      'roadmap.yaml': 'id: x\ntitle: X\nversion: 1.0.0\nlayers:\n  - id: l\n    number: 1\n    title: L\n    goal: G\n    topics:\n      - id: t\n        title: T\n        notes: ../../secret.md\n',
    });
    const ps = problems(await loadRoadmap(files));
    const p = find(ps, /The notes file "\.\.\/\.\.\/secret\.md" of topic "t" in layer "l" must be a relative path inside/);
    assert.equal(p.line, 12);
  });

  it('places problems found in a layer file in that file', async () => {
    const ps = problems(await load('layer-file-error'));
    const p = find(ps, /"hours" in topic "bad" in layer "one" must be more than 0; it is -3\./);
    assert.equal(p.file, 'layers/one.yaml');
    assert.equal(p.line, 10);
  });

  it('refuses a file that is not a mapping, duplicate keys, and a missing entry file', async () => {
    find(problems(await load('not-a-mapping')), /must hold a YAML mapping/);
    find(problems(await load('duplicate-keys')), /Map keys must be unique/);
    find(problems(await load('no-such-fixture')), /The file "roadmap\.yaml" does not exist/);
  });

  it('refuses an alias bomb quickly', async () => {
    const started = performance.now();
    find(problems(await load('alias-bomb')), /aliases too heavily/);
    assert.ok(performance.now() - started < 1000);
  });

  it('refuses deep nesting before parsing', async () => {
    const deep = `id: x\nv: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const p = find(problems(await loadRoadmap(memoryFiles({ 'roadmap.yaml': deep }))), /nested too deeply/);
    assert.equal(p.line, 2);
    let indented = 'id: x\n';
    for (let i = 0; i < 300; i++) indented += `${'  '.repeat(i)}k${i}:\n`;
    find(problems(await loadRoadmap(memoryFiles({ 'roadmap.yaml': indented }))), /nested too deeply/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    let read = false;
    const files = {
      async readText() {
        read = true;
        return '';
      },
      async size() {
        return 64 * 1024 * 1024;
      },
    };
    find(problems(await loadRoadmap(files)), /may be at most 16 MB/);
    assert.equal(read, false);
  });

  it('warns about layer numbers out of order without refusing', async () => {
    const files = memoryFiles({
      'roadmap.yaml': 'id: x\ntitle: X\nversion: 1.0.0\nlayers:\n  - id: l\n    number: 3\n    title: L\n    goal: G\n    topics:\n      - id: t\n        title: T\n',
    });
    const r = await loadRoadmap(files);
    assert.ok(r.ok);
    assert.match(r.warnings[0].message, /is number 3 but stands at position 1; leave "number" out and the position gives it/);
    assert.equal(r.warnings[0].line, 6);
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { loadRoadmap, type LoadResult } from '../../src/core/loading/loadRoadmap';
import { RESOURCE_KINDS, type Roadmap } from '../../src/core/model';
import type { Problem } from '../../src/core/problem';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { isValidId } from '../../src/core/ids';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import { memoryFiles } from './support/memoryFiles';
import { fixture, repoRoot } from './support/paths';

/** Issue 15: the content model a teacher writes, and every rule the loader holds it to. */

function problems(r: LoadResult): Problem[] {
  assert.equal(r.ok, false, 'the roadmap is refused');
  return r.ok ? [] : r.problems;
}

function find(ps: Problem[], re: RegExp): Problem {
  const p = ps.find((x) => re.test(x.message));
  assert.ok(p, `a problem matching ${re} among:\n${ps.map((x) => `${x.file}:${x.line}:${x.column} ${x.severity} ${x.message}`).join('\n')}`);
  return p;
}

function none(ps: Problem[], re: RegExp) {
  assert.equal(ps.filter((x) => re.test(x.message)).length, 0, `no problem matching ${re}`);
}

/** A one-file roadmap from plain data. */
function yamlRoadmap(layers: unknown[], extra: object = {}): string {
  return stringify({ id: 'course', title: 'Course', version: '1.0.0', layers, ...extra });
}

const loadYaml = (text: string, more: Record<string, string> = {}) => loadRoadmap(memoryFiles({ 'roadmap.yaml': text, ...more }), 'roadmap.yaml');
const loadOk = async (text: string) => {
  const r = await loadYaml(text);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems.map((p) => p.message)));
  return r;
};

describe('sub-topics', () => {
  it('a teacher\'s roadmap with sub-topics, typed links, and no numbers or goals loads as written', async () => {
    const r = await loadRoadmap(nodeRoadmapFiles(fixture('roadmaps', 'teacher')));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.deepEqual(r.warnings, []);
    const [web, tools] = r.roadmap.layers;
    assert.deepEqual([web.number, tools.number], [1, 2], 'the position gives the number');
    assert.equal(web.goal, undefined);
    const basics = web.topics[0];
    assert.deepEqual(basics.subtopics?.map((s) => s.id), ['html--semantics', 'html--forms']);
    const semantics = basics.subtopics![0];
    assert.equal(semantics.notes, 'notes/web/html-semantics.md');
    assert.equal(semantics.hours, 2);
    assert.deepEqual(semantics.resources.map((x) => x.kind), ['docs', 'podcast']);
    assert.deepEqual(semantics.subtopics, [], 'one level only');
    assert.deepEqual(basics.subtopics![1].prerequisites, ['html--semantics']);
    assert.deepEqual(web.topics[1].subtopics, [], 'a topic without sub-topics has an empty list');

    const index = new RoadmapIndex(r.roadmap);
    assert.equal(index.topic('html--forms')?.title, 'Forms');
    assert.equal(index.parentOf('html--forms')?.id, 'web-basics');
    assert.equal(index.layerOf('git--branches')?.id, 'tools');
    assert.equal(index.parentOf('web-basics'), undefined);
    assert.deepEqual(index.topicOrder.map((t) => t.id), ['web-basics', 'html--semantics', 'html--forms', 'css-basics', 'git', 'git--branches']);
    assert.equal(index.neighbour('web-basics', 1)?.id, 'html--semantics', 'next goes into the sub-topics');
  });

  it('prerequisites, exercises, the practical road and the plan may name sub-topics', async () => {
    await loadOk(
      yamlRoadmap(
        [{ id: 'l', title: 'L', topics: [{ id: 't', title: 'T', subtopics: [{ id: 's', title: 'S', exercises: ['e'] }] }, { id: 'u', title: 'U', prerequisites: ['s'] }] }],
        { exercises: [{ id: 'e', title: 'E', topic: 's', difficulty: 'beginner' }], practicalRoad: [{ title: 'Step', covers: ['s'] }], plan: { title: 'P', months: [{ month: 1, title: 'M', topics: ['s'], milestone: 'Done.' }] } },
      ),
    );
  });

  it('reports what is wrong in a sub-topic by its path: layer, topic and sub-topic', async () => {
    const ps = problems(
      await loadYaml(
        yamlRoadmap([
          {
            id: 'l', title: 'L',
            topics: [{ id: 't', title: 'T', subtopics: [{ id: 's', title: 'S', notes: 'notes/s.md', prerequisites: ['nope'], resources: [{ title: 'R', url: 'https://example.org', kind: 'blog' }], subtopics: [{ id: 'deeper', title: 'D' }] }] }],
          },
        ]),
      ),
    );
    find(ps, /^"kind" in resource #1 of sub-topic "s" of topic "t" in layer "l" must be one of book, .*, roadmap; it is "blog"\.$/);
    find(ps, /^Sub-topic "s" of topic "t" in layer "l" has "subtopics", but a sub-topic has none of its own/);
    find(ps, /^Sub-topic "s" of topic "t" in layer "l" needs "nope", which is neither a topic nor a sub-topic of this roadmap\.$/);
    find(ps, /^The notes file "notes\/s\.md" of sub-topic "s" of topic "t" in layer "l" does not exist\.$/);
  });

  it('a sub-topic has a quiz of its own: written on it, or in the file beside its note', async () => {
    const item = (id: string) => ({ id, kind: 'single', question: 'Which?', options: ['a', 'b'], answer: 'a', explanation: 'Because a.' });
    const r = await loadRoadmap(
      memoryFiles({
        'roadmap.yaml': yamlRoadmap([{ id: 'l', title: 'L', topics: [{ id: 't', title: 'T', subtopics: [{ id: 's', title: 'S', quiz: [item('inline')] }, { id: 'u', title: 'U', notes: 'notes/u.md' }] }] }]),
        'notes/u.md': '# U\n',
        'notes/u.quiz.yaml': stringify({ items: [item('from-file')] }),
      }),
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const index = new RoadmapIndex(r.roadmap);
    assert.deepEqual(index.topic('s')?.quiz?.ids, ['inline']);
    assert.deepEqual(index.topic('u')?.quiz?.ids, ['from-file']);
    const bad = problems(await loadYaml(yamlRoadmap([{ id: 'l', title: 'L', topics: [{ id: 't', title: 'T', subtopics: [{ id: 's', title: 'S', quiz: [{ ...item('q'), kind: 'poll' }] }] }] }])));
    assert.ok(bad.some((p) => /poll/.test(p.message)), 'a broken item of a sub-topic\'s quiz is reported');
  });

  it('a cycle through sub-topics is found', async () => {
    const ps = problems(
      await loadYaml(yamlRoadmap([{ id: 'l', title: 'L', topics: [{ id: 't', title: 'T', prerequisites: ['b'], subtopics: [{ id: 'a', title: 'A', prerequisites: ['t'] }, { id: 'b', title: 'B', prerequisites: ['a'] }] }] }])),
    );
    find(ps, /^Prerequisites form a cycle: t → b → a → t\.$/);
  });

  it('the schema gives a sub-topic exactly the fields of a topic but "subtopics"', () => {
    const schema = JSON.parse(readFileSync(`${repoRoot}/media/schema/roadmap.schema.json`, 'utf8')) as { $defs: Record<string, { properties: Record<string, unknown>; required: string[] }> };
    const { topic, subtopic } = schema.$defs;
    const { subtopics: _subtopics, ...topicFields } = topic.properties;
    assert.deepEqual(subtopic.properties, topicFields, 'a field added to topics must be added to sub-topics too');
    assert.deepEqual(subtopic.required, topic.required);
  });
});

describe('resource kinds', () => {
  for (const kind of RESOURCE_KINDS) {
    it(`a resource of kind "${kind}" loads`, async () => {
      const r = await loadOk(yamlRoadmap([{ id: 'l', title: 'L', topics: [{ id: 't', title: 'T', resources: [{ title: 'R', url: 'https://example.org', kind }] }] }]));
      assert.equal(r.roadmap.layers[0].topics[0].resources[0].kind, kind);
    });
  }

  it('the schema and the model list the same kinds', () => {
    const schema = JSON.parse(readFileSync(`${repoRoot}/media/schema/roadmap.schema.json`, 'utf8'));
    assert.deepEqual(schema.$defs.resource.properties.kind.enum, [...RESOURCE_KINDS]);
  });
});

describe('ids', () => {
  const withTopicId = (id: string) => yamlRoadmap([{ id: 'l', title: 'L', topics: [{ id, title: 'T' }] }]);

  for (const id of ['html--css', 'a1--b2-c3', 'x', '2024-trends', 'constructor', 'tostring']) {
    it(`"${id}" is a valid id`, async () => {
      assert.ok(isValidId(id));
      await loadOk(withTopicId(id));
    });
  }

  for (const id of ['a---b', '-a', 'a-', '--a', 'a--', 'Html', 'a_b', '__proto__', 'a b', 'é']) {
    it(`"${id}" is refused, with the rule and the value in the message`, async () => {
      assert.equal(isValidId(id), false);
      const p = find(problems(await loadYaml(withTopicId(id))), /^"id" in topic .* in layer "l" must be an id of lowercase letters and digits, with single or double hyphens between them/);
      assert.ok(p.message.endsWith(`it is ${JSON.stringify(id)}.`), p.message);
    });
  }

  it('ids that are object keys stay plain ids: "constructor" as a topic, prerequisite and progress key', async () => {
    const r = await loadOk(yamlRoadmap([{ id: 'l', title: 'L', topics: [{ id: 'constructor', title: 'C', subtopics: [{ id: 'hasownproperty', title: 'H', prerequisites: ['constructor'] }] }] }]));
    const index = new RoadmapIndex(r.roadmap);
    assert.equal(index.topic('constructor')?.title, 'C');
    assert.equal(index.parentOf('hasownproperty')?.id, 'constructor');
    assert.equal(index.topic('toString'), undefined);
    assert.equal(index.parentOf('__proto__'), undefined);
  });

  it('a "__proto__" key in a topic is an unknown property, and pollutes nothing', async () => {
    const text = 'id: c\ntitle: C\nversion: 1.0.0\nlayers:\n  - id: l\n    title: L\n    topics:\n      - id: t\n        title: T\n        __proto__: { polluted: yes }\n';
    find(problems(await loadYaml(text)), /has an unknown property "__proto__"/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('ids shared by layers, topics and sub-topics', () => {
  it('a layer id that a later topic uses is reported', async () => {
    const ps = problems(await loadYaml(yamlRoadmap([{ id: 'basics', title: 'B', topics: [{ id: 'a', title: 'A' }] }, { id: 'two', title: 'T', topics: [{ id: 'basics', title: 'X' }] }])));
    const p = find(ps, /^Topic id "basics" in layer "two" is also the id of layer #1; layers, topics and sub-topics share one set of ids, so each must be unique\.$/);
    assert.deepEqual([p.line, p.column], [13, 13], 'at the later id');
  });

  it('a topic id that a later layer uses is reported', async () => {
    const ps = problems(await loadYaml(yamlRoadmap([{ id: 'one', title: 'O', topics: [{ id: 'advanced', title: 'A' }] }, { id: 'advanced', title: 'Adv', topics: [{ id: 'b', title: 'B' }] }])));
    find(ps, /^Layer id "advanced" \(layer #2\) is also the id of topic #1 in layer "one"; layers, topics and sub-topics share one set of ids/);
  });

  it('a topic id equal to its own layer\'s id is reported', async () => {
    const ps = problems(await loadYaml(yamlRoadmap([{ id: 'web', title: 'W', topics: [{ id: 'web', title: 'Web' }] }])));
    find(ps, /^Topic id "web" in layer "web" is also the id of layer #1/);
  });

  it('sub-topic ids are unique across the roadmap, against topics and other sub-topics, in either order', async () => {
    const ps = problems(
      await loadYaml(
        yamlRoadmap([
          { id: 'l', title: 'L', topics: [{ id: 't', title: 'T', subtopics: [{ id: 's', title: 'S' }, { id: 'u', title: 'U' }] }, { id: 'v', title: 'V', subtopics: [{ id: 's', title: 'S2' }] }] },
          { id: 'm', title: 'M', topics: [{ id: 'u', title: 'U again' }] },
        ]),
      ),
    );
    find(ps, /^Sub-topic id "s" of topic "v" in layer "l" is also the id of sub-topic #1 of topic "t" in layer "l"/);
    find(ps, /^Topic id "u" in layer "m" is also the id of sub-topic #2 of topic "t" in layer "l"/);
  });

  it('two layers with one id are reported', async () => {
    find(problems(await loadYaml(yamlRoadmap([{ id: 'x', title: 'A', topics: [{ id: 'a', title: 'A' }] }, { id: 'x', title: 'B', topics: [{ id: 'b', title: 'B' }] }]))), /^Layer id "x" \(layer #2\) is also the id of layer #1/);
  });
});

describe('optional number and goal', () => {
  it('a layer needs neither: the position gives the number', async () => {
    const r = await loadOk(yamlRoadmap([{ id: 'a', title: 'A', topics: [{ id: 't', title: 'T' }] }, { id: 'b', title: 'B', topics: [{ id: 'u', title: 'U' }] }]));
    assert.deepEqual(r.roadmap.layers.map((l) => [l.number, l.goal]), [[1, undefined], [2, undefined]]);
    assert.deepEqual(r.warnings, []);
  });

  it('a number that disagrees with the position is a warning, and the roadmap loads', async () => {
    const r = await loadOk(yamlRoadmap([{ id: 'a', number: 2, title: 'A', topics: [{ id: 't', title: 'T' }] }]));
    assert.match(r.warnings[0].message, /^Layer "a" is number 2 but stands at position 1; leave "number" out and the position gives it\.$/);
    assert.equal(r.warnings[0].severity, 'warning');
  });
});

describe('every problem in one pass', () => {
  it('schema errors do not hide references, duplicates and cycles', async () => {
    const ps = problems(
      await loadYaml(
        yamlRoadmap([
          {
            id: 'one', title: 'One',
            topics: [
              { id: 'a', title: 'A', hours: 'three', prerequisites: ['b'], resources: [{ title: 'Post', url: 'https://example.org', kind: 'blog' }] },
              { id: 'b', title: 'B', prerequisites: ['a', 'missing'] },
              { id: 'a', title: 'A again' },
              { title: 'No id' },
            ],
          },
        ]),
      ),
    );
    find(ps, /^"hours" in topic "a" in layer "one" must be a number; it is "three"\.$/);
    find(ps, /"kind" in resource #1 of topic "a" in layer "one" must be one of .*; it is "blog"\./);
    find(ps, /^Topic #4 in layer "one" is missing "id", which every topic must have\.$/);
    find(ps, /needs "missing", which is neither a topic nor a sub-topic/);
    find(ps, /^Topic id "a" in layer "one" is also the id of topic #1 in layer "one"/);
    find(ps, /^Prerequisites form a cycle: a → b → a\.$/);
  });

  it('a layer file that cannot be parsed does not hide the others\' problems, and references are not guessed at', async () => {
    const ps = problems(
      await loadRoadmap(
        memoryFiles({
          'roadmap.yaml': 'id: c\ntitle: C\nversion: 1.0.0\nlayers:\n  - layers/broken.yaml\n  - layers/fine.yaml\n',
          'layers/broken.yaml': 'id: broken\ntitle: [unclosed\n',
          'layers/fine.yaml': 'id: fine\ntitle: Fine\ntopics:\n  - id: t\n    title: T\n    hours: -1\n    prerequisites: [in-the-broken-layer, t]\n',
        }),
      ),
    );
    assert.equal(find(ps, /^YAML syntax:/).file, 'layers/broken.yaml');
    const hours = find(ps, /^"hours" in topic "t" in layer "fine" must be more than 0; it is -1\.$/);
    assert.deepEqual([hours.file, hours.line], ['layers/fine.yaml', 6]);
    find(ps, /^Topic "t" in layer "fine" lists itself as a prerequisite\.$/);
    none(ps, /needs "in-the-broken-layer"/);
    const skipped = find(ps, /were not checked, as the layer file "layers\/broken\.yaml" could not be read; fix that first\.$/);
    assert.equal(skipped.severity, 'warning');
  });

  it('a root with a schema error still has its layers and plan checked', async () => {
    const ps = problems(
      await loadYaml(
        'id: Bad Id\ntitle: C\nversion: one\nlayers:\n  - id: l\n    title: L\n    topics:\n      - id: t\n        title: T\nplan:\n  title: P\n  months:\n    - month: 1\n      title: M\n      topics: [t, tt]\n      milestone: M.\n',
      ),
    );
    find(ps, /^"version" in the roadmap must be a version such as 1\.0\.0; it is "one"\.$/);
    find(ps, /^Month 1 of the plan lists "tt", which is not a layer, topic or sub-topic of this roadmap\. Did you mean "t"\?$/);
  });

  it('an unknown property names what is allowed and suggests the likely one', async () => {
    const p = find(problems(await loadYaml(yamlRoadmap([{ id: 'l', title: 'L', topics: [{ id: 't', title: 'T', prerequisite: ['x'] }] }]))), /unknown property "prerequisite"/);
    assert.match(p.message, /Did you mean "prerequisites"\? A topic may have: id, title, summary, notes, prerequisites, hours, tags, resources, exercises, quiz, subtopics\.$/);
  });

  it('a layer that is neither a file nor a mapping says what a layer may be', async () => {
    find(problems(await loadYaml('id: c\ntitle: C\nversion: 1.0.0\nlayers:\n  - 42\n')), /^Layer #1 must be the path of a layer file \(ending in \.yaml\) or a layer \(id, title, topics\); it is 42\.$/);
  });
});

describe('the model that reaches the views', () => {
  it('is plain data with no undefined fields, as the compiled index has it', async () => {
    const r = await loadRoadmap(nodeRoadmapFiles(fixture('roadmaps', 'teacher')));
    assert.ok(r.ok);
    assert.deepEqual(JSON.parse(JSON.stringify(r.roadmap)) as Roadmap, r.roadmap);
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { loadRoadmap, type LoadResult } from '../../src/core/loading/loadRoadmap';
import type { Problem } from '../../src/core/problem';
import { checkQuizItems } from '../../src/core/quiz/quizCheck';
import { parseQuizFile } from '../../src/core/quiz/quizFile';
import { cardKey, quizFileOf, splitCardKey } from '../../src/core/quiz/quizModel';
import { noteHeadingIds } from '../../src/core/render/slug';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import { memoryFiles } from './support/memoryFiles';
import { fixture, repoRoot } from './support/paths';

const load = (name: string) => loadRoadmap(nodeRoadmapFiles(fixture('roadmaps', name)));
const schema = (name: string) => JSON.parse(readFileSync(`${repoRoot}/media/schema/${name}`, 'utf8'));

function problems(r: LoadResult): Problem[] {
  assert.equal(r.ok, false, 'the roadmap is refused');
  return r.ok ? [] : r.problems;
}

function find(ps: Problem[], re: RegExp): Problem {
  const p = ps.find((x) => re.test(x.message));
  assert.ok(p, `a problem matching ${re} among:\n${ps.map((x) => `${x.file}:${x.line}:${x.column} ${x.message}`).join('\n')}`);
  return p;
}

const item = (over: Record<string, unknown>) => ({ id: 'q', kind: 'single', question: 'Q?', options: ['a', 'b'], answer: 'a', explanation: 'Because.', ...over });
const messages = (raw: unknown) => checkQuizItems(raw, 't').issues.map((i) => i.message);

describe('The quiz format', () => {
  it('loads a quiz file beside a note and a quiz written on a topic, every kind', async () => {
    const r = await load('quiz');
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.deepEqual(r.warnings, []);
    const [vectors, matrices] = r.roadmap.layers[0].topics;
    assert.deepEqual(vectors.quiz?.ids, ['length-of-3-4', 'addition', 'which-are-vectors', 'name-of-length', 'why-add']);
    assert.equal(vectors.quiz?.file, 'notes/basics/vectors.quiz.yaml');
    assert.deepEqual(vectors.quiz?.items?.map((i) => i.kind), ['numeric', 'single', 'multiple', 'short', 'explain']);
    assert.equal(matrices.quiz?.ids.length, 2);
    const inline = r.roadmap.layers[1].topics[0];
    assert.deepEqual(inline.quiz, {
      ids: ['two-plus-two', 'capital'],
      items: [
        { id: 'two-plus-two', kind: 'numeric', question: 'What is $2 + 2$?', answer: 4, tolerance: 0, explanation: 'Two and two make four.' },
        { id: 'capital', kind: 'short', question: 'Name the capital of France.', answer: ['Paris'], explanation: 'Paris has been the capital of France for centuries.' },
      ],
    });
  });

  it('reports every rule an author breaks, in the quiz file, at its line and column', async () => {
    const ps = problems(await load('quiz-problems'));
    const file = 'notes/file-quiz.quiz.yaml';
    const at = (re: RegExp, line: number, column?: number) => {
      const p = find(ps, re);
      assert.equal(p.file, re.source.includes('inline') ? 'roadmap.yaml' : file, re.source);
      assert.equal(p.line, line, `${re}: line`);
      if (column !== undefined) assert.equal(p.column, column, `${re}: column`);
    };
    at(/the id "Bad_Id" is not valid/, 2, 9);
    at(/answer "c" is not among the options/, 12, 13);
    at(/the option "a" is listed twice/, 17, 21);
    at(/unknown kind "guess"; use one of single, multiple, numeric, short, explain/, 21, 11);
    at(/"empty-question" of topic "file-quiz" has an empty question/, 27, 15);
    at(/"bad-pattern".*the pattern does not compile/, 34, 14);
    at(/"lookahead".*cannot be matched in bounded time/, 40, 14);
    at(/"no-explanation" of topic "file-quiz" has no explanation/, 42, 5);
    // Inline: a duplicate id and a negative tolerance, on the topic in roadmap.yaml.
    const dup = find(ps, /the id "same" is used twice/);
    assert.deepEqual([dup.file, dup.line], ['roadmap.yaml', 21]);
    const tol = find(ps, /tolerance is -1; it is an absolute distance and may not be negative/);
    assert.deepEqual([tol.file, tol.line], ['roadmap.yaml', 25]);
    // A section that names no heading is a warning, on the topic's notes.
    const section = find(ps, /links to the section "nowhere", which is not a heading of its note \(its headings: only-heading\)/);
    assert.equal(section.severity, 'warning');
  });

  it('checks each rule of QUIZ-FORMAT on its own', () => {
    assert.deepEqual(messages([item({})]), []);
    assert.match(messages([item({ kind: 'poll' })])[0], /unknown kind "poll"/);
    assert.match(messages([item({ question: '  ' })])[0], /has an empty question/);
    assert.match(messages([{ id: 'q', kind: 'single', question: 'Q', options: ['a', 'b'], answer: 'a' }])[0], /has no explanation/);
    assert.match(messages([item({ answer: '' })])[0], /has an empty answer/);
    assert.match(messages([item({ answer: 'c' })])[0], /not among the options/);
    assert.match(messages([item({ options: ['a', 'a'] })])[0], /listed twice/);
    assert.match(messages([item({ options: ['a'] })])[0], /must have 2 to 8 options, not 1/);
    assert.match(messages([item({ options: 'abcdefghi'.split('') })])[0], /must have 2 to 8 options, not 9/);
    assert.match(messages([item({ kind: 'multiple', answer: [] })])[0], /has an empty answer/);
    assert.match(messages([item({ kind: 'multiple', answer: ['a', 'z'] })])[0], /"z" is not among the options/);
    assert.match(messages([item({}), item({})])[0], /the id "q" is used twice/);
    assert.match(messages([item({ id: 'two--hyphens' })])[0], /not valid/);
    assert.match(messages([item({ id: 'x'.repeat(81) })])[0], /not valid/);
    assert.match(messages([{ id: 'n', kind: 'numeric', question: 'Q', answer: 1, tolerance: -0.5, explanation: 'E' }])[0], /may not be negative/);
    assert.match(messages([{ id: 'n', kind: 'numeric', question: 'Q', answer: 'one', explanation: 'E' }])[0], /must be a number, not "one"/);
    assert.match(messages([{ id: 's', kind: 'short', question: 'Q', answer: ['x'], pattern: 'a'.repeat(201), explanation: 'E' }])[0], /201 characters long; a pattern may have at most 200/);
    assert.match(messages([{ id: 's', kind: 'short', question: 'Q', answer: ['x'], pattern: '[', explanation: 'E' }])[0], /does not compile/);
    assert.match(messages([{ id: 's', kind: 'short', question: 'Q', answer: 'x', explanation: 'E' }])[0], /must be a list of accepted forms/);
    assert.match(messages([{ id: 'e', kind: 'explain', question: 'Q', explanation: 'E' }])[0], /has no model answer/);
    assert.match(messages([item({ question: 'x'.repeat(4001) })])[0], /4,001 characters long; text fields may have at most 4,000/);
    assert.match(messages([item({ tolerance: 1 })])[0], /a single item, which has no "tolerance" \(only numeric items do\)/);
    assert.match(messages([item({ colour: 'red' })])[0], /unknown property "colour"/);
    const many = Array.from({ length: 101 }, (_, i) => item({ id: `q${i}` }));
    const r = checkQuizItems(many, 't');
    assert.equal(r.items.length, 100);
    assert.match(r.issues[0].message, /has 101 quiz items; a topic may have at most 100/);
    assert.deepEqual(r.issues[0].path, [100]);
  });

  it('reads numbers YAML made of options and answers as their text', () => {
    const r = checkQuizItems([item({ options: [1, 2, 3], answer: 2 })], 't');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.items[0], { id: 'q', kind: 'single', question: 'Q?', options: ['1', '2', '3'], answer: '2', explanation: 'Because.' });
  });

  it('treats ids that are object keys as plain ids', () => {
    const r = checkQuizItems([item({ id: 'constructor' }), item({ id: 'to-string' }), item({ id: 'constructor' })], 'proto');
    assert.deepEqual(r.items.map((i) => i.id), ['constructor', 'to-string']);
    assert.equal(r.issues.length, 1);
    assert.deepEqual(splitCardKey(cardKey('constructor', 'to-string')), { topicId: 'constructor', itemId: 'to-string' });
    assert.equal(splitCardKey('a/b/c'), undefined);
    assert.equal(splitCardKey('/b'), undefined);
  });

  it('refuses a quiz file that is not a mapping of items, and YAML errors, with their place', () => {
    assert.match(parseQuizFile('q.yaml', '- a\n- b\n', 't').problems[0].message, /must hold a mapping with an "items:" list/);
    assert.match(parseQuizFile('q.yaml', 'questions: []\n', 't').problems[0].message, /unknown property "questions"/);
    const syntax = parseQuizFile('q.yaml', 'items:\n  - id: a\n    kind: [\n', 't').problems[0];
    assert.match(syntax.message, /^YAML syntax/);
  });

  it('names the quiz file of a note, and the heading ids of a note as the renderer makes them', () => {
    assert.equal(quizFileOf('notes/foundations/linear-algebra.md'), 'notes/foundations/linear-algebra.quiz.yaml');
    const md = '# Title\n\n## Key ideas\n\n```python\n## not a heading\n```\n\n## Check yourself\n\n### Key ideas\n\n## The rank $r$ of `A`\n';
    assert.deepEqual([...noteHeadingIds(md)], ['key-ideas', 'check-yourself', 'key-ideas-1', 'the-rank-of-a']);
  });

  it('a quiz file read through an escaping link or over the budget is refused with a sentence', async () => {
    const files = memoryFiles({
      'roadmap.yaml': 'id: r\ntitle: R\nversion: 1.0.0\nlayers:\n  - id: l\n    number: 1\n    title: L\n    goal: G\n    topics:\n      - id: t\n        title: T\n        notes: t.md\n',
      't.md': '# T\n',
      't.quiz.yaml': 'items: []\n',
    });
    const refusing = { ...files, readText: async (rel: string) => (rel === 't.quiz.yaml' ? Promise.reject(new Error('the file is a link out of the roadmap folder')) : files.readText(rel)) };
    const r = await loadRoadmap(refusing);
    find(problems(r), /The quiz file "t.quiz.yaml" of topic "t" in layer "l": the file is a link out of the roadmap folder/);
  });

  it('the schemas agree with the checker on the fixtures, and the roadmap schema carries the same quiz items', () => {
    const quiz = schema('quiz.schema.json');
    const roadmap = schema('roadmap.schema.json');
    for (const key of Object.keys(quiz.$defs)) assert.deepEqual(roadmap.$defs[key], quiz.$defs[key], `$defs.${key} is the same in both schemas`);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(quiz);
    for (const f of ['vectors', 'matrices']) {
      const value = parse(readFileSync(fixture('roadmaps', 'quiz', 'notes', 'basics', `${f}.quiz.yaml`), 'utf8'));
      assert.ok(validate(value), `${f}: ${JSON.stringify(validate.errors)}`);
    }
    const bad = parse(readFileSync(fixture('roadmaps', 'quiz-problems', 'notes', 'file-quiz.quiz.yaml'), 'utf8'));
    for (const [i, it] of bad.items.entries()) {
      if (['not-an-option', 'twice', 'bad-pattern', 'lookahead', 'wrong-section'].includes(it.id)) continue; // rules beyond a schema
      assert.equal(validate({ items: [it] }), false, `item #${i + 1} (${it.id}) fails the schema too`);
    }
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerText, gradeResponse, numericMatches } from '../../src/core/quiz/grading';
import { normaliseAnswer, parseNumber } from '../../src/core/quiz/normalise';
import type { QuizItem } from '../../src/core/quiz/quizModel';
import { compilePattern } from '../../src/core/quiz/safePattern';

const base = { id: 'q', question: 'Q?', explanation: 'E.' };
const single: QuizItem = { ...base, kind: 'single', options: ['1', '2', '3'], answer: '2' };
const multiple: QuizItem = { ...base, kind: 'multiple', options: ['a', 'b', 'c', 'd'], answer: ['a', 'c'] };
const numeric: QuizItem = { ...base, kind: 'numeric', answer: 0.25, tolerance: 0.01 };
const short: QuizItem = { ...base, kind: 'short', answer: ['Rank', 'the rank'], pattern: '^(column|col) rank$' };
const explain: QuizItem = { ...base, kind: 'explain', answer: 'Because.' };

const right = (item: QuizItem, r: Parameters<typeof gradeResponse>[1]) => {
  const g = gradeResponse(item, r);
  assert.ok(g.ok, JSON.stringify(g));
  return g.correct;
};

describe('Grading every kind of quiz item', () => {
  it('single: the option at the position chosen must be the answer', () => {
    assert.equal(right(single, { kind: 'single', choice: 1 }), true);
    assert.equal(right(single, { kind: 'single', choice: 0 }), false);
    assert.deepEqual(gradeResponse(single, { kind: 'single', choice: 3 }), { ok: false, message: 'Choose one of the options.' });
    assert.deepEqual(gradeResponse(single, { kind: 'single', choice: 0 }), { ok: true, correct: false, grade: 'again' });
  });

  it('multiple: all or nothing', () => {
    assert.equal(right(multiple, { kind: 'multiple', choices: [2, 0] }), true);
    assert.equal(right(multiple, { kind: 'multiple', choices: [0] }), false, 'one missing');
    assert.equal(right(multiple, { kind: 'multiple', choices: [0, 1, 2] }), false, 'one too many');
    assert.equal(gradeResponse(multiple, { kind: 'multiple', choices: [] }).ok, false);
    assert.equal(gradeResponse(multiple, { kind: 'multiple', choices: [9] }).ok, false);
  });

  it('numeric: within the tolerance, and every way of writing a number', () => {
    for (const text of ['0.25', '.25', '0.26', '0.24', '2.5e-1', '25e-2', ' 0.25 ', '1/4', '+0.25']) assert.equal(right(numeric, { kind: 'numeric', text }), true, text);
    for (const text of ['0.27', '-0.25', '0.2']) assert.equal(right(numeric, { kind: 'numeric', text }), false, text);
    const thousand: QuizItem = { ...base, kind: 'numeric', answer: 1000, tolerance: 0 };
    for (const text of ['1,000', '1000', '1e3', '1.0e+3', '1,000.0']) assert.equal(right(thousand, { kind: 'numeric', text }), true, text);
    const milli: QuizItem = { ...base, kind: 'numeric', answer: 0.001, tolerance: 0 };
    for (const text of ['1e-3', '0.001', '1E-3', '1/1000']) assert.equal(right(milli, { kind: 'numeric', text }), true, text);
    assert.equal(right({ ...base, kind: 'numeric', answer: -2, tolerance: 0 }, { kind: 'numeric', text: '\u22122' }), true, 'a Unicode minus');
    for (const text of ['1,5', 'abc', '', '1..2', '1/0', '12,34', 'Infinity', 'NaN', '0x10']) {
      const g = gradeResponse(numeric, { kind: 'numeric', text });
      assert.equal(g.ok, false, `"${text}" is not graded`);
    }
    assert.equal(numericMatches(0.1 + 0.2, 0.3, 0), true, 'the last bit of a float is forgiven');
    assert.equal(parseNumber('1,234,567.5'), 1234567.5);
  });

  it('short: normalised forms, and a pattern on the normalised text', () => {
    for (const text of ['rank', 'RANK', '  the   rank. ', 'The Rank...', 'ｒａｎｋ', 'column rank', 'Col  Rank.']) assert.equal(right(short, { kind: 'short', text }), true, text);
    for (const text of ['ranks', 'row rank', 'the rank of A']) assert.equal(right(short, { kind: 'short', text }), false, text);
    assert.equal(gradeResponse(short, { kind: 'short', text: '   ' }).ok, false, 'an empty answer is not graded');
    assert.equal(gradeResponse(short, { kind: 'short', text: 'x'.repeat(4001) }).ok, false, 'too long');
    assert.equal(normaliseAnswer('  Ｈello\tWORLD . '), 'hello world');
  });

  it('short: a pattern that backtracks for ever in JavaScript is matched at once', () => {
    const evil: QuizItem = { ...base, kind: 'short', answer: ['x'], pattern: '^(a+)+$' };
    const started = performance.now();
    assert.equal(right(evil, { kind: 'short', text: `${'a'.repeat(3000)}b` }), false);
    assert.ok(performance.now() - started < 2000, 'linear time');
    assert.equal(right(evil, { kind: 'short', text: 'aaaa' }), true);
    assert.equal(compilePattern('(?<=a)b').ok, false, 'lookbehind is refused');
    assert.equal(compilePattern('(a)\\1').ok, false, 'backreferences are refused');
    assert.equal(compilePattern('x'.repeat(201)).ok, false, 'too long');
  });

  it('explain: the learner grades themselves; "again" is a miss', () => {
    assert.deepEqual(gradeResponse(explain, { kind: 'explain', text: 'my answer', grade: 'hard' }), { ok: true, correct: true, grade: 'hard' });
    assert.deepEqual(gradeResponse(explain, { kind: 'explain', text: '', grade: 'again' }), { ok: true, correct: false, grade: 'again' });
  });

  it('a response of the wrong kind is not graded', () => {
    assert.equal(gradeResponse(single, { kind: 'numeric', text: '2' }).ok, false);
  });

  it('says the right answer in words', () => {
    assert.equal(answerText(single), '2');
    assert.equal(answerText(multiple), 'a; c');
    assert.equal(answerText({ ...base, kind: 'numeric', answer: 5, tolerance: 0.1, unit: 'cm' }), '5 (± 0.1) cm');
    assert.equal(answerText(short), 'Rank');
  });
});

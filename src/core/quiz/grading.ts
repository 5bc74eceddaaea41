import type { QuizItem } from './quizModel';
import { QUIZ_LIMITS } from './quizLimits';
import { normaliseAnswer, parseNumber } from './normalise';
import { compilePattern } from './safePattern';

/** The learner's self-grade of an explain item, and the FSRS rating every answer becomes. */
export const SELF_GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type SelfGrade = (typeof SELF_GRADES)[number];

/** What the learner gave: an option's position, several, typed text, or text with a self-grade. */
export type QuizResponse =
  | { kind: 'single'; choice: number }
  | { kind: 'multiple'; choices: number[] }
  | { kind: 'numeric'; text: string }
  | { kind: 'short'; text: string }
  | { kind: 'explain'; text: string; grade: SelfGrade };

export type Grading =
  | { ok: true; correct: boolean; grade: SelfGrade }
  /** Not graded: the response cannot be read (not a number, too long); the learner tries again. */
  | { ok: false; message: string };

/**
 * Grades one response in the extension (the webview never has the answer before this). Choice
 * and typed items are right or wrong, rated "good" or "again"; an explain item is rated by the
 * learner against the model answer, and counts as right unless rated "again".
 */
export function gradeResponse(item: QuizItem, response: QuizResponse): Grading {
  if (response.kind !== item.kind) return { ok: false, message: `This is a ${item.kind} question; the answer given was for a ${response.kind} one.` };
  const verdict = (correct: boolean): Grading => ({ ok: true, correct, grade: correct ? 'good' : 'again' });
  switch (item.kind) {
    case 'single': {
      const r = response as Extract<QuizResponse, { kind: 'single' }>;
      if (!Number.isInteger(r.choice) || r.choice < 0 || r.choice >= item.options.length) return { ok: false, message: 'Choose one of the options.' };
      return verdict(item.options[r.choice] === item.answer);
    }
    case 'multiple': {
      const r = response as Extract<QuizResponse, { kind: 'multiple' }>;
      const picked = new Set(r.choices);
      if (picked.size === 0) return { ok: false, message: 'Choose at least one option.' };
      if ([...picked].some((c) => !Number.isInteger(c) || c < 0 || c >= item.options.length)) return { ok: false, message: 'Choose among the options shown.' };
      // All or nothing: exactly the right set.
      const right = new Set(item.answer);
      return verdict(item.options.every((o, i) => picked.has(i) === right.has(o)));
    }
    case 'numeric': {
      const r = response as Extract<QuizResponse, { kind: 'numeric' }>;
      const n = parseNumber(r.text);
      if (n === undefined) return { ok: false, message: `"${r.text.trim().slice(0, 40)}" is not a number this quiz can read; write it like 0.25, 1e-3 or 1,000.` };
      return verdict(numericMatches(n, item.answer, item.tolerance));
    }
    case 'short': {
      const r = response as Extract<QuizResponse, { kind: 'short' }>;
      if (r.text.length > QUIZ_LIMITS.maxResponse) return { ok: false, message: `The answer is longer than ${QUIZ_LIMITS.maxResponse.toLocaleString('en-US')} characters; a short answer is a word or a phrase.` };
      const given = normaliseAnswer(r.text);
      if (given === '') return { ok: false, message: 'Type an answer first.' };
      return verdict(shortMatches(given, item.answer, item.pattern));
    }
    case 'explain': {
      const r = response as Extract<QuizResponse, { kind: 'explain' }>;
      if (r.text.length > QUIZ_LIMITS.maxResponse) return { ok: false, message: `The answer is longer than ${QUIZ_LIMITS.maxResponse.toLocaleString('en-US')} characters.` };
      return { ok: true, correct: r.grade !== 'again', grade: r.grade };
    }
  }
}

/** Within the tolerance, with room for the rounding of floating-point numbers (0.26 - 0.25 is a hair over 0.01). */
export function numericMatches(given: number, answer: number, tolerance: number): boolean {
  return Math.abs(given - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
}

/** `given` is already normalised; each form is normalised the same way, and the pattern sees the normalised text. */
export function shortMatches(given: string, forms: readonly string[], pattern?: string): boolean {
  if (forms.some((f) => normaliseAnswer(f) === given)) return true;
  if (!pattern) return false;
  const compiled = compilePattern(pattern);
  return compiled.ok && compiled.test(given);
}

/** The right answer in words, for the feedback after a wrong one. */
export function answerText(item: QuizItem): string {
  switch (item.kind) {
    case 'single':
      return item.answer;
    case 'multiple':
      return item.answer.join('; ');
    case 'numeric':
      return `${item.answer}${item.tolerance ? ` (± ${item.tolerance})` : ''}${item.unit ? ` ${item.unit}` : ''}`;
    case 'short':
      return item.answer[0];
    case 'explain':
      return item.answer;
  }
}

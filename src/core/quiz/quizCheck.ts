import { MAX_ID_LENGTH, SINGLE_HYPHEN_ID_PATTERN } from '../ids';
import { QUIZ_KINDS, type QuizItem, type QuizKind } from './quizModel';
import { QUIZ_LIMITS } from './quizLimits';
import { normaliseAnswer } from './normalise';
import { compilePattern } from './safePattern';

export type QuizPath = Array<string | number>;

/** A rule of the quiz format broken, at a value path under the quiz list. */
export interface QuizIssue {
  path: QuizPath;
  message: string;
}

const COMMON = ['id', 'kind', 'question', 'explanation', 'section'];
/** The fields each kind may have besides the common ones. */
const FIELDS: Record<QuizKind, string[]> = {
  single: ['options', 'answer'],
  multiple: ['options', 'answer'],
  numeric: ['answer', 'tolerance', 'unit'],
  short: ['answer', 'pattern'],
  explain: ['answer'],
};

/**
 * Checks a topic's quiz list (raw YAML value) against every rule of the format and returns the
 * items that pass, with one issue per broken rule. `taken` holds item ids already used in the
 * topic (its inline list, when this is its file), so a duplicate across the two is caught too.
 */
export function checkQuizItems(raw: unknown, topicId: string, taken: Set<string> = new Set()): { items: QuizItem[]; issues: QuizIssue[] } {
  const issues: QuizIssue[] = [];
  const items: QuizItem[] = [];
  if (!Array.isArray(raw)) return { items, issues: [{ path: [], message: `The quiz of topic "${topicId}" must be a list of items.` }] };
  if (raw.length > QUIZ_LIMITS.maxItems) {
    issues.push({ path: [QUIZ_LIMITS.maxItems], message: `Topic "${topicId}" has ${raw.length} quiz items; a topic may have at most ${QUIZ_LIMITS.maxItems}. The items after the ${QUIZ_LIMITS.maxItems}th were not read.` });
  }
  raw.slice(0, QUIZ_LIMITS.maxItems).forEach((value, i) => {
    const item = checkItem(value, i, topicId, taken, issues);
    if (item) items.push(item);
  });
  return { items, issues };
}

function checkItem(value: unknown, i: number, topicId: string, taken: Set<string>, issues: QuizIssue[]): QuizItem | undefined {
  const before = issues.length;
  const at = (field?: string | number, ...more: Array<string | number>): QuizPath => (field === undefined ? [i] : [i, field, ...more]);
  const problem = (path: QuizPath, message: string) => issues.push({ path, message });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problem(at(), `Quiz item #${i + 1} of topic "${topicId}" must be a mapping with id, kind, question, answer and explanation.`);
    return undefined;
  }
  const v = textNumbers(value as Record<string, unknown>);
  const id = typeof v.id === 'string' ? v.id : undefined;
  const name = id ? `Quiz item "${id}"` : `Quiz item #${i + 1}`;
  const where = `${name} of topic "${topicId}"`;

  if (!Object.hasOwn(v, 'id')) problem(at(), `${where} has no id.`);
  else if (!id || id.length > MAX_ID_LENGTH || !SINGLE_HYPHEN_ID_PATTERN.test(id)) problem(at('id'), `${where}: the id ${show(v.id)} is not valid; use lowercase letters, digits and single hyphens (at most ${MAX_ID_LENGTH} characters), e.g. "column-space".`);
  else if (taken.has(id)) problem(at('id'), `${where}: the id "${id}" is used twice in the topic; ids must be unique (a review card is keyed by it).`);
  else taken.add(id);

  const kind = v.kind;
  if (!Object.hasOwn(v, 'kind')) {
    problem(at(), `${where} has no kind; use one of ${QUIZ_KINDS.join(', ')}.`);
    return undefined;
  }
  if (typeof kind !== 'string' || !(QUIZ_KINDS as readonly string[]).includes(kind)) {
    problem(at('kind'), `${where} has an unknown kind ${show(kind)}; use one of ${QUIZ_KINDS.join(', ')}.`);
    return undefined;
  }
  const k = kind as QuizKind;
  for (const key of Object.keys(v)) {
    if (COMMON.includes(key) || FIELDS[k].includes(key)) continue;
    const owner = QUIZ_KINDS.filter((other) => FIELDS[other].includes(key));
    problem(at(key), owner.length ? `${where} is a ${k} item, which has no "${key}" (only ${owner.join(' and ')} items do).` : `${where} has an unknown property "${key}"; check its spelling.`);
  }
  const text = (field: string, label = field): string | undefined => {
    const t = v[field];
    if (t === undefined || t === null || (typeof t === 'string' && t.trim() === '')) {
      problem(Object.hasOwn(v, field) ? at(field) : at(), `${where} has ${Object.hasOwn(v, field) ? 'an empty' : 'no'} ${label}.`);
      return undefined;
    }
    if (typeof t !== 'string') {
      problem(at(field), `${where}: the ${label} must be text, not ${kindOf(t)}.`);
      return undefined;
    }
    if (t.length > QUIZ_LIMITS.maxText) problem(at(field), `${where}: the ${label} is ${t.length.toLocaleString('en-US')} characters long; text fields may have at most ${QUIZ_LIMITS.maxText.toLocaleString('en-US')}.`);
    return t;
  };
  const question = text('question');
  const explanation = text('explanation');
  let section: string | undefined;
  if (v.section !== undefined) {
    if (typeof v.section !== 'string' || v.section.length === 0 || v.section.length > 200 || /\s/.test(v.section)) problem(at('section'), `${where}: the section must be the id of a heading in the note (a slug such as "check-yourself").`);
    else section = v.section;
  }

  const base = { id: id ?? '', question: question ?? '', explanation: explanation ?? '', ...(section ? { section } : {}) };
  let item: QuizItem | undefined;
  switch (k) {
    case 'single':
    case 'multiple': {
      const options = checkOptions(v.options, at, where, problem);
      if (k === 'single') {
        const answer = text('answer');
        if (answer !== undefined && options && !options.includes(answer)) problem(at('answer'), `${where}: the answer ${show(answer)} is not among the options; it must be the text of one option, exactly.`);
        if (options && answer !== undefined) item = { ...base, kind: k, options, answer };
      } else {
        const answer = v.answer;
        if (answer === undefined || answer === null || (Array.isArray(answer) && answer.length === 0)) problem(Object.hasOwn(v, 'answer') ? at('answer') : at(), `${where} has ${Object.hasOwn(v, 'answer') ? 'an empty' : 'no'} answer; a multiple item's answer is a list of one or more of its options.`);
        else if (!Array.isArray(answer)) problem(at('answer'), `${where}: a multiple item's answer must be a list of options, e.g. ["A", "C"].`);
        else {
          const seen = new Set<string>();
          answer.forEach((a, ai) => {
            if (typeof a !== 'string' || (options && !options.includes(a))) problem(at('answer', ai), `${where}: the answer ${show(a)} is not among the options; each must be the text of one option, exactly.`);
            else if (seen.has(a)) problem(at('answer', ai), `${where}: the answer ${show(a)} is listed twice.`);
            seen.add(String(a));
          });
          if (options) item = { ...base, kind: k, options, answer: answer as string[] };
        }
      }
      break;
    }
    case 'numeric': {
      const answer = v.answer;
      if (answer === undefined || answer === null || answer === '') problem(Object.hasOwn(v, 'answer') ? at('answer') : at(), `${where} has ${Object.hasOwn(v, 'answer') ? 'an empty' : 'no'} answer.`);
      else if (typeof answer !== 'number' || !Number.isFinite(answer)) problem(at('answer'), `${where}: a numeric item's answer must be a number, not ${show(answer)}.`);
      let tolerance = 0;
      if (v.tolerance !== undefined) {
        if (typeof v.tolerance !== 'number' || !Number.isFinite(v.tolerance)) problem(at('tolerance'), `${where}: the tolerance must be a number.`);
        else if (v.tolerance < 0) problem(at('tolerance'), `${where}: the tolerance is ${v.tolerance}; it is an absolute distance and may not be negative.`);
        else tolerance = v.tolerance;
      }
      let unit: string | undefined;
      if (v.unit !== undefined) {
        if (typeof v.unit !== 'string' || v.unit.length > QUIZ_LIMITS.maxUnit) problem(at('unit'), `${where}: the unit must be short text (at most ${QUIZ_LIMITS.maxUnit} characters).`);
        else unit = v.unit;
      }
      if (typeof answer === 'number' && Number.isFinite(answer)) item = { ...base, kind: k, answer, tolerance, ...(unit ? { unit } : {}) };
      break;
    }
    case 'short': {
      const answer = v.answer;
      let forms: string[] | undefined;
      if (answer === undefined || answer === null || (Array.isArray(answer) && answer.length === 0) || answer === '') problem(Object.hasOwn(v, 'answer') ? at('answer') : at(), `${where} has ${Object.hasOwn(v, 'answer') ? 'an empty' : 'no'} answer; a short item's answer is a list of accepted forms.`);
      else if (!Array.isArray(answer)) problem(at('answer'), `${where}: a short item's answer must be a list of accepted forms, e.g. ["rank", "the rank"].`);
      else if (answer.length > QUIZ_LIMITS.maxForms) problem(at('answer'), `${where} has ${answer.length} accepted forms; at most ${QUIZ_LIMITS.maxForms} (a pattern covers many forms).`);
      else {
        forms = [];
        answer.forEach((a, ai) => {
          if (typeof a !== 'string' && typeof a !== 'number') problem(at('answer', ai), `${where}: each accepted form must be text, not ${kindOf(a)}.`);
          else if (String(a).length > QUIZ_LIMITS.maxText) problem(at('answer', ai), `${where}: an accepted form may have at most ${QUIZ_LIMITS.maxText.toLocaleString('en-US')} characters.`);
          else if (normaliseAnswer(String(a)) === '') problem(at('answer', ai), `${where}: an accepted form is empty once normalised.`);
          else forms!.push(String(a));
        });
      }
      let pattern: string | undefined;
      if (v.pattern !== undefined) {
        if (typeof v.pattern !== 'string' || v.pattern === '') problem(at('pattern'), `${where}: the pattern must be a regular expression written as text.`);
        else {
          const compiled = compilePattern(v.pattern);
          if (!compiled.ok) problem(at('pattern'), `${where}: the pattern ${compiled.message}.`);
          else pattern = v.pattern;
        }
      }
      if (forms) item = { ...base, kind: k, answer: forms, ...(pattern ? { pattern } : {}) };
      break;
    }
    case 'explain': {
      const answer = text('answer', 'model answer');
      if (answer !== undefined) item = { ...base, kind: k, answer };
      break;
    }
  }
  return issues.length === before ? item : undefined;
}

function checkOptions(raw: unknown, at: (f?: string | number, ...m: Array<string | number>) => QuizPath, where: string, problem: (p: QuizPath, m: string) => void): string[] | undefined {
  const { minOptions: min, maxOptions: max } = QUIZ_LIMITS;
  if (raw === undefined) {
    problem(at(), `${where} has no options; give ${min} to ${max}.`);
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length < min || raw.length > max) {
    problem(at('options'), `${where} must have ${min} to ${max} options${Array.isArray(raw) ? `, not ${raw.length}` : ', as a list'}.`);
    return undefined;
  }
  const options: string[] = [];
  let ok = true;
  raw.forEach((o, oi) => {
    const t = o;
    if (typeof t !== 'string' || t.trim() === '') {
      problem(at('options', oi), `${where}: option #${oi + 1} is empty or not text.`);
      ok = false;
    } else if (t.length > QUIZ_LIMITS.maxText) {
      problem(at('options', oi), `${where}: option #${oi + 1} has more than ${QUIZ_LIMITS.maxText.toLocaleString('en-US')} characters.`);
      ok = false;
    } else if (options.includes(t)) {
      problem(at('options', oi), `${where}: the option ${show(t)} is listed twice; options must differ.`);
      ok = false;
    } else options.push(t);
  });
  return ok ? options : undefined;
}

/** YAML reads `- 2` and `answer: 2` as numbers; in a choice item their text is what the learner sees. */
function textNumbers(v: Record<string, unknown>): Record<string, unknown> {
  if (v.kind !== 'single' && v.kind !== 'multiple') return v;
  const asText = (x: unknown) => (typeof x === 'number' ? String(x) : x);
  return { ...v, ...(Array.isArray(v.options) ? { options: v.options.map(asText) } : {}), ...(Object.hasOwn(v, 'answer') ? { answer: Array.isArray(v.answer) ? v.answer.map(asText) : asText(v.answer) } : {}) };
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'object') return Array.isArray(v) ? 'a list' : 'a mapping';
  const s = String(v);
  return `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;
}

function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'a list' : v === null ? 'nothing' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}

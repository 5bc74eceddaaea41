/**
 * Quiz items as the roadmap format gives them (see media/schema/quiz.schema.json): a topic's
 * `<note>.quiz.yaml` beside its note, or a `quiz:` list on the topic. Plain data, checked by
 * quizCheck.ts before anything uses it.
 */
export const QUIZ_KINDS = ['single', 'multiple', 'numeric', 'short', 'explain'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

interface ItemBase {
  /** Unique in its topic; a review card is keyed "<topic-id>/<item-id>", so it never changes. */
  id: string;
  /** Markdown with $…$ math and `code`. */
  question: string;
  /** Why the answer is right: shown after every answer. */
  explanation: string;
  /** A heading id of the topic's note ("show the section" after a wrong answer). */
  section?: string;
}

export interface SingleItem extends ItemBase {
  kind: 'single';
  options: string[];
  answer: string;
}

export interface MultipleItem extends ItemBase {
  kind: 'multiple';
  options: string[];
  answer: string[];
}

export interface NumericItem extends ItemBase {
  kind: 'numeric';
  answer: number;
  /** Absolute, >= 0. */
  tolerance: number;
  unit?: string;
}

export interface ShortItem extends ItemBase {
  kind: 'short';
  /** Accepted forms, compared after normalisation. */
  answer: string[];
  /** A JavaScript regular expression (no flags) tested against the normalised answer. */
  pattern?: string;
}

export interface ExplainItem extends ItemBase {
  kind: 'explain';
  /** The model answer (markdown); the learner grades themselves against it. */
  answer: string;
}

export type QuizItem = SingleItem | MultipleItem | NumericItem | ShortItem | ExplainItem;

/**
 * A topic's quiz in the loaded roadmap: the ids of its items always (counts, mastery), the file
 * they came from if any, and the items themselves unless they are to be read from that file
 * when opened (the built-in roadmap's compiled index leaves them in the content pack).
 */
export interface TopicQuiz {
  ids: string[];
  /** `<note>.quiz.yaml`, relative to the roadmap's root folder. */
  file?: string;
  items?: QuizItem[];
}

/** The review card of an item: "<topic-id>/<item-id>". */
export function cardKey(topicId: string, itemId: string): string {
  return `${topicId}/${itemId}`;
}

/** The topic and item ids of a card key, or undefined for a string that is not one. */
export function splitCardKey(key: string): { topicId: string; itemId: string } | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash !== key.lastIndexOf('/') || slash === key.length - 1) return undefined;
  return { topicId: key.slice(0, slash), itemId: key.slice(slash + 1) };
}

/** The quiz file of a note: `notes/x/topic.md` has `notes/x/topic.quiz.yaml`. */
export function quizFileOf(notesPath: string): string {
  return `${notesPath.replace(/\.md$/i, '')}.quiz.yaml`;
}

import type { QuizItem, QuizKind } from '../quiz/quizModel';
import type { MasteryLine } from '../progress/mastery';

/**
 * What the quiz panel shows, as plain data. A question never carries its answer or its
 * explanation: the extension grades, and only then sends the feedback.
 */
export type QuizMode = 'quiz' | 'review';

export interface QuestionView {
  mode: QuizMode;
  key: string;
  topicId: string;
  topicTitle: string;
  kind: QuizKind;
  /** Rendered by the extension from markdown with raw HTML disabled. */
  questionHtml: string;
  /** single and multiple: each option rendered inline. */
  optionsHtml?: string[];
  /** numeric: the unit shown after the input. */
  unit?: string;
  position: number;
  count: number;
}

export interface FeedbackView {
  key: string;
  correct: boolean;
  /** The right answer in words (or the model answer of an explain item), rendered. */
  answerHtml: string;
  explanationHtml: string;
  /** Whether the item links to a section of the note ("Show the section"). */
  hasSection: boolean;
  last: boolean;
}

export interface SummaryView {
  mode: QuizMode;
  title: string;
  right: number;
  answered: number;
  /** Cards still due today after this session (a missed one comes back within minutes). */
  dueLeft: number;
  /** The topic's mastery after a topic's quiz. */
  mastery?: MasteryLine[];
  topicId?: string;
}

/** The fields of a question a page may see; never the answer, the explanation or the section. */
export function questionOf(item: QuizItem, render: { question: string; options?: string[] }, at: { mode: QuizMode; key: string; topicId: string; topicTitle: string; position: number; count: number }): QuestionView {
  return {
    ...at,
    kind: item.kind,
    questionHtml: render.question,
    ...(render.options ? { optionsHtml: render.options } : {}),
    ...(item.kind === 'numeric' && item.unit ? { unit: item.unit } : {}),
  };
}

/** The markdown an item shows before it is answered: its question and, for choices, its options. */
export function questionMarkdown(item: QuizItem): { question: string; options?: string[] } {
  return { question: item.question, ...(item.kind === 'single' || item.kind === 'multiple' ? { options: item.options } : {}) };
}

/** "Quiz: Vectors" or "Review". */
export function sessionTitle(mode: QuizMode, topicTitle?: string): string {
  return mode === 'quiz' ? `Quiz: ${topicTitle ?? ''}` : topicTitle ? `Review: ${topicTitle}` : 'Review';
}

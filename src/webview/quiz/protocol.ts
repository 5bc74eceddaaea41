/**
 * The quiz panel's messages, both ways, and the state its page keeps. The page sends what the
 * learner gave; the extension grades it and answers with the feedback. A question carries no
 * answer: it reaches the page only after the learner has answered.
 */
import type { QuizResponse } from '../../core/quiz/grading';
import { SELF_GRADES } from '../../core/quiz/grading';
import { QUIZ_LIMITS } from '../../core/quiz/quizLimits';
import type { FeedbackView, QuestionView, SummaryView } from '../../core/views/quizView';
import { isId, isStringUpTo, messageGuard, objectGuard, oneOf, type Check, type MessageOf } from '../../core/util/messageSchema';

export type { FeedbackView, QuestionView, SummaryView } from '../../core/views/quizView';

const isKey = isStringUpTo(200);
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 16;
const isText = isStringUpTo(QUIZ_LIMITS.maxResponse + 1);

const isResponse: Check<QuizResponse> = (v): v is QuizResponse => {
  const r = v as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return false;
  switch (r.kind) {
    case 'single':
      return isIndex(r.choice);
    case 'multiple':
      return Array.isArray(r.choices) && r.choices.length <= 16 && r.choices.every(isIndex);
    case 'numeric':
    case 'short':
      return isText(r.text);
    case 'explain':
      return isText(r.text) && (SELF_GRADES as readonly unknown[]).includes(r.grade);
    default:
      return false;
  }
};

const isView = <T>(...fields: string[]): Check<T> => (v): v is T => !!v && typeof v === 'object' && fields.every((f) => Object.hasOwn(v, f));

const fromQuizPanel = {
  ready: {},
  answer: { key: isKey, response: isResponse },
  /** An explain item: the learner has written an answer and asks for the model answer. */
  reveal: { key: isKey },
  next: {},
  /** After a wrong answer: the note's section the item links to, in the notes panel. */
  showSection: { key: isKey },
  openNotes: { topicId: isId },
  /** From the summary: the same quiz again, or the reviews still due. */
  restart: { mode: oneOf('quiz', 'review') },
};

const toQuizPanel = {
  question: { view: isView<QuestionView>('key', 'kind', 'questionHtml') },
  /** The model answer of an explain item, once the learner has written theirs. */
  reveal: { key: isKey, answerHtml: isStringUpTo(200_000) },
  feedback: { view: isView<FeedbackView>('key', 'correct', 'explanationHtml') },
  /** A response that could not be graded (not a number, say): the learner tries again. */
  invalid: { key: isKey, message: isStringUpTo(1000) },
  summary: { view: isView<SummaryView>('mode', 'right', 'answered') },
  /** Nothing to ask: no quiz, or nothing due. */
  empty: { title: isStringUpTo(400), message: isStringUpTo(1000) },
};

export type FromQuizPanel = MessageOf<typeof fromQuizPanel>;
export type ToQuizPanel = MessageOf<typeof toQuizPanel>;
export const isFromQuizPanel = messageGuard(fromQuizPanel);
export const isToQuizPanel = messageGuard(toQuizPanel);

/** What the page keeps with setState, so a restored panel starts the same session again. */
export const isQuizPanelState = objectGuard({ mode: oneOf('quiz', 'review'), topicId: (v: unknown): v is string | undefined => v === undefined || isId(v) });
export type QuizPanelState = typeof isQuizPanelState extends Check<infer T> ? T : never;

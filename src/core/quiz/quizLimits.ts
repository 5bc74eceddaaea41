/** The bounds of the quiz format (QUIZ-FORMAT rules): what an author may write and a learner may type. */
export const QUIZ_LIMITS = {
  /** Items in one topic. */
  maxItems: 100,
  /** Any text field: a question, an option, an answer, an explanation. */
  maxText: 4000,
  minOptions: 2,
  maxOptions: 8,
  /** A short answer's pattern: with a linear-time engine this bounds the work of one match. */
  maxPattern: 200,
  /** Accepted forms of one short answer. */
  maxForms: 50,
  /** What a learner may type: longer input is refused before it is graded. */
  maxResponse: 4000,
  maxUnit: 40,
} as const;

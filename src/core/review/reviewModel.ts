import type { SelfGrade } from '../quiz/grading';

/**
 * Spaced review as plain data in the progress store: one card per answered quiz item, keyed
 * "<topic-id>/<item-id>" (so an item whose text changes keeps its card), and a log of answers
 * for the dashboard's figures. The card's fields are ts-fsrs's, with times as ISO strings.
 */
export const CARD_STATES = [0, 1, 2, 3] as const; // ts-fsrs State: New, Learning, Review, Relearning
export type CardState = (typeof CARD_STATES)[number];

export interface StoredCard {
  /** ISO time when it is next due. */
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview?: string;
  /** Whether the last answer was right: the "quizzed" fact of mastery reads it. */
  lastCorrect?: boolean;
}

export type AnswerSource = 'quiz' | 'review';

export interface ReviewEvent {
  at: string;
  card: string;
  grade: SelfGrade;
  correct: boolean;
  /** Answered in a topic's quiz or in a review session (the daily limit counts the latter). */
  source: AnswerSource;
}

export interface ReviewState {
  cards: Record<string, StoredCard>;
  log: ReviewEvent[];
}

/** Answers beyond this are dropped oldest first: years of daily reviews. */
export const MAX_REVIEW_LOG = 20_000;
/** Cards per roadmap: a hundred topics of a hundred items each. */
export const MAX_CARDS = 10_000 * 5;

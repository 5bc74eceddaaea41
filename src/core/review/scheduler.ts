import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { SelfGrade } from '../quiz/grading';
import { dict } from '../progress/progressModel';
import { MAX_REVIEW_LOG, type AnswerSource, type ReviewState, type StoredCard } from './reviewModel';

const RATING: Record<SelfGrade, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

// Fuzz off: the same answers on the same clock give the same dates in every window and test. One
// ten-minute step: a right first answer is scheduled days out at once (a quiz follows reading the
// note), a wrong one or a lapse comes back the same day.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] }));

/** The next state of a card (a new one for a first answer) after an answer graded `grade` at `now`, by FSRS. */
export function scheduleCard(card: StoredCard | undefined, grade: SelfGrade, correct: boolean, now: Date): StoredCard {
  const { card: next } = scheduler.next(card ? toFsrs(card) : createEmptyCard(now), now, RATING[grade]);
  return { ...fromFsrs(next), lastCorrect: correct };
}

/** A review state with one more answer: the card rescheduled and the answer logged. Never mutates `before`. */
export function recordAnswer(before: ReviewState | undefined, key: string, grade: SelfGrade, correct: boolean, source: AnswerSource, now: Date): ReviewState {
  const cards = dict(before?.cards);
  const current = Object.hasOwn(cards, key) ? cards[key] : undefined;
  cards[key] = scheduleCard(current, grade, correct, now);
  const log = [...(before?.log ?? []), { at: now.toISOString(), card: key, grade, correct, source }];
  return { cards, log: log.length > MAX_REVIEW_LOG ? log.slice(log.length - MAX_REVIEW_LOG) : log };
}

function toFsrs(c: StoredCard): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: 0,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.lastReview ? { last_review: new Date(c.lastReview) } : {}),
  };
}

function fromFsrs(c: Card): StoredCard {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as StoredCard['state'],
    ...(c.last_review ? { lastReview: c.last_review.toISOString() } : {}),
  };
}

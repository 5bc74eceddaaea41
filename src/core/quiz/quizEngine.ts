// The quiz engine, a lazy bundle of its own (dist/quiz.js): reading quiz files (yaml), grading
// (re2js for patterns) and scheduling (ts-fsrs). Nothing of it loads before a quiz is opened.
export { parseQuizFile } from './quizFile';
export { answerText, gradeResponse } from './grading';
export { recordAnswer, recordAnswerInto } from '../review/scheduler';

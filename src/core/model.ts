/** The roadmap as the extension uses it: plain data, loaded from YAML or the compiled index. */
import type { TopicQuiz } from './quiz/quizModel';

export type ResourceKind = 'book' | 'course' | 'video' | 'paper' | 'docs' | 'tool' | 'community';
export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export interface Resource {
  title: string;
  url: string;
  kind: ResourceKind;
  free?: boolean;
}

export interface Topic {
  id: string;
  title: string;
  summary?: string;
  /** Markdown notes, relative to the roadmap's root folder; read only when opened. */
  notes?: string;
  prerequisites: string[];
  hours?: number;
  tags: string[];
  resources: Resource[];
  exercises: string[];
  /** Its quiz items (core/quiz): written on the topic or in the quiz file beside its note. */
  quiz?: TopicQuiz;
}

export interface Layer {
  id: string;
  number: number;
  title: string;
  goal: string;
  summary?: string;
  topics: Topic[];
}

export interface ExerciseEntry {
  id: string;
  title: string;
  /** The topic it serves; its layer follows from the topic. */
  topic: string;
  difficulty: Difficulty;
  hours?: number;
  summary?: string;
  /** Template folder, relative to the roadmap's root folder. */
  path?: string;
  /** From the template folder's exercise.yaml, read when the roadmap is loaded. */
  template?: ExerciseTemplate;
}

/** What exercise.yaml says: how to scaffold, check and help with an exercise. */
export interface ExerciseTemplate {
  /** The file the learner works in (relative to template/ and to solution/). */
  main: string;
  /** Python modules the tests import (import names: numpy, torch, sklearn, pytest). */
  requires: string[];
  timeoutSeconds: number;
  /** Progressive hints, markdown. */
  hints: string[];
}

export interface PracticalStep {
  title: string;
  /** Layer or topic ids. */
  covers: string[];
}

export interface StudyMonth {
  month: number;
  title: string;
  phase?: string;
  topics: string[];
  milestone: string;
}

export interface StudyPlan {
  title: string;
  summary?: string;
  months: StudyMonth[];
}

export interface Roadmap {
  id: string;
  title: string;
  version: string;
  description?: string;
  layers: Layer[];
  practicalRoad: PracticalStep[];
  plan?: StudyPlan;
  exercises: ExerciseEntry[];
}

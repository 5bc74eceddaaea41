/** The roadmap as the extension uses it: plain data, loaded from YAML or the compiled index. */
import type { TopicQuiz } from './quiz/quizModel';

/** The kinds a resource may have, in the schema's order (media/schema/roadmap.schema.json, $defs/resource). */
export const RESOURCE_KINDS = ['book', 'course', 'video', 'paper', 'docs', 'tool', 'community', 'article', 'official', 'opensource', 'podcast', 'roadmap'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
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
  /**
   * Sub-topics, one level below: each has a topic's shape and is a unit of progress of its own,
   * keyed by its id like a topic. Filled by the loader; a sub-topic's own list is always empty.
   * Optional for data built by hand (tests, older compiled indexes).
   */
  subtopics?: Topic[];
}

/** A sub-topic is a topic one level down (see Topic.subtopics); the name says where it stands. */
export type Subtopic = Topic;

export interface Layer {
  id: string;
  /** Its position, from 1: the loader fills it in when the author leaves it out. */
  number: number;
  title: string;
  /** One sentence: what the learner can do after this layer. */
  goal?: string;
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

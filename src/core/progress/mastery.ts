import { unitsOf } from '../topicUnits';
import type { Layer, Topic } from '../model';
import { cardKey } from '../quiz/quizModel';
import { own, statusOf, type RoadmapProgress } from './progressModel';

/** The share of a topic's quiz items whose last answer was right for it to count as quizzed. */
export const QUIZZED_SHARE = 0.8;

/**
 * Three facts about a topic, kept apart: read (the learner marked it done), quizzed (the last
 * answers on its quiz items are right for at least 80% of them) and verified (every exercise of
 * it passes its tests). Marking a topic done never makes it verified: only passing tests do
 * (exerciseRules.ts finishes an exercise when all its tests pass).
 */
export interface Mastery {
  read: boolean;
  quizzed: { has: boolean; right: number; items: number; met: boolean };
  verified: { has: boolean; passed: number; exercises: number; met: boolean };
}

/** `right`: its items right at their last answer, when the caller counted them already (topicQuizTally). */
export function topicMastery(topic: Topic, progress: RoadmapProgress | undefined, right = rightAtLastAnswer(topic, progress)): Mastery {
  const ids = topic.quiz?.ids ?? [];
  const passed = topic.exercises.filter((x) => statusOf(progress, 'exercise', x) === 'done').length;
  return {
    read: statusOf(progress, 'topic', topic.id) === 'done',
    quizzed: { has: ids.length > 0, right, items: ids.length, met: ids.length > 0 && right / ids.length >= QUIZZED_SHARE },
    verified: { has: topic.exercises.length > 0, passed, exercises: topic.exercises.length, met: topic.exercises.length > 0 && passed === topic.exercises.length },
  };
}

function rightAtLastAnswer(topic: Topic, progress: RoadmapProgress | undefined): number {
  const cards = progress?.review?.cards;
  return (topic.quiz?.ids ?? []).filter((id) => own(cards, cardKey(topic.id, id))?.lastCorrect === true).length;
}

/** A layer's topics and sub-topics counted per fact, each over the ones that can have it. */
export interface LayerMastery {
  topics: number;
  read: number;
  quizzed: number;
  /** Topics with a quiz. */
  quizzable: number;
  verified: number;
  /** Topics with exercises. */
  verifiable: number;
}

export function layerMastery(layer: Layer, progress: RoadmapProgress | undefined): LayerMastery {
  const m: LayerMastery = { topics: 0, read: 0, quizzed: 0, quizzable: 0, verified: 0, verifiable: 0 };
  for (const t of unitsOf(layer)) {
    const x = topicMastery(t, progress);
    m.topics++;
    if (x.read) m.read++;
    if (x.quizzed.has) m.quizzable++;
    if (x.quizzed.met) m.quizzed++;
    if (x.verified.has) m.verifiable++;
    if (x.verified.met) m.verified++;
  }
  return m;
}

/** The three facts in words, each with a codicon, for the tree's tooltip and the panels. */
export interface MasteryLine {
  fact: 'read' | 'quizzed' | 'verified';
  met: boolean;
  icon: string;
  text: string;
}

/** The "read" fact alone: a panel marking its own topic updates this line in place. */
export function readLine(read: boolean): MasteryLine {
  return { fact: 'read', met: read, icon: read ? 'book' : 'circle-large-outline', text: read ? 'Read: yes (marked done)' : 'Read: not yet' };
}

export function masteryLines(m: Mastery): MasteryLine[] {
  const share = Math.round(QUIZZED_SHARE * 100);
  return [
    readLine(m.read),
    {
      fact: 'quizzed',
      met: m.quizzed.met,
      icon: m.quizzed.met ? 'mortar-board' : 'circle-large-outline',
      text: !m.quizzed.has ? 'Quizzed: no quiz' : `Quizzed: ${m.quizzed.met ? 'yes' : 'not yet'} (${m.quizzed.right} of ${m.quizzed.items} right at the last answer; ${share}% needed)`,
    },
    {
      fact: 'verified',
      met: m.verified.met,
      icon: m.verified.met ? 'verified-filled' : 'circle-large-outline',
      text: !m.verified.has ? 'Verified: no exercises' : `Verified: ${m.verified.met ? 'yes' : 'not yet'} (exercises passing their tests: ${m.verified.passed} of ${m.verified.exercises})`,
    },
  ];
}

import type { ExerciseEntry } from '../model';
import type { RoadmapIndex } from '../roadmapIndex';
import { statusOf, type Change, type RoadmapProgress } from './progressModel';

/**
 * How exercises move progress. Scaffolding starts the exercise and its topic (unless they are
 * already further along); all tests passing finishes the exercise, and the topic once every one
 * of its exercises is done.
 */
export function changesOnScaffold(progress: RoadmapProgress | undefined, exercise: ExerciseEntry): Change[] {
  const changes: Change[] = [];
  if (statusOf(progress, 'exercise', exercise.id) === 'not-started') changes.push({ kind: 'exercise', id: exercise.id, status: 'in-progress' });
  if (statusOf(progress, 'topic', exercise.topic) === 'not-started') changes.push({ kind: 'topic', id: exercise.topic, status: 'in-progress' });
  return changes;
}

export function changesOnAllPassed(index: RoadmapIndex, progress: RoadmapProgress | undefined, exercise: ExerciseEntry): Change[] {
  const changes: Change[] = [{ kind: 'exercise', id: exercise.id, status: 'done' }];
  const topic = index.topic(exercise.topic);
  if (topic && topic.exercises.every((x) => x === exercise.id || statusOf(progress, 'exercise', x) === 'done')) changes.push({ kind: 'topic', id: topic.id, status: 'done' });
  return changes;
}

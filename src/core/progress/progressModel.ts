import type { ResearchState } from '../papers/paperModel';

/**
 * Learner progress as plain data: the status of each topic and exercise and a history of every
 * change, per roadmap id. Functions here never mutate their input; the store swaps states.
 */
import type { PlanSettings } from '../plan/planSettings';
import type { ReviewState } from '../review/reviewModel';

export const STATUSES = ['not-started', 'in-progress', 'done', 'skipped'] as const;
export type Status = (typeof STATUSES)[number];
export type ItemKind = 'topic' | 'exercise';

export interface StatusEntry {
  status: Status;
  /** ISO time of the last change. */
  updated: string;
}

export interface HistoryEvent {
  at: string;
  kind: ItemKind;
  id: string;
  from: Status;
  to: Status;
}

export interface RoadmapProgress {
  topics: Record<string, StatusEntry>;
  exercises: Record<string, StatusEntry>;
  history: HistoryEvent[];
  /** The learner's study plan for this roadmap, if they started one. */
  plan?: PlanSettings;
  /** Review cards of answered quiz items and the answers given (src/core/review). */
  review?: ReviewState;
}

export interface ProgressState {
  version: 1;
  roadmaps: Record<string, RoadmapProgress>;
  /** The reading list and the monthly research habit (src/core/papers); absent in older files. */
  research?: ResearchState;
}

/** History beyond this is dropped oldest first; enough for years of daily check-offs. */
export const MAX_HISTORY = 20_000;

/**
 * A table keyed by ids that authors and imports choose: without a prototype, so ids such as
 * "constructor", "__proto__" or "toString" are plain keys, never inherited members.
 */
export function dict<T>(from?: Record<string, T>): Record<string, T> {
  return from ? Object.assign(Object.create(null) as Record<string, T>, from) : (Object.create(null) as Record<string, T>);
}

/** The entry stored under `id` itself, never one inherited from a prototype. */
export function own<T>(table: Record<string, T> | undefined, id: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
}

export function emptyState(): ProgressState {
  return { version: 1, roadmaps: dict() };
}

export function emptyRoadmapProgress(): RoadmapProgress {
  return { topics: dict(), exercises: dict(), history: [] };
}

export function isStatus(s: unknown): s is Status {
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s);
}

export function statusOf(progress: RoadmapProgress | undefined, kind: ItemKind, id: string): Status {
  return own(kind === 'topic' ? progress?.topics : progress?.exercises, id)?.status ?? 'not-started';
}

export interface Change {
  kind: ItemKind;
  id: string;
  status: Status;
}

/** Applies changes; those that change nothing are left out of the state and of the history. */
export function applyChanges(state: ProgressState, roadmapId: string, changes: readonly Change[], now: Date): { state: ProgressState; applied: Change[] } {
  const before = own(state.roadmaps, roadmapId) ?? emptyRoadmapProgress();
  const topics = dict(before.topics);
  const exercises = dict(before.exercises);
  const history = [...before.history];
  const applied: Change[] = [];
  const at = now.toISOString();
  for (const c of changes) {
    const table = c.kind === 'topic' ? topics : exercises;
    const from = own(table, c.id)?.status ?? 'not-started';
    if (from === c.status) continue;
    if (c.status === 'not-started') delete table[c.id];
    else table[c.id] = { status: c.status, updated: at };
    history.push({ at, kind: c.kind, id: c.id, from, to: c.status });
    applied.push(c);
  }
  if (applied.length === 0) return { state, applied };
  const trimmed = history.length > MAX_HISTORY ? history.slice(history.length - MAX_HISTORY) : history;
  const roadmaps = dict(state.roadmaps);
  roadmaps[roadmapId] = { ...before, topics, exercises, history: trimmed };
  return { state: { ...state, roadmaps }, applied };
}

/**
 * Clears one roadmap's statuses, and its review cards and quiz answers: a learner who starts over
 * expects nothing of the old quizzes to come back for review, nor to count as "quizzed". The
 * history keeps a record of the reset as changes to not-started; the study plan stays.
 */
export function resetRoadmap(state: ProgressState, roadmapId: string, now: Date): ProgressState {
  const p = own(state.roadmaps, roadmapId);
  if (!p) return state;
  const changes: Change[] = [
    ...Object.keys(p.topics).map((id) => ({ kind: 'topic' as const, id, status: 'not-started' as const })),
    ...Object.keys(p.exercises).map((id) => ({ kind: 'exercise' as const, id, status: 'not-started' as const })),
  ];
  const next = applyChanges(state, roadmapId, changes, now).state;
  if (!p.review) return next;
  const { review: _review, ...rest } = own(next.roadmaps, roadmapId) ?? p;
  const roadmaps = dict(next.roadmaps);
  roadmaps[roadmapId] = rest;
  return { ...next, roadmaps };
}

/** Sets or clears one roadmap's study plan; statuses and history stay as they are. */
export function setPlan(state: ProgressState, roadmapId: string, plan: PlanSettings | undefined): ProgressState {
  const before = own(state.roadmaps, roadmapId) ?? emptyRoadmapProgress();
  const next: RoadmapProgress = { topics: before.topics, exercises: before.exercises, history: before.history };
  if (plan) next.plan = plan;
  if (before.review) next.review = before.review;
  const roadmaps = dict(state.roadmaps);
  roadmaps[roadmapId] = next;
  return { ...state, roadmaps };
}

/** Replaces one roadmap's review state (src/core/review); statuses, history and plan stay as they are. */
export function setReview(state: ProgressState, roadmapId: string, review: ReviewState): ProgressState {
  const before = own(state.roadmaps, roadmapId) ?? emptyRoadmapProgress();
  const roadmaps = dict(state.roadmaps);
  roadmaps[roadmapId] = { ...before, review };
  return { ...state, roadmaps };
}

/**
 * The context keys AI Roadmap sets, for `when` clauses in package.json and walkthrough
 * completion events; the manifest test checks both ways that each is used and each use is set.
 */
export const CONTEXT_KEYS = {
  /** The roadmap has loaded once: the trees' welcome text changes from "Loading…". */
  loaded: 'aiRoadmap.loaded',
  /** The trees hide done and skipped topics. */
  hideCompleted: 'aiRoadmap.hideCompleted',
  /** Some topic is done: the walkthrough's "Tick it off" step completes. */
  anyDone: 'aiRoadmap.anyDone',
  /**
   * An exercise was scaffolded in this window: the walkthrough's step completes on what happened,
   * not on the command starting (a step that completes moves the walkthrough on and takes the
   * focus, which would close the command's own quick pick).
   */
  exerciseScaffolded: 'aiRoadmap.exerciseScaffolded',
  /** An exercise's tests ran in this window (the walkthrough's "Check it" step). */
  exerciseChecked: 'aiRoadmap.exerciseChecked',
  /** The learner has a study plan on the current roadmap. */
  planStarted: 'aiRoadmap.planStarted',
  /** That plan is paused. */
  planPaused: 'aiRoadmap.planPaused',
  /** The setting aiRoadmap.exercises.watch is on: every exercise is watched. */
  watchAll: 'aiRoadmap.watchAll',
  /** The ids of the exercises watched by their eye button (a list: `in` clauses of the Test Explorer's menus). */
  watchedExercises: 'aiRoadmap.watchedExercises',
} as const;

export type ContextKey = keyof typeof CONTEXT_KEYS;

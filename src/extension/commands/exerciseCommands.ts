import { checkEnvironment } from '../exercises/checkEnvironment';
import { scaffoldExercise, type ScaffoldOptions } from '../exercises/scaffoldExercise';
import { exerciseIdOf, uriOf } from './commandArgs';
import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Scaffold and Check Exercise, Show Hint and Solution, Check Environment, Watch and Stop Watching. */
export function exerciseHandlers(s: Services): Pick<CommandHandlers, 'scaffoldExercise' | 'checkExercise' | 'showHint' | 'showSolution' | 'checkEnvironment' | 'watchExercise' | 'stopWatchingExercise'> {
  return {
    scaffoldExercise: (target, options) => scaffoldExercise(s.roadmaps, s.progress, exerciseIdOf(target), scaffoldOptionsOf(options)),
    checkExercise: (target, folder) => s.checker.check(exerciseIdOf(target), uriOf(folder)),
    showHint: (target) => s.help.showHint(exerciseIdOf(target)),
    showSolution: (target, confirmed) => s.help.showSolution(exerciseIdOf(target), confirmed === true),
    checkEnvironment: () => checkEnvironment(s.settings, s.log),
    watchExercise: (target) => s.watch.toggle(target, true),
    stopWatchingExercise: (target) => s.watch.toggle(target, false),
  };
}

/** Only the answers a caller may give; anything else is asked for. */
function scaffoldOptionsOf(value: unknown): ScaffoldOptions {
  if (!value || typeof value !== 'object') return {};
  const o = value as Record<string, unknown>;
  return {
    target: uriOf(o.target),
    onConflict: o.onConflict === 'skip' || o.onConflict === 'overwrite' || o.onConflict === 'cancel' ? o.onConflict : undefined,
    open: o.open === false ? false : undefined,
    onError: o.onError === 'throw' ? 'throw' : undefined,
  };
}

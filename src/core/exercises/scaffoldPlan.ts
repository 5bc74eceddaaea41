import { join } from '../util/posixPath';
import { safeRelativePath } from '../safePath';

export type ConflictChoice = 'skip' | 'overwrite' | 'cancel';

export interface ScaffoldPlan {
  /** Files to write, relative to the target folder. */
  write: string[];
  /** Files that exist and are left as they are. */
  skip: string[];
  /** Files that exist and will be replaced. */
  overwrite: string[];
}

/**
 * Which template files to write where, given the files that already exist in the target.
 * Template paths are checked: none may leave the target folder, whatever a template contains.
 */
export function planScaffold(templateFiles: readonly string[], existing: ReadonlySet<string>, choice: Exclude<ConflictChoice, 'cancel'>): ScaffoldPlan {
  const plan: ScaffoldPlan = { write: [], skip: [], overwrite: [] };
  for (const raw of templateFiles) {
    const rel = safeRelativePath(raw);
    if (!rel) throw new Error(`The template file "${raw}" would be written outside the exercise folder.`);
    if (!existing.has(rel)) plan.write.push(rel);
    else if (choice === 'overwrite') plan.overwrite.push(rel);
    else plan.skip.push(rel);
  }
  return plan;
}

/** The default folder of an exercise inside a workspace folder: exercises/<id>. */
export function defaultExerciseFolder(exerciseId: string): string {
  const safe = safeRelativePath(exerciseId);
  if (!safe || safe.includes('/')) throw new Error(`"${exerciseId}" is not a valid exercise id.`);
  return join('exercises', safe);
}

import type { ExerciseTemplate } from '../model';
import { safeRelativePath } from '../safePath';
import { parseYaml } from './yamlSource';

/** Reads an exercise.yaml; problems come back as sentences, never as exceptions. */
export function parseExerciseManifest(file: string, text: string, expectedId: string): { template?: ExerciseTemplate; problems: string[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return { problems: parsed.problems.map((p) => p.message) };
  const v = parsed.source.value as Record<string, unknown> | null;
  const problems: string[] = [];
  if (!v || typeof v !== 'object') return { problems: ['exercise.yaml must be a mapping.'] };
  if (v.id !== expectedId) problems.push(`its id is "${String(v.id)}", not "${expectedId}".`);
  const main = typeof v.main === 'string' ? safeRelativePath(v.main) : undefined;
  if (!main) problems.push('"main" must name the file the learner edits, inside the template folder.');
  const requires = Array.isArray(v.requires) && v.requires.every((r) => typeof r === 'string' && /^[A-Za-z_][\w.]*$/.test(r)) ? (v.requires as string[]) : undefined;
  if (v.requires !== undefined && !requires) problems.push('"requires" must be a list of Python module names.');
  const timeout = v.timeoutSeconds === undefined ? 120 : v.timeoutSeconds;
  if (typeof timeout !== 'number' || timeout <= 0 || timeout > 3600) problems.push('"timeoutSeconds" must be a number of seconds from 1 to 3600.');
  const hints = Array.isArray(v.hints) && v.hints.every((h) => typeof h === 'string') ? (v.hints as string[]) : undefined;
  if (v.hints !== undefined && !hints) problems.push('"hints" must be a list of strings.');
  if (problems.length) return { problems };
  return { template: { main: main!, requires: requires ?? [], timeoutSeconds: timeout as number, hints: hints ?? [] }, problems };
}

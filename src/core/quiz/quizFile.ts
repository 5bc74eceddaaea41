import type { Problem } from '../problem';
import { parseYaml } from '../loading/yamlSource';
import { checkQuizItems } from './quizCheck';
import type { QuizItem } from './quizModel';

/**
 * A `<note>.quiz.yaml` file: a mapping with `items:` (and an optional `$schema`). Parsed with the
 * loader's bounded YAML reader; every broken rule comes back as a problem at its line and column.
 */
export function parseQuizFile(file: string, text: string, topicId: string, taken: Set<string> = new Set()): { items: QuizItem[]; problems: Problem[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return { items: [], problems: parsed.problems };
  const { value, locate } = parsed.source;
  const error = (path: Array<string | number>, message: string): Problem => ({ file, ...locate(path), message, severity: 'error' });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { items: [], problems: [error([], 'A quiz file must hold a mapping with an "items:" list.')] };
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(value)) if (key !== 'items' && key !== '$schema') problems.push(error([key], `The quiz file has an unknown property "${key}"; it holds "items:" only.`));
  const raw = (value as { items?: unknown }).items;
  if (raw === undefined) return { items: [], problems: [...problems, error([], 'The quiz file has no "items:" list.')] };
  const { items, issues } = checkQuizItems(raw, topicId, taken);
  for (const i of issues) problems.push(error(['items', ...i.path], i.message));
  return { items, problems };
}

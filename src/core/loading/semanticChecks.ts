import { isWindowsReservedName, reservedNameMessage } from '../ids';
import type { Roadmap } from '../model';
import { IdSuggestions } from './idSuggestions';
import type { PathSegment } from './yamlSource';

/** Cycles named one by one; the rest are counted. */
export const MAX_CYCLES = 20;
/** Ids shown of a long cycle: its first and last few. */
const CYCLE_ENDS = 3;

/** A problem found in the assembled roadmap, at a path of the assembled value. */
export interface SemanticIssue {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'warning';
  /** Says where a limit stopped the checks: listed first, so a cap on problems never hides it. */
  summary?: true;
}

/** Checks that a schema cannot express: ids, references, cycles, URLs. */
export function checkSemantics(roadmap: Roadmap): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const error = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'error' });
  const warn = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'warning' });

  const reserved = (path: PathSegment[], what: string, id: string) => {
    if (isWindowsReservedName(id)) error(path, reservedNameMessage(what, id));
  };
  reserved(['id'], 'The roadmap id', roadmap.id);
  const layerIds = new Map<string, number>();
  const topicAt = new Map<string, [number, number]>();
  roadmap.layers.forEach((layer, li) => {
    reserved(['layers', li, 'id'], 'Layer id', layer.id);
    if (layerIds.has(layer.id)) error(['layers', li, 'id'], `Layer id "${layer.id}" is used twice; ids must be unique.`);
    layerIds.set(layer.id, li);
    layer.topics.forEach((topic, ti) => {
      reserved(['layers', li, 'topics', ti, 'id'], 'Topic id', topic.id);
      const seen = topicAt.get(topic.id);
      if (seen) {
        const other = roadmap.layers[seen[0]];
        error(['layers', li, 'topics', ti, 'id'], `Topic id "${topic.id}" is also used in layer "${other.id}"; topic ids must be unique.`);
      } else topicAt.set(topic.id, [li, ti]);
      if (layerIds.has(topic.id) && roadmap.layers[layerIds.get(topic.id)!] !== layer) {
        warn(['layers', li, 'topics', ti, 'id'], `Topic id "${topic.id}" is also a layer id; references to it are ambiguous.`);
      }
    });
  });

  const exerciseIds = new Map<string, number>();
  roadmap.exercises.forEach((ex, ei) => {
    reserved(['exercises', ei, 'id'], 'Exercise id', ex.id);
    if (exerciseIds.has(ex.id)) error(['exercises', ei, 'id'], `Exercise id "${ex.id}" is used twice; ids must be unique.`);
    exerciseIds.set(ex.id, ei);
    if (!topicAt.has(ex.topic)) error(['exercises', ei, 'topic'], `Exercise "${ex.id}" belongs to topic "${ex.topic}", which does not exist.`);
  });

  const topicSuggestions = new IdSuggestions(topicAt.keys());
  const exerciseSuggestions = new IdSuggestions(exerciseIds.keys());
  roadmap.layers.forEach((layer, li) => {
    if (layer.number !== li + 1) warn(['layers', li, 'number'], `Layer "${layer.id}" is number ${layer.number} but stands at position ${li + 1}.`);
    layer.topics.forEach((topic, ti) => {
      const base: PathSegment[] = ['layers', li, 'topics', ti];
      topic.prerequisites.forEach((pre, pi) => {
        if (pre === topic.id) error([...base, 'prerequisites', pi], `Topic "${topic.id}" lists itself as a prerequisite.`);
        else if (!topicAt.has(pre)) error([...base, 'prerequisites', pi], `Topic "${topic.id}" needs "${pre}", which is not a topic of this roadmap.${topicSuggestions.suggest(pre)}`);
      });
      topic.exercises.forEach((exId, xi) => {
        if (!exerciseIds.has(exId)) error([...base, 'exercises', xi], `Topic "${topic.id}" lists exercise "${exId}", which is not in the roadmap's exercises.${exerciseSuggestions.suggest(exId)}`);
      });
      topic.resources.forEach((r, ri) => {
        if (!isWebUrl(r.url)) error([...base, 'resources', ri, 'url'], `Resource "${r.title}" of topic "${topic.id}" must have an http or https address; "${truncate(r.url)}" is not one.`);
      });
    });
  });

  const skipped = topicSuggestions.skipped + exerciseSuggestions.skipped;
  if (skipped > 0) issues.push({ path: [], severity: 'warning', summary: true, message: `"Did you mean" suggestions stop after ${IdSuggestions.MAX_SEARCHES} unknown ids of each kind; ${count(skipped)} more unknown id${skipped === 1 ? '' : 's'} got none.` });

  const { cycles, more } = findPrerequisiteCycles(roadmap);
  for (const cycle of cycles) {
    const [li, ti] = topicAt.get(cycle[0])!;
    error(['layers', li, 'topics', ti, 'prerequisites'], `Prerequisites form a cycle: ${cycleName(cycle)}.`);
  }
  if (more > 0) {
    const [li, ti] = topicAt.get(cycles[0][0])!;
    issues.push({ path: ['layers', li, 'topics', ti, 'prerequisites'], severity: 'error', summary: true, message: `… and ${count(more)} more prerequisite cycle${more === 1 ? '' : 's'}; fix these ${MAX_CYCLES} first.` });
  }

  const known = (id: string) => topicAt.has(id) || layerIds.has(id);
  roadmap.practicalRoad.forEach((step, si) =>
    step.covers.forEach((id, ci) => {
      if (!known(id)) error(['practicalRoad', si, 'covers', ci], `Practical road step ${si + 1} covers "${id}", which is neither a layer nor a topic.`);
    }),
  );
  roadmap.plan?.months.forEach((m, mi) => {
    m.topics.forEach((id, ci) => {
      if (!known(id)) error(['plan', 'months', mi, 'topics', ci], `Month ${m.month} of the plan lists "${id}", which is neither a layer nor a topic.`);
    });
    if (m.month !== mi + 1) warn(['plan', 'months', mi, 'month'], `Month ${m.month} stands at position ${mi + 1} of the plan.`);
  });
  return issues;
}

/**
 * The cycles a depth-first search closes (one per back edge), the first `max` of them as the ids
 * along each, and how many more there are.
 */
export function findPrerequisiteCycles(roadmap: Roadmap, max = MAX_CYCLES): { cycles: string[][]; more: number } {
  const needs = new Map<string, string[]>();
  // The first topic with an id is the one references mean (duplicates are reported apart).
  for (const layer of roadmap.layers) for (const t of layer.topics) if (!needs.has(t.id)) needs.set(t.id, t.prerequisites);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  let more = 0;
  const stack: string[] = [];
  // Where each open id stands on the stack, so closing a cycle costs no search of the stack.
  const depthOf = new Map<string, number>();
  // Iterative, so a 10,000-topic chain cannot overflow the call stack.
  for (const start of needs.keys()) {
    if (state.has(start)) continue;
    const frames: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 'open');
    depthOf.set(start, stack.push(start) - 1);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const pres = needs.get(frame.id) ?? [];
      if (frame.next < pres.length) {
        const pre = pres[frame.next++];
        if (!needs.has(pre)) continue;
        const s = state.get(pre);
        if (s === 'open') {
          if (cycles.length < max) cycles.push(stack.slice(depthOf.get(pre)));
          else more++;
        } else if (!s) {
          state.set(pre, 'open');
          depthOf.set(pre, stack.push(pre) - 1);
          frames.push({ id: pre, next: 0 });
        }
      } else {
        state.set(frame.id, 'done');
        stack.pop();
        frames.pop();
      }
    }
  }
  return { cycles, more };
}

/** "a → b → c → a", or for a long cycle its ends and how many ids stand between. */
export function cycleName(cycle: string[]): string {
  const ring = [...cycle, cycle[0]];
  if (ring.length <= 2 * CYCLE_ENDS + 2) return ring.join(' → ');
  const hidden = ring.length - 2 * CYCLE_ENDS;
  return [...ring.slice(0, CYCLE_ENDS), `(${count(hidden)} more)`, ...ring.slice(-CYCLE_ENDS)].join(' → ');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}


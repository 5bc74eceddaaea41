import type { Roadmap } from '../model';
import type { PathSegment } from './yamlSource';

/** A problem found in the assembled roadmap, at a path of the assembled value. */
export interface SemanticIssue {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'warning';
}

/** Checks that a schema cannot express: ids, references, cycles, URLs. */
export function checkSemantics(roadmap: Roadmap): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const error = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'error' });
  const warn = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'warning' });

  const layerIds = new Map<string, number>();
  const topicAt = new Map<string, [number, number]>();
  roadmap.layers.forEach((layer, li) => {
    if (layerIds.has(layer.id)) error(['layers', li, 'id'], `Layer id "${layer.id}" is used twice; ids must be unique.`);
    layerIds.set(layer.id, li);
    layer.topics.forEach((topic, ti) => {
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
    if (exerciseIds.has(ex.id)) error(['exercises', ei, 'id'], `Exercise id "${ex.id}" is used twice; ids must be unique.`);
    exerciseIds.set(ex.id, ei);
    if (!topicAt.has(ex.topic)) error(['exercises', ei, 'topic'], `Exercise "${ex.id}" belongs to topic "${ex.topic}", which does not exist.`);
  });

  roadmap.layers.forEach((layer, li) => {
    if (layer.number !== li + 1) warn(['layers', li, 'number'], `Layer "${layer.id}" is number ${layer.number} but stands at position ${li + 1}.`);
    layer.topics.forEach((topic, ti) => {
      const base: PathSegment[] = ['layers', li, 'topics', ti];
      topic.prerequisites.forEach((pre, pi) => {
        if (pre === topic.id) error([...base, 'prerequisites', pi], `Topic "${topic.id}" lists itself as a prerequisite.`);
        else if (!topicAt.has(pre)) error([...base, 'prerequisites', pi], `Topic "${topic.id}" needs "${pre}", which is not a topic of this roadmap.${suggest(pre, topicAt.keys())}`);
      });
      topic.exercises.forEach((exId, xi) => {
        if (!exerciseIds.has(exId)) error([...base, 'exercises', xi], `Topic "${topic.id}" lists exercise "${exId}", which is not in the roadmap's exercises.${suggest(exId, exerciseIds.keys())}`);
      });
      topic.resources.forEach((r, ri) => {
        if (!isWebUrl(r.url)) error([...base, 'resources', ri, 'url'], `Resource "${r.title}" of topic "${topic.id}" must have an http or https address; "${truncate(r.url)}" is not one.`);
      });
    });
  });

  for (const cycle of findPrerequisiteCycles(roadmap)) {
    const [li, ti] = topicAt.get(cycle[0])!;
    error(['layers', li, 'topics', ti, 'prerequisites'], `Prerequisites form a cycle: ${[...cycle, cycle[0]].join(' → ')}.`);
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

/** Each elementary cycle found by a depth-first search, as the ids along it. */
export function findPrerequisiteCycles(roadmap: Roadmap): string[][] {
  const needs = new Map<string, string[]>();
  // The first topic with an id is the one references mean (duplicates are reported apart).
  for (const layer of roadmap.layers) for (const t of layer.topics) if (!needs.has(t.id)) needs.set(t.id, t.prerequisites);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  // Iterative, so a 10,000-topic chain cannot overflow the call stack.
  for (const start of needs.keys()) {
    if (state.has(start)) continue;
    const frames: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 'open');
    stack.push(start);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const pres = needs.get(frame.id) ?? [];
      if (frame.next < pres.length) {
        const pre = pres[frame.next++];
        if (!needs.has(pre)) continue;
        const s = state.get(pre);
        if (s === 'open') cycles.push(stack.slice(stack.indexOf(pre)));
        else if (!s) {
          state.set(pre, 'open');
          stack.push(pre);
          frames.push({ id: pre, next: 0 });
        }
      } else {
        state.set(frame.id, 'done');
        stack.pop();
        frames.pop();
      }
    }
  }
  return cycles;
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

/** " Did you mean …?" when one known id is a small edit away. */
function suggest(id: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDist = 3;
  for (const k of known) {
    if (Math.abs(k.length - id.length) >= bestDist) continue;
    const d = editDistance(id, k, bestDist);
    if (d < bestDist) [best, bestDist] = [k, d];
  }
  return best ? ` Did you mean "${best}"?` : '';
}

function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}

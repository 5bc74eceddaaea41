import { isWindowsReservedName, reservedNameMessage } from '../ids';
import type { Roadmap, Topic } from '../model';
import { subtopicsOf, topicName, topicPlaces } from '../topicUnits';
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

export interface SemanticOptions {
  /**
   * Why part of the roadmap could not be read ("the layer file "x.yaml" could not be read"):
   * references are then not checked, as what they name may be in that part.
   */
  incomplete?: string;
}

/** Where an id of the shared namespace (layers, topics, sub-topics) was first used. */
interface IdOwner {
  path: PathSegment[];
  /** 'layer #2', 'topic "t" in layer "l"'. */
  name: string;
}

/**
 * Checks that a schema cannot express: ids, references, cycles, URLs. Runs on a roadmap read
 * leniently: an id that could not be read is "" and is skipped, never taken for a reference.
 */
export function checkSemantics(roadmap: Roadmap, options: SemanticOptions = {}): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const error = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'error' });
  const warn = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'warning' });
  const checkRefs = options.incomplete === undefined;

  const reserved = (path: PathSegment[], what: string, id: string) => {
    if (isWindowsReservedName(id)) error(path, reservedNameMessage(what, id));
  };
  reserved(['id'], 'The roadmap id', roadmap.id);
  // Layers, topics and sub-topics share one namespace: every id after its first use is reported,
  // in reading order, so a clash is found whichever of the two comes first.
  const owners = new Map<string, IdOwner>();
  const layerIds = new Set<string>();
  const topicIds = new Set<string>();
  const claim = (id: string, owner: IdOwner, what: string) => {
    if (!id) return;
    const first = owners.get(id);
    if (first) error(owner.path, `${what} is also the id of ${first.name}; layers, topics and sub-topics share one set of ids, so each must be unique.`);
    else owners.set(id, owner);
  };
  const places = topicPlaces(roadmap);
  let next = 0;
  roadmap.layers.forEach((layer, li) => {
    const path = ['layers', li, 'id'];
    reserved(path, 'Layer id', layer.id);
    claim(layer.id, { path, name: `layer #${li + 1}` }, `Layer id "${layer.id}" (layer #${li + 1})`);
    if (layer.id) layerIds.add(layer.id);
    const inLayer = layer.id ? ` in layer "${layer.id}"` : ` in layer #${li + 1}`;
    for (; next < places.length && places[next].layerIndex === li; next++) {
      const { topic, parent, path: at } = places[next];
      const idPath = [...at, 'id'];
      reserved(idPath, parent ? 'Sub-topic id' : 'Topic id', topic.id);
      // The first use is named by its position, so two equal ids in one layer read apart.
      const position = `${parent ? 'sub-topic' : 'topic'} #${Number(at[at.length - 1]) + 1}`;
      const of = parent ? ` of topic "${parent.id}"` : '';
      claim(topic.id, { path: idPath, name: `${position}${of}${inLayer}` }, `${parent ? 'Sub-topic' : 'Topic'} id "${topic.id}"${of}${inLayer}`);
      if (topic.id) topicIds.add(topic.id);
    }
  });

  const exerciseIds = new Map<string, number>();
  roadmap.exercises.forEach((ex, ei) => {
    reserved(['exercises', ei, 'id'], 'Exercise id', ex.id);
    if (ex.id && exerciseIds.has(ex.id)) error(['exercises', ei, 'id'], `Exercise id "${ex.id}" is used twice (exercises #${exerciseIds.get(ex.id)! + 1} and #${ei + 1}); ids must be unique.`);
    else if (ex.id) exerciseIds.set(ex.id, ei);
    if (checkRefs && ex.topic && !topicIds.has(ex.topic)) error(['exercises', ei, 'topic'], `Exercise "${ex.id}" belongs to topic "${ex.topic}", which is neither a topic nor a sub-topic of this roadmap.`);
  });

  const topicSuggestions = new IdSuggestions(topicIds);
  const exerciseSuggestions = new IdSuggestions(exerciseIds.keys());
  roadmap.layers.forEach((layer, li) => {
    if (layer.number !== li + 1) warn(['layers', li, 'number'], `Layer "${layer.id}" is number ${layer.number} but stands at position ${li + 1}; leave "number" out and the position gives it.`);
  });
  for (const p of places) {
    const { topic, path: base } = p;
    const name = capital(topicName(p));
    topic.prerequisites.forEach((pre, pi) => {
      if (!pre) return;
      if (pre === topic.id) error([...base, 'prerequisites', pi], `${name} lists itself as a prerequisite.`);
      else if (checkRefs && !topicIds.has(pre)) error([...base, 'prerequisites', pi], `${name} needs "${pre}", which is neither a topic nor a sub-topic of this roadmap.${topicSuggestions.suggest(pre)}`);
    });
    topic.exercises.forEach((exId, xi) => {
      if (exId && !exerciseIds.has(exId)) error([...base, 'exercises', xi], `${name} lists exercise "${exId}", which is not in the roadmap's exercises.${exerciseSuggestions.suggest(exId)}`);
    });
    topic.resources.forEach((r, ri) => {
      if (r.url && !isWebUrl(r.url)) error([...base, 'resources', ri, 'url'], `Resource "${r.title}" of ${topicName(p)} must have an http or https address; "${truncate(r.url)}" is not one.`);
    });
  }

  const skipped = topicSuggestions.skipped + exerciseSuggestions.skipped;
  if (skipped > 0) issues.push({ path: [], severity: 'warning', summary: true, message: `"Did you mean" suggestions stop after ${IdSuggestions.MAX_SEARCHES} unknown ids of each kind; ${count(skipped)} more unknown id${skipped === 1 ? '' : 's'} got none.` });
  if (!checkRefs) issues.push({ path: [], severity: 'warning', summary: true, message: `The ids that prerequisites, exercises, the practical road and the plan name were not checked, as ${options.incomplete}; fix that first.` });

  const pathOf = new Map<string, PathSegment[]>();
  for (const p of places) if (p.topic.id && !pathOf.has(p.topic.id)) pathOf.set(p.topic.id, p.path);
  const { cycles, more } = findPrerequisiteCycles(roadmap);
  for (const cycle of cycles) error([...pathOf.get(cycle[0])!, 'prerequisites'], `Prerequisites form a cycle: ${cycleName(cycle)}.`);
  if (more > 0) {
    issues.push({ path: [...pathOf.get(cycles[0][0])!, 'prerequisites'], severity: 'error', summary: true, message: `… and ${count(more)} more prerequisite cycle${more === 1 ? '' : 's'}; fix these ${MAX_CYCLES} first.` });
  }

  if (!checkRefs) return issues;
  const known = (id: string) => !id || topicIds.has(id) || layerIds.has(id);
  roadmap.practicalRoad.forEach((step, si) =>
    step.covers.forEach((id, ci) => {
      if (!known(id)) error(['practicalRoad', si, 'covers', ci], `Practical road step ${si + 1} covers "${id}", which is not a layer, topic or sub-topic of this roadmap.${topicSuggestions.suggest(id)}`);
    }),
  );
  roadmap.plan?.months.forEach((m, mi) => {
    m.topics.forEach((id, ci) => {
      if (!known(id)) error(['plan', 'months', mi, 'topics', ci], `Month ${m.month} of the plan lists "${id}", which is not a layer, topic or sub-topic of this roadmap.${topicSuggestions.suggest(id)}`);
    });
    if (m.month !== mi + 1) warn(['plan', 'months', mi, 'month'], `Month ${m.month} stands at position ${mi + 1} of the plan.`);
  });
  return issues;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The cycles a depth-first search closes (one per back edge), the first `max` of them as the ids
 * along each, and how many more there are.
 */
export function findPrerequisiteCycles(roadmap: Roadmap, max = MAX_CYCLES): { cycles: string[][]; more: number } {
  const needs = new Map<string, string[]>();
  // The first topic with an id is the one references mean (duplicates are reported apart).
  const add = (t: Topic) => {
    if (t.id && !needs.has(t.id)) needs.set(t.id, t.prerequisites);
  };
  for (const layer of roadmap.layers) {
    for (const t of layer.topics) {
      add(t);
      for (const s of subtopicsOf(t)) add(s);
    }
  }
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


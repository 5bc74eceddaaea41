import { dirname, join } from '../util/posixPath';
import { isWindowsReservedName, reservedPartMessage } from '../ids';
import type { ExerciseEntry, Roadmap } from '../model';
import { topicName, topicPlaces } from '../topicUnits';
import type { Problem } from '../problem';
import { resolveSibling, safeRelativePath } from '../safePath';
import type { RoadmapFiles } from './roadmapFiles';
import { parseExerciseManifest } from './exerciseManifest';
import { readModel } from './readModel';
import { checkSemantics } from './semanticChecks';
import { attachQuizzes } from './topicQuizzes';
import { validateLayerShape, validateRoadmapShape } from './schemaValidation';
import { LIMITS, parseYaml, type PathSegment, type YamlSource } from './yamlSource';

export { parseQuizFile } from '../quiz/quizFile';

export type LoadResult =
  | { ok: true; roadmap: Roadmap; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export interface LoadOptions {
  /** Check that each topic's notes file exists (one stat per topic). Default true. */
  checkFiles?: boolean;
}

/** Problems reported one by one; the rest are counted in a last one. */
export const MAX_PROBLEMS = 500;

/** Where each layer of the assembled roadmap came from, to turn value paths into file positions. */
interface LayerOrigin {
  source: YamlSource;
  base: PathSegment[];
}

/**
 * Loads a roadmap (entry file relative to `files`' root) and checks it completely.
 * Never throws: bad input of any kind comes back as problems with file, line and column.
 */
export async function loadRoadmap(files: RoadmapFiles, entry = 'roadmap.yaml', options: LoadOptions = {}): Promise<LoadResult> {
  try {
    return capProblems(await load(files, entry, options), entry);
  } catch (e) {
    // A last guard: a bug of ours must not become an exception in the editor.
    return { ok: false, problems: [problemAt(entry, 1, 1, `The roadmap could not be loaded: ${(e as Error).message}`)] };
  }
}

async function load(files: RoadmapFiles, entry: string, options: LoadOptions): Promise<LoadResult> {
  const budget = { left: LIMITS.maxRoadmapBytes };
  const root = await readYaml(files, entry, entry, budget);
  if ('problems' in root) return { ok: false, problems: root.problems };
  const problems: Problem[] = [];
  const fromIssues = (source: YamlSource, issues: Array<{ path: PathSegment[]; message: string }>) =>
    issues.forEach((i) => problems.push({ file: source.file, ...source.locate(i.path), message: i.message, severity: 'error' }));

  // Every check runs on what could be read, so an author sees all problems in one pass: the
  // schema's, and the references, duplicates and cycles of the parts that parsed.
  fromIssues(root, validateRoadmapShape(root.value));
  const raw = root.value as Record<string, unknown>;
  const items = Array.isArray(raw.layers) ? raw.layers : [];
  // A layer that could not be read keeps its place (an empty one), so paths of the others stay right.
  const origins: LayerOrigin[] = [];
  const layers: unknown[] = [];
  const unread: string[] = [];
  const layerFiles = new Set<string>();
  for (const [i, item] of items.entries()) {
    const inline = () => {
      origins.push({ source: root, base: ['layers', i] });
      layers.push(item);
    };
    if (typeof item !== 'string') {
      // Not a layer object either (a number, a list): the roadmap's schema check has said so.
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) fromIssues(root, validateLayerShape(item, ['layers', i]));
      inline();
      continue;
    }
    const at = root.locate(['layers', i]);
    const skip = (message?: string) => {
      if (message) problems.push(problemAt(entry, at.line, at.column, message));
      unread.push(item);
      origins.push({ source: root, base: ['layers', i] });
      layers.push({});
    };
    const rel = resolveSibling(entry, item);
    if (!rel) {
      skip(`Layer file "${item}" must be a relative path inside the roadmap's folder.`);
      continue;
    }
    const reserved = rel.split('/').find(isWindowsReservedName);
    if (reserved) {
      skip(reservedPartMessage(`Layer file "${item}"`, reserved));
      continue;
    }
    if (layerFiles.has(rel)) {
      skip(`Layer file "${item}" is listed twice; list each layer file once.`);
      continue;
    }
    layerFiles.add(rel);
    const layerSource = await readYaml(files, rel, entry, budget, at);
    if ('problems' in layerSource) {
      problems.push(...layerSource.problems);
      skip();
      continue;
    }
    fromIssues(layerSource, validateLayerShape(layerSource.value, [], i));
    origins.push({ source: layerSource, base: [] });
    layers.push(layerSource.value);
  }

  const roadmap = readModel(raw, layers);
  const place = (path: PathSegment[]) => {
    if (path[0] === 'layers' && typeof path[1] === 'number' && origins[path[1]]) {
      const o = origins[path[1]];
      const p = [...o.base, ...path.slice(2)];
      return { file: o.source.file, ...o.source.locate(p) };
    }
    return { file: entry, ...root.locate(path) };
  };
  const warnings: Problem[] = [];
  const summaries: Problem[] = [];
  const incomplete = !Array.isArray(raw.layers)
    ? 'the roadmap has no readable list of layers'
    : unread.length > 0
      ? `${unread.length === 1 ? 'the layer file' : 'the layer files'} ${unread.map((f) => `"${f}"`).join(', ')} could not be read`
      : undefined;
  const issues = checkSemantics(roadmap, { incomplete });
  // Placing an issue looks it up in the YAML; those beyond the cap are only counted.
  for (const [i, issue] of issues.entries()) {
    const where = i < MAX_PROBLEMS || issue.summary ? place(issue.path) : { file: entry, line: 1, column: 1 };
    (issue.summary ? summaries : issue.severity === 'error' ? problems : warnings).push({ ...where, message: issue.message, severity: issue.severity });
  }
  if (options.checkFiles !== false) {
    for (const p of await checkReferencedFiles(files, entry, roadmap)) problems.push({ ...place(p.path), message: p.message, severity: 'error' });
  }
  for (const p of await attachQuizzes(files, dirname(entry), roadmap, budget, place, options.checkFiles !== false)) (p.severity === 'error' ? problems : warnings).push(p);
  // The notes on where a limit stopped the checks lead, so the cap on problems keeps them.
  if (problems.length === 0 && summaries.every((s) => s.severity === 'warning')) return { ok: true, roadmap, warnings: [...summaries, ...warnings] };
  return { ok: false, problems: [...summaries, ...problems, ...warnings] };
}

async function readYaml(files: RoadmapFiles, rel: string, from: string, budget: { left: number }, at = { line: 1, column: 1 }): Promise<YamlSource | { problems: Problem[] }> {
  let size: number | undefined;
  let text: string | undefined;
  try {
    size = await files.size(rel);
    if (size === undefined) return { problems: [problemAt(from, at.line, at.column, `The file "${rel}" does not exist.`)] };
    if (size > LIMITS.maxFileBytes) {
      return { problems: [problemAt(rel, 1, 1, `The file is ${(size / 1048576).toFixed(1)} MB; roadmap files may be at most ${LIMITS.maxFileBytes / 1048576} MB.`)] };
    }
    if (size > budget.left) {
      const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
      return { problems: [problemAt(from, at.line, at.column, `The file "${rel}" (${mb(size)}) does not fit: the YAML files of one roadmap may hold at most ${mb(LIMITS.maxRoadmapBytes)} together, and ${mb(LIMITS.maxRoadmapBytes - budget.left)} are read already.`)] };
    }
    budget.left -= size;
    text = await files.readText(rel);
  } catch (e) {
    // A refusal of the reader (a link out of the folder, a device, a file too big): its sentence says why.
    return { problems: [problemAt(from, at.line, at.column, (e as Error).message)] };
  }
  if (text === undefined) return { problems: [problemAt(from, at.line, at.column, `The file "${rel}" could not be read.`)] };
  const parsed = parseYaml(rel, text);
  if (!parsed.ok) return { problems: parsed.problems };
  const v = parsed.source.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return { problems: [problemAt(rel, 1, 1, 'The file must hold a YAML mapping (key: value pairs), not a list or a single value.')] };
  }
  return parsed.source;
}

/** Notes and exercise folders must exist and stay inside the roadmap's folder. */
async function checkReferencedFiles(files: RoadmapFiles, entry: string, roadmap: Roadmap) {
  const found: Array<{ path: PathSegment[]; message: string }> = [];
  const base = dirname(entry);
  const checks: Array<Promise<void>> = [];
  const check = (rel: string, path: PathSegment[], what: string) => {
    const safe = safeRelativePath(rel);
    if (!safe) {
      found.push({ path, message: `${what} must be a relative path inside the roadmap's folder.` });
      return;
    }
    const reserved = safe.split('/').find(isWindowsReservedName);
    if (reserved) {
      found.push({ path, message: reservedPartMessage(what, reserved) });
      return;
    }
    checks.push(
      files.size(join(base, safe)).then(
        (size) => {
          if (size === undefined) found.push({ path, message: `${what} does not exist.` });
        },
        (e: Error) => void found.push({ path, message: `${what}: ${e.message}` }),
      ),
    );
  };
  for (const p of topicPlaces(roadmap)) {
    if (p.topic.notes) check(p.topic.notes, [...p.path, 'notes'], `The notes file "${p.topic.notes}" of ${topicName(p)}`);
  }
  roadmap.exercises.forEach((e, ei) => {
    if (!e.path) return;
    check(e.path, ['exercises', ei, 'path'], `The template folder "${e.path}" of exercise "${e.id}"`);
    const safe = safeRelativePath(e.path);
    if (safe) checks.push(readManifest(files, join(base, safe), e, ['exercises', ei, 'path'], found));
  });
  await Promise.all(checks);
  return found;
}

/** Attaches the exercise.yaml of a template folder to its exercise, or reports why it cannot. */
async function readManifest(files: RoadmapFiles, dir: string, exercise: ExerciseEntry, path: PathSegment[], found: Array<{ path: PathSegment[]; message: string }>) {
  const file = join(dir, 'exercise.yaml');
  // A missing or refused folder is reported by the existence check.
  if ((await files.size(dir).catch(() => undefined)) === undefined) return;
  let text: string | undefined;
  try {
    const size = await files.size(file);
    text = size !== undefined && size < LIMITS.maxFileBytes ? await files.readText(file) : undefined;
  } catch (e) {
    found.push({ path, message: (e as Error).message });
    return;
  }
  if (text === undefined) {
    found.push({ path, message: `The template folder of exercise "${exercise.id}" has no readable exercise.yaml.` });
    return;
  }
  const { template, problems } = parseExerciseManifest(file, text, exercise.id);
  if (template) exercise.template = template;
  for (const p of problems) found.push({ path, message: `${file}: ${p}` });
}

/** At most MAX_PROBLEMS problems, errors first, then one that says how many more there are. */
function capProblems(result: LoadResult, entry: string): LoadResult {
  const list = result.ok ? result.warnings : result.problems;
  if (list.length <= MAX_PROBLEMS) return result;
  const kept = list.slice(0, MAX_PROBLEMS);
  const more = list.length - MAX_PROBLEMS;
  kept.push({ file: entry, line: 1, column: 1, message: `… and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'}; the first ${MAX_PROBLEMS} are listed, fix those first.`, severity: result.ok ? 'warning' : 'error' });
  return result.ok ? { ...result, warnings: kept } : { ok: false, problems: kept };
}

function problemAt(file: string, line: number, column: number, message: string): Problem {
  return { file, line, column, message, severity: 'error' };
}

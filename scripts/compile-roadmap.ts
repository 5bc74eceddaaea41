// Build step: validates the built-in roadmap with the same loader users' roadmaps go through,
// and writes it as one compact JSON index, so activation parses no YAML. Fails the build on any
// problem. Also writes the content pack: every note and exercise file the roadmap names, in one
// JSON file compressed with Zstandard (src/extension/builtInContent.ts serves it). One stream lets
// notes share their words and each solution cost little beside its template; zstd's window spans
// the whole pack, where the vsix's deflate sees only the last 32 KB (about 530 KB against 650 KB).
import { compress, init as initZstd } from '@bokuweb/zstd-wasm';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRoadmap } from '../src/core/loading/loadRoadmap';
import type { Roadmap } from '../src/core/model';
import { nodeRoadmapFiles } from '../src/node/roadmapFiles';
import { formatProblem } from '../src/core/problem';
import { notePictureFiles } from '../src/core/render/notePictureFiles';

/** Files below a folder, relative to it, sorted; caches left out. */
function walk(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true })
    .filter((d) => d.name !== '__pycache__' && d.name !== '.pytest_cache')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => (d.isDirectory() ? walk(root, `${rel}${d.name}/`) : [`${rel}${d.name}`]));
}

/** The pack: text files as they are, pictures that are not text (PNG, JPEG...) in base64. */
export interface ContentPack {
  files: Record<string, string>;
  binary: Record<string, string>;
}

export function contentPack(rootDir: string, roadmap: Roadmap): ContentPack {
  const files: Record<string, string> = {};
  const binary: Record<string, string> = {};
  const add = (rel: string, orBinary = false) => {
    const bytes = readFileSync(join(rootDir, rel));
    const text = bytes.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(bytes)) files[rel] = text;
    else if (orBinary) binary[rel] = bytes.toString('base64');
    else throw new Error(`${rootDir}/${rel} is not UTF-8 text; the content pack holds text only.`);
  };
  for (const layer of roadmap.layers) {
    for (const t of layer.topics) {
      if (t.quiz?.file) add(t.quiz.file);
      if (!t.notes) continue;
      add(t.notes);
      // The pictures the note shows travel with it (a missing one is shown as missing, as for authors).
      for (const picture of notePictureFiles(files[t.notes], t.notes)) if (existsSync(join(rootDir, picture))) add(picture, true);
    }
  }
  for (const ex of roadmap.exercises) {
    if (!ex.path) continue;
    const template = walk(join(rootDir, ex.path, 'template'));
    const solution = walk(join(rootDir, ex.path, 'solution'));
    // Each solution file right after its template file, within the compressor's reach.
    for (const f of template) {
      add(`${ex.path}/template/${f}`);
      if (solution.includes(f)) add(`${ex.path}/solution/${f}`);
    }
    for (const f of solution) if (!template.includes(f)) add(`${ex.path}/solution/${f}`);
  }
  return { files, binary };
}

/**
 * The index the extension reads at activation: a quiz keeps only its item ids and its file, and
 * the items are read from the content pack when the learner opens the quiz.
 */
export function indexOf(roadmap: Roadmap): Roadmap {
  return {
    ...roadmap,
    layers: roadmap.layers.map((l) => ({ ...l, topics: l.topics.map((t) => (t.quiz ? { ...t, quiz: { ids: t.quiz.ids, file: t.quiz.file } } : t)) })),
  };
}

/** The pack as one zstd frame: level 19 for the package, a fast level for development builds. */
export async function compressPack(pack: ContentPack, level: number): Promise<Uint8Array> {
  await initZstd();
  return compress(Buffer.from(JSON.stringify(pack)), level);
}

async function main() {
  const fast = process.argv.includes('--fast');
  const [rootDir = 'roadmap', outFile = 'dist/roadmap.json', packFile = 'dist/content.json.zst'] = process.argv.slice(2).filter((a) => a !== '--fast');
  const result = await loadRoadmap(nodeRoadmapFiles(rootDir));
  if (!result.ok) {
    for (const p of result.problems) console.error(formatProblem({ ...p, file: `${rootDir}/${p.file}` }));
    console.error(`The built-in roadmap has ${result.problems.length} problem(s).`);
    process.exit(1);
  }
  for (const w of result.warnings) console.warn(formatProblem({ ...w, file: `${rootDir}/${w.file}` }));
  const inline = result.roadmap.layers.flatMap((l) => l.topics).filter((t) => t.quiz && !t.quiz.file);
  if (inline.length) {
    console.error(`Built-in quizzes live in <note>.quiz.yaml files, not on the topic: ${inline.map((t) => t.id).join(', ')}.`);
    process.exit(1);
  }
  writeFileSync(outFile, JSON.stringify(indexOf(result.roadmap)));
  writeFileSync(packFile, await compressPack(contentPack(rootDir, result.roadmap), fast ? 3 : 19));
}

void main();

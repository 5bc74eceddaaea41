// ai-roadmap-validate: the roadmap loader of the extension, on the command line, for a course
// repository's CI. It prints every problem as file:line:col: severity: message and exits 1 when
// there is an error. With --import-outline it turns a markdown outline into a new roadmap folder.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { importOutline, MAX_OUTLINE_BYTES } from '../core/authoring/outlineImport';
import { titleFromName } from '../core/authoring/slugs';
import { loadRoadmap } from '../core/loading/loadRoadmap';
import { formatProblem, type Problem } from '../core/problem';
import { writeNewFolder } from './newFolder';
import { nodeRoadmapFiles } from './roadmapFiles';

const USAGE = `Usage:
  ai-roadmap-validate <roadmap.yaml | folder>
      Checks a roadmap (a folder means its roadmap.yaml) with the loader of the AI Roadmap extension.
      Prints each problem as file:line:col: severity: message. Exit code: 0 no error (warnings
      allowed), 1 errors, 2 a usage error.
  ai-roadmap-validate --import-outline <outline.md> <new-folder>
      Turns a markdown outline (# layer, ## topic, ### sub-topic, links as resources, text as
      notes) into a new roadmap folder, then checks it. Never overwrites: refuses a folder that exists.
  ai-roadmap-validate --help`;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}

/** Runs the command line `args` (without node and the script); resolves to the exit code. */
export async function main(args: string[], io: Output): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    if (args[0] === '--import-outline') {
      if (args.length !== 3) throw new UsageError('--import-outline takes an outline file and a new folder.');
      return await importCommand(args[1], args[2], io);
    }
    const unknown = args.find((a) => a.startsWith('-'));
    if (unknown) throw new UsageError(`Unknown option "${unknown}".`);
    if (args.length !== 1) throw new UsageError(args.length ? 'Give one roadmap file or folder.' : 'Give the roadmap file to check.');
    return await validateCommand(args[0], io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ai-roadmap-validate: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`ai-roadmap-validate: ${(e as Error).message}`);
    return 1;
  }
}

async function validateCommand(path: string, io: Output): Promise<number> {
  const kind = await stat(path).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => undefined);
  if (!kind) throw new UsageError(`There is no file or folder "${path}".`);
  const file = kind === 'folder' ? join(path, 'roadmap.yaml') : path;
  return report(file, io);
}

/** Loads `file` and prints its problems with paths as the user gave them; the exit code. */
async function report(file: string, io: Output): Promise<number> {
  const root = dirname(file);
  const result = await loadRoadmap(nodeRoadmapFiles(root), basename(file));
  const problems: Problem[] = result.ok ? result.warnings : result.problems;
  for (const p of problems) io.out(formatProblem({ ...p, file: join(root, p.file) }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counted = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  io.err(result.ok ? `${file}: "${result.roadmap.title}" loads, ${counted}.` : `${file}: ${counted}.`);
  return errors ? 1 : 0;
}

async function importCommand(outline: string, target: string, io: Output): Promise<number> {
  const size = await stat(outline).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
  if (size === undefined) throw new UsageError(`There is no outline file "${outline}".`);
  if (size > MAX_OUTLINE_BYTES) throw new Error(`"${outline}" is larger than ${MAX_OUTLINE_BYTES / 1024 / 1024} MB, the most that is imported.`);
  const title = titleFromName(basename(target)) || titleFromName(basename(outline, extname(outline))) || 'My roadmap';
  const imported = importOutline(await readFile(outline, 'utf8'), { title });
  await writeNewFolder(target, imported.files);
  for (const r of imported.remarks) io.out(`${outline}:${r.line}:1: warning: ${r.message}`);
  const { layers, topics, subtopics, resources } = imported.counts;
  io.err(`Wrote ${relative(process.cwd(), target) || target}: ${plural(layers, 'layer')}, ${plural(topics, 'topic')}, ${plural(subtopics, 'sub-topic')}, ${plural(resources, 'resource')}.`);
  return report(join(target, 'roadmap.yaml'), io);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => {
    process.exitCode = code;
  });
}

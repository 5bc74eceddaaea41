// `npm run bench`: measured figures, each beside its floor where one exists. Not a test:
// it prints numbers and never fails on them. Flags: --no-host (skip real VS Code), --no-exercises,
// --hostile-only, --hold-only, --plan-only, --papers-only, --snippets-only, --authoring-only, --map-only,
// --activation-only, --quiz-only.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Roadmap } from '../src/core/model';
import { activationRows } from './bench/activationBench';
import { authoringRows } from './bench/authoringBench';
import { bundleRows } from './bench/bundleBench';
import { exerciseRows } from './bench/exerciseBench';
import { exerciseTestsRows } from './bench/exerciseTestsBench';
import { hostHoldRows } from './bench/hostHoldBench';
import { hostileRows } from './bench/hostileBench';
import { builtInRoadmapRows, loaderRows } from './bench/loaderBench';
import { mapHostRows, mapLayoutRows } from './bench/mapBench';
import { kb, printTable } from './bench/measure';
import { openNotesRows } from './bench/openNotesBench';
import { papersRows } from './bench/papersBench';
import { planRows } from './bench/planBench';
import { quizHostRows } from './bench/quizHostBench';
import { quizRows } from './bench/quizBench';
import { renderRows } from './bench/renderBench';
import { snippetRows } from './bench/snippetBench';
import { treeRows } from './bench/treeBench';

async function main() {
  const root = resolve(__dirname, '..', '..');
  const args = new Set(process.argv.slice(2));
  console.log(`AI Roadmap bench, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores`);
  // --hostile-only: just the table of issue 11's bounds (minutes on a loaded machine).
  // --hold-only: the longest hold of the host while an author's roadmap loads, on the workers and in one piece.
  if (args.has('--hold-only')) return printTable("Loading an author's roadmap: the longest hold of the host thread", await hostHoldRows(root));
  if (args.has('--hostile-only')) return printTable('Hostile input, the worst case of each bound (median of 3, after a warm-up)', await hostileRows(root));
  // --plan-only: just the study plan's rows (issue 16's goal), for a quick look on a quiet machine.
  if (args.has('--plan-only')) return printTable('Study plan (median of 11, calendar of 3, after a warm-up)', await planRows());
  if (args.has('--papers-only')) return printTable('Reading list (median, alternating with the floor, after warm-ups)', papersRows(root));
  // --quiz-only: issue 13's figures (one answer, the due list, a topic opened with its quiz), and
  // (without --no-host) the topic opened with and without its quiz in the real host.
  if (args.has('--quiz-only')) {
    printTable('Quizzes and review (median, alternating with the floor, after warm-ups)', await quizRows(root));
    if (!args.has('--no-host')) printTable('Quizzes in the real VS Code 1.100.3 host', await quizHostRows(root));
    return;
  }
  if (args.has('--snippets-only')) return printTable('Runnable notes (median of 11, alternating with the floor, after a warm-up)', await snippetRows());
  // --authoring-only: issue 15's figures, a teacher's roadmap loaded cold and the warm loads.
  if (args.has('--authoring-only')) {
    printTable("A teacher's roadmap, cold, each in a fresh process (median of 7, alternating with the floor)", authoringRows(root));
    return printTable('Roadmap loader (median of 5, after a warm-up)', await loaderRows());
  }
  // --activation-only: issue 10's goal, ours beside the built-in Markdown extension in the same windows.
  if (args.has('--activation-only')) {
    const size = { figure: 'dist/extension.js, what activation loads (production build; 256.6 KB before dist/features.js was split off)', value: kb(statSync(resolve(root, 'dist', 'extension.js')).size) };
    const boot = { figure: 'dist/boot.js, the entry that evaluates it with the code cache', value: kb(statSync(resolve(root, 'dist', 'boot.js')).size) };
    const features = resolve(root, 'dist', 'features.js');
    const lazyPart = existsSync(features) ? [{ figure: 'dist/features.js, evaluated on the first command or restored panel', value: kb(statSync(features).size) }] : [];
    return printTable('Activation in the real VS Code 1.100.3 host (7 fresh servers, a first and a later window each)', [size, boot, ...lazyPart, ...(await activationRows(7))]);
  }
  // --map-only: the map's layout beside bare dagre, and (without --no-host) its figures in the real host.
  if (args.has('--map-only')) {
    printTable('Map (after a warm-up, alternating with the floor)', await mapLayoutRows());
    if (!args.has('--no-host')) printTable('Map in the real VS Code 1.100.3 host', await mapHostRows());
    return;
  }
  printTable('Bundles (production build)', bundleRows(root));
  printTable('Roadmap loader (median of 5, after a warm-up)', await loaderRows());
  printTable("A teacher's roadmap, cold, each in a fresh process (median of 7, alternating with the floor)", authoringRows(root));
  // --compare-roadmap=DIR: an older roadmap/ (e.g. from `git archive REV roadmap`) measured beside today's.
  const compare = process.argv.find((a) => a.startsWith('--compare-roadmap='))?.split('=')[1];
  const builtIn = [{ label: 'this', dir: resolve(root, 'roadmap') }, ...(compare ? [{ label: 'the compared', dir: resolve(compare) }] : [])];
  printTable('Built-in roadmap compile (median of 5, after a warm-up)', await builtInRoadmapRows(builtIn));
  printTable('Sidebar tree (median of 5, after a warm-up)', await treeRows());
  printTable('Hostile input, the worst case of each bound (median of 3, after a warm-up)', await hostileRows(root));
  printTable('Study plan (median of 11, calendar of 3, after a warm-up)', await planRows());
  printTable('Notes rendering (median of 21, alternating with the floor, after 10 warm-ups)', await renderRows(root));
  printTable('Reading list (median, alternating with the floor, after warm-ups)', papersRows(root));
  printTable('Map (after a warm-up, alternating with the floor)', await mapLayoutRows());
  printTable('Quizzes and review (median, alternating with the floor, after warm-ups)', await quizRows(root));
  if (!args.has('--no-host')) {
    const roadmap = JSON.parse(readFileSync(resolve(root, 'dist', 'roadmap.json'), 'utf8')) as Roadmap;
    // The second topic of each of the first five layers: notes with math and code.
    const topics = roadmap.layers.slice(0, 5).map((l) => ({ layer: new RegExp(`^${l.number}\\. `), title: l.topics[1].title }));
    printTable('Real VS Code 1.100.3 host', [...(await activationRows()), ...(await openNotesRows(topics)), ...(await mapHostRows()), ...(await quizHostRows(root))]);
  }
  if (!args.has('--no-exercises')) printTable('Exercises (Debian python3)', exerciseRows(root));
  printTable('Runnable notes (median of 11, alternating with the floor, after a warm-up)', await snippetRows());
  printTable('Exercise checks: JUnit parsing (median of 21) and watch mode (median of 5)', await exerciseTestsRows(root));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateTeacherRoadmapFiles } from './generateRoadmap';
import { ms, type Row } from './measure';

/**
 * Issue 15: the first load of a teacher's roadmap, cold, in a fresh Node process each time: the
 * loader bundle as it ships (dist/loader.js, with the schema validator compiled at build time)
 * required and run on a 150-unit roadmap of 11 files and 150 notes, beside a fresh process that
 * requires the bare yaml package and parses the same YAML files. Each process reports the time
 * from its first line (before any require) to the end of the work, split into module start and
 * work, and the parent the whole process, spawn to exit.
 */
export function authoringRows(root: string, runs = 7): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'ai-roadmap-authoring-'));
  try {
    const files = generateTeacherRoadmapFiles(150);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const yamlFiles = Object.keys(files).filter((f) => f.endsWith('.yaml'));
    const loader = resolve(root, 'dist', 'loader.js');
    const oursScript = (options: string) => [
      `const t0 = performance.now();`,
      `const { loadRoadmap } = require(${JSON.stringify(loader)});`,
      `const t1 = performance.now();`,
      `const fs = require('node:fs/promises'); const path = require('node:path');`,
      `const root = ${JSON.stringify(dir)};`,
      `const files = { readText: (rel) => fs.readFile(path.join(root, rel), 'utf8').catch(() => undefined), size: (rel) => fs.stat(path.join(root, rel)).then((s) => s.size, () => undefined) };`,
      `loadRoadmap(files, 'roadmap.yaml', ${options}).then((r) => {`,
      `  if (!r.ok) throw new Error(r.problems[0].message);`,
      `  const t2 = performance.now();`,
      `  process.stdout.write(JSON.stringify({ start: t1 - t0, work: t2 - t1 }));`,
      `});`,
    ];
    const ours = childScript(dir, 'ours.js', oursScript('{}'));
    // The same without the file checks (notes, quiz files beside them), to show what those cost.
    const noStats = childScript(dir, 'ours-no-stats.js', oursScript('{ checkFiles: false }'));
    const floor = childScript(dir, 'floor.js', [
      `const t0 = performance.now();`,
      `const { parse } = require(${JSON.stringify(require.resolve('yaml', { paths: [root] }))});`,
      `const t1 = performance.now();`,
      `const fs = require('node:fs/promises'); const path = require('node:path');`,
      `const names = ${JSON.stringify(yamlFiles)};`,
      `Promise.all(names.map((n) => fs.readFile(path.join(${JSON.stringify(dir)}, n), 'utf8'))).then((texts) => {`,
      `  texts.forEach((t) => parse(t));`,
      `  const t2 = performance.now();`,
      `  process.stdout.write(JSON.stringify({ start: t1 - t0, work: t2 - t1 }));`,
      `});`,
    ]);
    const a: Sample[] = [];
    const b: Sample[] = [];
    const c: Sample[] = [];
    run(ours); // the first spawn warms the file cache for both
    for (let i = 0; i < runs; i++) {
      a.push(run(ours));
      b.push(run(floor));
      c.push(run(noStats));
    }
    const [o, f, n] = [median(a), median(b), median(c)];
    const units = `150 topics and sub-topics, ${yamlFiles.length} YAML files, 150 notes`;
    return [
      { figure: `cold first load, fresh process: module start + load + checks (${units})`, value: ms(o.start + o.work), floor: ms(f.start + f.work), ratio: `${((o.start + o.work) / (f.start + f.work)).toFixed(2)}x`, goal: '≤ 1.5x' },
      { figure: '  of which module start: require(dist/loader.js) beside require("yaml")', value: ms(o.start), floor: ms(f.start), ratio: `${(o.start / f.start).toFixed(2)}x` },
      { figure: '  of which work: read, parse, schema, semantics, notes stats beside read + parse', value: ms(o.work), floor: ms(f.work), ratio: `${(o.work / f.work).toFixed(2)}x` },
      { figure: '  of which the file checks: each note\'s existence and its quiz file beside it (work with them less without)', value: ms(o.work - n.work) },
      { figure: '  whole process, spawn to exit (Node itself included)', value: ms(o.wall), floor: ms(f.wall), ratio: `${(o.wall / f.wall).toFixed(2)}x` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Sample {
  start: number;
  work: number;
  wall: number;
}

function childScript(dir: string, name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

function run(script: string): Sample {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  const wall = performance.now() - t0;
  return { ...(JSON.parse(out) as { start: number; work: number }), wall };
}

/** Each figure's median on its own. */
function median(samples: Sample[]): Sample {
  const m = (k: keyof Sample) => {
    const xs = samples.map((s) => s[k]).sort((x, y) => x - y);
    return xs[Math.floor(xs.length / 2)];
  };
  return { start: m('start'), work: m('work'), wall: m('wall') };
}

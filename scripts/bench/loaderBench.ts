import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import { generateRoadmapYaml } from './generateRoadmap';
import { medianMs, ms, type Row } from './measure';

/** Load + validate generated roadmaps, beside a bare yaml.parse of the same text. */
export async function loaderRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [100, 1000, 10000]) {
    const text = generateRoadmapYaml(n);
    const files = { readText: async () => text, size: async () => text.length };
    const load = async () => {
      const r = await loadRoadmap(files, 'roadmap.yaml', { checkFiles: false });
      if (!r.ok) throw new Error(r.problems[0].message);
    };
    const ours = await medianMs(load);
    const floor = await medianMs(() => parse(text));
    rows.push({
      figure: `load+validate ${n.toLocaleString('en')} topics (${(text.length / 1024).toFixed(0)} KB)`,
      value: ms(ours),
      floor: ms(floor),
      ratio: `${(ours / floor).toFixed(2)}x`,
      goal: n === 10000 ? '< 300 ms, < 2x' : '',
    });
  }
  return rows;
}

/**
 * The built-in roadmap compiled as the build does (every layer and notes file read and checked),
 * beside a bare yaml.parse of the same YAML files; with `compareDir`, the same for another copy of
 * roadmap/ (an older revision), so growth shows side by side.
 */
export async function builtInRoadmapRows(dirs: Array<{ label: string; dir: string }>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { label, dir } of dirs) {
    const yamlFiles = [join(dir, 'roadmap.yaml'), ...readdirSync(join(dir, 'layers')).map((f) => join(dir, 'layers', f))].map((f) => readFileSync(f, 'utf8'));
    let topics = 0;
    const compile = async () => {
      const r = await loadRoadmap(nodeRoadmapFiles(dir));
      if (!r.ok) throw new Error(r.problems[0].message);
      topics = r.roadmap.layers.reduce((n, l) => n + l.topics.length, 0);
      JSON.stringify(r.roadmap);
    };
    const ours = await medianMs(compile);
    const floor = await medianMs(() => yamlFiles.forEach((t) => parse(t)));
    rows.push({ figure: `compile ${label} built-in roadmap (${topics} topics, ${yamlFiles.length} YAML files, notes checked)`, value: ms(ours), floor: ms(floor), ratio: `${(ours / floor).toFixed(2)}x` });
  }
  return rows;
}

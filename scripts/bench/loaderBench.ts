import { parse } from 'yaml';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
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

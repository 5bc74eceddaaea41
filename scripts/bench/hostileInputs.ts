// Worst cases of each bounded class (issue 11), at the sizes the issue names. Shared by the unit
// tests, which assert the bound holds, and the bench, which prints their times beside the floors.
import { stringify } from 'yaml';
import type { RoadmapFiles } from '../../src/core/loading/roadmapFiles';

const topic = (id: string, prerequisites: string[] = [], exercises: string[] = []) => ({ id, title: `Topic ${id}`, prerequisites, exercises });
const roadmapJson = (topics: unknown[], extra: Record<string, unknown> = {}) =>
  stringify({ id: 'hostile', title: 'Hostile', version: '1.0.0', layers: [{ id: 'only', number: 1, title: 'Only', goal: 'Goal', topics }], ...extra });

/** 10,000 topics; 1,000 of them name 20 unknown prerequisites each, one letter off a real id. */
export function typoRoadmap(topics = 10_000, withTypos = 1_000, typosEach = 20): string {
  return roadmapJson(
    Array.from({ length: topics }, (_, i) =>
      topic(`topic-${i}`, i < withTypos ? Array.from({ length: typosEach }, (_, k) => `topik-${(i * typosEach + k) % topics}`) : []),
    ),
  );
}

/** 12,000 topics in one prerequisite ring: one cycle through all of them. */
export function ringRoadmap(n = 12_000): string {
  return roadmapJson(Array.from({ length: n }, (_, i) => topic(`t${i}`, [`t${(i + 1) % n}`])));
}

/** 12,000 topics in 6,000 two-topic cycles. */
export function manyCyclesRoadmap(n = 12_000): string {
  return roadmapJson(Array.from({ length: n }, (_, i) => topic(`t${i}`, [`t${i ^ 1}`])));
}

/** 10,000 topics each listing an exercise that does not exist: 10,000 problems. */
export function manyProblemsRoadmap(n = 10_000): string {
  return roadmapJson(Array.from({ length: n }, (_, i) => topic(`t${i}`, [], [`missing-${i}`])));
}

/** About 0.7 MB: a long anchored list of topics, repeated by 49 aliases (under yaml's alias count). */
export function aliasMultiplier(topics = 25_000, aliases = 49): string {
  const list = Array.from({ length: topics }, (_, i) => `      - {id: t${i}, title: T}`).join('\n');
  const layers = Array.from({ length: aliases }, (_, i) => `  - {id: l${i + 1}, number: ${i + 2}, title: L, goal: G, topics: *all}`).join('\n');
  return `id: hostile\ntitle: Hostile\nversion: 1.0.0\nlayers:\n  - id: l0\n    number: 1\n    title: L\n    goal: G\n    topics: &all\n${list}\n${layers}\n`;
}

/** A block sequence nested `depth` deep on one line: "- - - - x". */
export function compactNesting(depth = 10_000): string {
  return `id: x\nv:\n  ${'- '.repeat(depth)}x\n`;
}

/** A valid roadmap whose strings and comments hold hundreds of unbalanced brackets. */
export function bracketsInStrings(n = 300): string {
  const open = '['.repeat(n);
  return `# ${'{'.repeat(n)}\nid: brackets\ntitle: "${open} in a title"\nversion: 1.0.0\ndescription: '${'{'.repeat(n)}'\nlayers:\n  - id: one\n    number: 1\n    title: Plain ${open} text\n    goal: G\n    topics:\n      - id: a\n        title: A\n`;
}

/** A roadmap whose layer files claim `each` bytes apiece: their sum passes the total budget. */
export function heavyLayers(layers = 3, each = 7 * 1024 * 1024): RoadmapFiles {
  const layer = (i: number) => `id: l${i}\nnumber: ${i + 1}\ntitle: L\ngoal: G\ntopics:\n  - id: t${i}\n    title: T\n`;
  const root = `id: heavy\ntitle: Heavy\nversion: 1.0.0\nlayers:\n${Array.from({ length: layers }, (_, i) => `  - l${i}.yaml`).join('\n')}\n`;
  return {
    async readText(rel) {
      if (rel === 'roadmap.yaml') return root;
      const m = /^l(\d+)\.yaml$/.exec(rel);
      return m ? layer(Number(m[1])) : undefined;
    },
    async size(rel) {
      if (rel === 'roadmap.yaml') return root.length;
      return /^l\d+\.yaml$/.test(rel) ? each : undefined;
    },
  };
}

/** 10,000 identical headings. */
export function repeatedHeadings(n = 10_000): string {
  return '## Same\n\ntext\n\n'.repeat(n);
}

/** One display formula of about `chars` characters. */
export function longFormula(chars = 100_000): string {
  return `$$\n${'x^2+'.repeat(Math.ceil(chars / 4))}1\n$$\n`;
}

/** Formulas with huge sizes both ways, direct and built by a macro. */
export const HUGE_SIZES = ['$\\kern{-100000em}x$', '$\\hspace{-5000pt}x$', '$\\mkern-999999mu x$', '$\\rule{100000em}{100000em}$', '$\\def\\n{-}\\kern\\n 99999em x$'];

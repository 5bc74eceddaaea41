import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { parse, parseDocument } from 'yaml';
import { IdSuggestions } from '../../src/core/loading/idSuggestions';
import { loadRoadmap, MAX_PROBLEMS, type LoadResult } from '../../src/core/loading/loadRoadmap';
import type { RoadmapFiles } from '../../src/core/loading/roadmapFiles';
import { MAX_CYCLES } from '../../src/core/loading/semanticChecks';
import { LIMITS } from '../../src/core/loading/yamlSource';
import { decodeProgress, MAX_PROGRESS_BYTES, parseProgressText } from '../../src/core/progress/progressCodec';
import { MAX_MATH_CHARS, MAX_MATH_EM, MAX_NOTE_MATH_CHARS } from '../../src/core/render/boundedMath';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import { generateRoadmapYaml } from './generateRoadmap';
import { hostHoldRows } from './hostHoldBench';
import { aliasMultiplier, bracketsInStrings, compactNesting, heavyLayers, HUGE_SIZES, longFormula, manyCyclesRoadmap, manyProblemsRoadmap, repeatedHeadings, ringRoadmap, typoRoadmap } from './hostileInputs';
import { medianMs, ms, type Row } from './measure';

const files = (text: string): RoadmapFiles => ({ readText: async () => text, size: async () => text.length });
const problemCount = (r: LoadResult) => (r.ok ? r.warnings.length : r.problems.length);
const problemChars = (r: LoadResult) => (r.ok ? r.warnings : r.problems).reduce((n, p) => n + p.message.length, 0);
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
const n = (x: number) => x.toLocaleString('en-US');

/** Floors that throw (yaml's recursion on deep nesting) are timed to the throw. */
function tryFloor(fn: () => unknown): () => unknown {
  return () => {
    try {
      fn();
    } catch {
      // the bare library fails; its time to fail is the floor
    }
  };
}

/**
 * The worst case of each class of issue 11, at the sizes: our time beside the bare
 * library on the same input, and the bound that holds it. Median of 3 after a warm-up.
 */
export async function hostileRows(root: string): Promise<Row[]> {
  const rows: Row[] = [];
  const loadRow = async (figure: string, text: string, floor: () => unknown, bound: (r: LoadResult) => string) => {
    let result: LoadResult | undefined;
    const ours = await medianMs(async () => (result = await loadRoadmap(files(text), 'roadmap.yaml', { checkFiles: false })), 3);
    const f = await medianMs(floor, 3);
    rows.push({ figure: `${figure} (${(text.length / 1024).toFixed(0)} KB)`, value: ms(ours), floor: ms(f), ratio: `${(ours / f).toFixed(2)}x`, goal: bound(result!) });
  };

  const typos = typoRoadmap();
  await loadRow('10,000 topics, 20,000 unknown prerequisites', typos, () => parse(typos), (r) => `${IdSuggestions.MAX_SEARCHES} searches/kind; ${n(problemCount(r))} problems`);
  const ring = ringRoadmap();
  await loadRow('a 12,000-topic prerequisite cycle', ring, () => parse(ring), (r) => `1 name of 8 ids; ${n(problemChars(r))} chars of problems`);
  const cycles = manyCyclesRoadmap();
  await loadRow('6,000 prerequisite cycles', cycles, () => parse(cycles), (r) => `${MAX_CYCLES} named + a count; ${n(problemChars(r))} chars`);
  const many = manyProblemsRoadmap();
  await loadRow('10,000 unknown exercises', many, () => parse(many), (r) => `${MAX_PROBLEMS} listed + "and N more"; ${problemCount(r)} problems`);
  const alias = aliasMultiplier();
  await loadRow('aliases multiplying 25,000 topics by 49', alias, () => parseDocument(alias), () => `${n(LIMITS.maxAliasNodes)} alias-made values`);
  const compact = compactNesting();
  await loadRow('"- - - ..." nested 10,000 deep', compact, tryFloor(() => parse(compact)), () => `indent + indicators <= ${LIMITS.maxIndent}`);
  // 3,000: a title may hold at most 4,000 characters.
  const brackets = bracketsInStrings(3000);
  await loadRow('3,000 brackets in strings and comments (valid)', brackets, () => parse(brackets), (r) => (r.ok ? 'loads' : 'REFUSED'));
  const big = generateRoadmapYaml(100_000);
  let bigResult: LoadResult | undefined;
  const bigMs = await medianMs(async () => (bigResult = await loadRoadmap(files(big), 'roadmap.yaml', { checkFiles: false })), 3);
  rows.push({ figure: `100,000 valid topics (${mb(big.length)})`, value: ms(bigMs), goal: bigResult?.ok ? 'loads' : `refused unread: ${LIMITS.maxFileBytes / 1048576} MB per file, ${mb(LIMITS.maxRoadmapBytes)} per roadmap` });
  const heavy = heavyLayers();
  const heavyMs = await medianMs(() => loadRoadmap(heavy, 'roadmap.yaml', { checkFiles: false }), 3);
  rows.push({ figure: 'three 7 MB layer files', value: ms(heavyMs), goal: `third refused: ${mb(LIMITS.maxRoadmapBytes)} per roadmap` });

  const render = createNotesRenderer();
  const bare = new MarkdownIt();
  const headings = repeatedHeadings();
  const hOurs = await medianMs(() => render(headings), 3);
  const hFloor = await medianMs(() => bare.render(headings), 3);
  rows.push({ figure: 'render 10,000 "## Same" headings', value: ms(hOurs), floor: ms(hFloor), ratio: `${(hOurs / hFloor).toFixed(2)}x`, goal: 'linear: a counter per slug' });
  const formula = longFormula(100_000);
  const fOurs = await medianMs(() => render(formula), 3);
  const fFloor = await medianMs(() => bare.render(formula), 3);
  rows.push({ figure: 'render one 100 KB formula', value: ms(fOurs), floor: ms(fFloor), ratio: `${(fOurs / fFloor).toFixed(2)}x`, goal: `refused over ${n(MAX_MATH_CHARS)} chars` });
  const atCap = `x^2+`.repeat(MAX_MATH_CHARS / 4 - 1);
  const cOurs = await medianMs(() => render(`$$\n${atCap}\n$$\n`), 3);
  const cFloor = await medianMs(() => katex.renderToString(atCap, { displayMode: true }), 3);
  rows.push({ figure: `render one formula at the cap (${n(atCap.length)} chars)`, value: ms(cOurs), floor: ms(cFloor), ratio: `${(cOurs / cFloor).toFixed(2)}x`, goal: `${n(MAX_NOTE_MATH_CHARS)} chars of math per note` });
  const sizes = HUGE_SIZES.join('\n\n');
  rows.push({ figure: 'render huge kerns, spaces and rules', value: ms(await medianMs(() => render(sizes), 3)), goal: `margins within ±${MAX_MATH_EM}em` });

  // A history of some 80,000 check-offs (about 100 bytes each): trimmed to the newest by time.
  const history = Array.from({ length: Math.floor(MAX_PROGRESS_BYTES / 100) }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), kind: 'topic', id: `t${i % 5000}`, from: 'not-started', to: 'done' }));
  const validProgress = JSON.stringify({ format: 'ai-roadmap-progress', version: 1, roadmaps: { r: { topics: {}, history } } });
  const iOurs = await medianMs(() => {
    const p = parseProgressText(validProgress);
    if (p.ok) decodeProgress(p.raw);
  }, 3);
  const iFloor = await medianMs(() => JSON.parse(validProgress), 3);
  rows.push({ figure: `import a progress file at the cap (${mb(validProgress.length)})`, value: ms(iOurs), floor: ms(iFloor), ratio: `${(iOurs / iFloor).toFixed(2)}x`, goal: `${mb(MAX_PROGRESS_BYTES)}, checked before reading` });
  rows.push(...(await hostHoldRows(root)));
  return rows;
}

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { NotesPanel, RoadmapTree, Workbench } from '../../test/ui/pages';
import { median, ms, pairedRatio, seededRandom, type Row } from './measure';

const PAIRS = 5;
const ROUNDS = 6;
const KINDS = ['Quizzed', 'Plain', 'Twin'] as const;
const NOTE = 'classical-ml/decision-trees-random-forests';

/**
 * A roadmap of topic pairs that differ only by a quiz: the same note (math, code, a "Check
 * yourself" the items link to) under "Quizzed k", with the built-in quiz file beside it, and under
 * "Plain k", without one; and under "Twin k", without one either, the control.
 */
function pairsRoadmap(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-quiz-'));
  mkdirSync(join(dir, 'notes'));
  const topics: string[] = [];
  for (let k = 1; k <= PAIRS; k++) {
    for (const [id, title] of [[`quizzed-${k}`, `Quizzed ${k}`], [`plain-${k}`, `Plain ${k}`], [`twin-${k}`, `Twin ${k}`]]) {
      copyFileSync(join(root, 'roadmap', 'notes', `${NOTE}.md`), join(dir, 'notes', `${id}.md`));
      topics.push(`      - id: ${id}\n        title: ${title}\n        notes: notes/${id}.md`);
    }
    copyFileSync(join(root, 'roadmap', 'notes', `${NOTE}.quiz.yaml`), join(dir, 'notes', `quizzed-${k}.quiz.yaml`));
  }
  writeFileSync(join(dir, 'roadmap.yaml'), `id: bench-quiz\ntitle: Bench quiz\nversion: 0.1.0\nlayers:\n  - id: pairs\n    number: 1\n    title: Pairs\n    goal: Open a topic with and without its quiz.\n    topics:\n${topics.join('\n')}\n`);
  return dir;
}

/**
 * Moments of one open, in ms of the wall clock with sub-ms grain. The workbench and its webviews
 * share one renderer process here (the webview frames are not out of process), so one clock.
 */
interface Marks {
  /** The mouse went down on the tree row. */
  press: number;
  /** The view arrived in the notes page (the message event's creation, before any listener ran). */
  message: number;
  /** The page's own handler had built the view into the DOM. */
  built: number;
  /** The frame after that was produced (a task queued from requestAnimationFrame). */
  painted: number;
}

type BenchWindow = { __benchPress?: number; __benchMarks?: Partial<Marks> & { title?: string } };

/** Stamps each mouse press in the workbench (capture phase: before the tree acts on it). */
async function watchPresses(page: Page) {
  await page.evaluate(() => {
    document.addEventListener('mousedown', (e) => ((window as unknown as BenchWindow).__benchPress = performance.timeOrigin + e.timeStamp), true);
  });
}

/**
 * Stamps, in the notes page, each view's arrival (its event's timeStamp, taken before the page's
 * own listener ran), the end of the page's listener (this one is added after it, so runs after
 * it) and the next frame. Idempotent: a page that reloaded gets it again.
 */
async function watchNotes(frame: Frame) {
  await frame.evaluate(() => {
    const w = window as unknown as BenchWindow & { __benchWatching?: boolean };
    if (w.__benchWatching) return;
    w.__benchWatching = true;
    window.addEventListener('message', (e: MessageEvent<{ type?: string; view?: { title: string } }>) => {
      if (e.data?.type !== 'show' || !e.data.view) return;
      const marks: NonNullable<BenchWindow['__benchMarks']> = { title: e.data.view.title, message: performance.timeOrigin + e.timeStamp, built: performance.timeOrigin + performance.now() };
      w.__benchMarks = marks;
      requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.timeOrigin + performance.now()), 0));
    });
  });
}

async function marksOf(wb: Workbench, frame: Frame, title: string): Promise<Marks | undefined> {
  const read = () => frame.evaluate(() => (window as unknown as BenchWindow).__benchMarks);
  let marks = await read();
  // The painted mark comes a frame after the heading shows.
  for (let i = 0; i < 200 && marks?.title === title && marks.painted === undefined; i++) marks = await read();
  const press = await wb.page.evaluate(() => (window as unknown as BenchWindow).__benchPress);
  if (marks?.title !== title || press === undefined || marks.message === undefined || marks.built === undefined || marks.painted === undefined) return undefined;
  return { press, message: marks.message, built: marks.built, painted: marks.painted };
}

/**
 * In the real host, a click on a topic in the tree to its notes painted in the open notes panel,
 * for a topic with its quiz beside the same note without one. Each pair is opened back to back,
 * in an order drawn from a seeded generator, and the ratio is the median of the pairs' ratios, so a
 * machine that slows down for a while slows both sides of the pairs it touches.
 */
export async function quizHostRows(root: string): Promise<Row[]> {
  const dir = pairsRoadmap(root);
  const wb = await Workbench.open({ copy: { 'bench-roadmap': dir }, settings: { 'aiRoadmap.roadmapFile': 'bench-roadmap/roadmap.yaml' } });
  const polled: Array<[number, number]> = [];
  const marks: Array<[Marks, Marks]> = [];
  // The control: two topics without a quiz, opened the same way (their ratio is the bench's own spread).
  const twins: Array<[Marks, Marks]> = [];
  try {
    const tree = new RoadmapTree(wb);
    await tree.open();
    await tree.row(/Pairs/).waitFor({ timeout: 90_000 });
    await tree.expand(/Pairs/);
    await watchPresses(wb.page);
    const open = async (title: string) => {
      const row = tree.row(new RegExp(`^${title}$`));
      await row.waitFor();
      const t0 = Date.now();
      await row.click();
      const panel = await NotesPanel.find(wb, title, 10_000);
      const took = Date.now() - t0;
      const m = await marksOf(wb, panel.frame, title);
      await watchNotes(panel.frame);
      return { took, marks: m };
    };
    // A warm-up round: each note read and rendered once, the quiz's first use behind us.
    for (let k = 1; k <= PAIRS; k++) for (const kind of KINDS) await open(`${kind} ${k}`);
    const random = seededRandom();
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 1; k <= PAIRS; k++) {
        const got: Record<string, Awaited<ReturnType<typeof open>>> = {};
        // The three back to back, in an order drawn from the seeded generator (Fisher-Yates).
        const order = [...KINDS];
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
        for (const kind of order) got[kind] = await open(`${kind} ${k}`);
        polled.push([got.Quizzed.took, got.Plain.took]);
        if (got.Quizzed.marks && got.Plain.marks) marks.push([got.Quizzed.marks, got.Plain.marks]);
        if (got.Twin.marks && got.Plain.marks) twins.push([got.Twin.marks, got.Plain.marks]);
      }
    }
  } finally {
    await wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const row = (figure: string, pairs: Array<[number, number]>, goal?: string): Row => {
    const [q, p] = [median(pairs.map((x) => x[0])), median(pairs.map((x) => x[1]))];
    return { figure, value: ms(q), floor: `same note, no quiz: ${ms(p)}`, ratio: `${pairedRatio(pairs).toFixed(2)}x`, ...(goal ? { goal } : {}) };
  };
  const span = (from: keyof Marks, to: keyof Marks, of = marks) => of.map(([q, p]) => [q[to] - q[from], p[to] - p[from]] as [number, number]);
  const rows: Row[] = [];
  if (marks.length) {
    rows.push(
      row(`click a topic with its quiz to its notes painted, panel open (median of ${marks.length} pairs)`, span('press', 'painted'), '≤ 1.1x'),
      row('  of it, click to the view in the page (extension host, message)', span('press', 'message')),
      row('  of it, the page building the view', span('message', 'built')),
      row('  of it, built to painted (style, layout, paint)', span('built', 'painted')),
    );
  }
  // Two topics without a quiz: how far from 1.00x the bench strays on its own, on this machine now.
  if (twins.length) rows.push(row(`control: its twin, the same note without a quiz either, click to painted (median of ${twins.length} pairs)`, span('press', 'painted', twins)));
  rows.push(row(`click to the heading found by polling every 20 ms, as the UI tests wait (median of ${polled.length} pairs)`, polled));
  return rows;
}

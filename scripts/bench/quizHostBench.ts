import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotesPanel, RoadmapTree, Workbench } from '../../test/ui/pages';
import { ms, type Row } from './measure';

const PAIRS = 5;
const NOTE = 'classical-ml/decision-trees-random-forests';

/**
 * A roadmap of topic pairs that differ only by a quiz: the same note (math, code, a "Check
 * yourself" the items link to) under "Quizzed k", with the built-in quiz file beside it, and under
 * "Plain k", without one.
 */
function pairsRoadmap(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-quiz-'));
  mkdirSync(join(dir, 'notes'));
  const topics: string[] = [];
  for (let k = 1; k <= PAIRS; k++) {
    for (const [id, title] of [[`quizzed-${k}`, `Quizzed ${k}`], [`plain-${k}`, `Plain ${k}`]]) {
      copyFileSync(join(root, 'roadmap', 'notes', `${NOTE}.md`), join(dir, 'notes', `${id}.md`));
      topics.push(`      - id: ${id}\n        title: ${title}\n        notes: notes/${id}.md`);
    }
    copyFileSync(join(root, 'roadmap', 'notes', `${NOTE}.quiz.yaml`), join(dir, 'notes', `quizzed-${k}.quiz.yaml`));
  }
  writeFileSync(join(dir, 'roadmap.yaml'), `id: bench-quiz\ntitle: Bench quiz\nversion: 0.1.0\nlayers:\n  - id: pairs\n    number: 1\n    title: Pairs\n    goal: Open a topic with and without its quiz.\n    topics:\n${topics.join('\n')}\n`);
  return dir;
}

/**
 * In the real host, a click on a topic in the tree to its heading in the open notes panel, for a
 * topic with its quiz beside the same topic without one (alternating, each first half the time).
 */
export async function quizHostRows(root: string): Promise<Row[]> {
  const dir = pairsRoadmap(root);
  const wb = await Workbench.open({ copy: { 'bench-roadmap': dir }, settings: { 'aiRoadmap.roadmapFile': 'bench-roadmap/roadmap.yaml' } });
  const withQuiz: number[] = [];
  const without: number[] = [];
  try {
    const tree = new RoadmapTree(wb);
    await tree.open();
    await tree.row(/Pairs/).waitFor({ timeout: 90_000 });
    await tree.expand(/Pairs/);
    const open = async (title: string) => {
      const row = tree.row(new RegExp(`^${title}$`));
      await row.waitFor();
      const t0 = Date.now();
      await row.click();
      await NotesPanel.find(wb, title, 10_000);
      return Date.now() - t0;
    };
    // A warm-up round: each note read and rendered once, the quiz's first use behind us.
    for (let k = 1; k <= PAIRS; k++) {
      await open(`Quizzed ${k}`);
      await open(`Plain ${k}`);
    }
    for (let round = 0; round < 3; round++) {
      for (let k = 1; k <= PAIRS; k++) {
        const quizFirst = (round + k) % 2 === 0;
        for (const q of quizFirst ? [true, false] : [false, true]) (q ? withQuiz : without).push(await open(`${q ? 'Quizzed' : 'Plain'} ${k}`));
      }
    }
  } finally {
    await wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [q, p] = [median(withQuiz), median(without)];
  return [{ figure: `click a topic with its quiz to visible notes, panel open (median of ${withQuiz.length})`, value: ms(q), floor: `same note, no quiz: ${ms(p)}`, ratio: `${(q / p).toFixed(2)}x`, goal: '≤ 1.1x' }];
}

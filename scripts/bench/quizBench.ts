import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import type { Roadmap, Topic } from '../../src/core/model';
import type { RoadmapProgress } from '../../src/core/progress/progressModel';
import { gradeResponse } from '../../src/core/quiz/grading';
import type { QuizItem } from '../../src/core/quiz/quizModel';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import type { ReviewState, StoredCard } from '../../src/core/review/reviewModel';
import { MAX_REVIEW_LOG } from '../../src/core/review/reviewModel';
import { sessionCards } from '../../src/core/review/reviewStats';
import { recordAnswer, recordAnswerInto } from '../../src/core/review/scheduler';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { notesViewFor } from '../../src/core/views/notesView';
import { median, ms, pairedRatio, seededRandom, type Row } from './measure';

/**
 * Runs `ours` and `floor` alternately, `runs` times after `warm` warm-ups of each, each timing
 * `batch` calls (one answer takes microseconds, below the timer's grain); median per call, in ms.
 */
function alternate(ours: () => unknown, floor: () => unknown, runs: number, batch = 1, warm = 3): [number, number] {
  const time = (fn: () => unknown) => {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    return (performance.now() - t0) / batch;
  };
  for (let i = 0; i < warm; i++) {
    time(ours);
    time(floor);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(time(ours));
    b.push(time(floor));
  }
  return [median(a), median(b)];
}

const NOW = new Date('2026-12-02T10:00:00Z');
const DAY = 24 * 3600 * 1000;

/** `topics` x `items` cards over ten layers, due from 30 days ago to 60 days ahead, and a log of `answers`. */
function reviewOf(topics: number, items: number, answers = MAX_REVIEW_LOG): { index: RoadmapIndex; progress: RoadmapProgress } {
  const ids = Array.from({ length: items }, (_, i) => `item-${i}`);
  const roadmap: Roadmap = {
    id: 'bench', title: 'Bench', version: '1.0.0', practicalRoad: [], exercises: [],
    layers: Array.from({ length: 10 }, (_, l) => ({
      id: `layer-${l}`, number: l + 1, title: `Layer ${l}`, goal: 'g',
      topics: Array.from({ length: topics / 10 }, (_, t) => ({ id: `t${l}-${t}`, title: `Topic ${l}.${t}`, prerequisites: [], tags: [], resources: [], exercises: [], quiz: { ids } }) as Topic),
    })),
  };
  const cards: Record<string, StoredCard> = Object.create(null);
  let n = 0;
  for (const layer of roadmap.layers) for (const t of layer.topics) for (const id of ids) {
    const due = new Date(NOW.getTime() + (((n * 7919) % 90) - 30) * DAY).toISOString();
    cards[`${t.id}/${id}`] = { due, stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: NOW.toISOString(), lastCorrect: n % 4 !== 0 };
    n++;
  }
  const keys = Object.keys(cards);
  const log = Array.from({ length: answers }, (_, i) => ({ at: new Date(NOW.getTime() - (answers - i) * 60_000).toISOString(), card: keys[i % keys.length], grade: 'good' as const, correct: true, source: 'review' as const }));
  return { index: new RoadmapIndex(roadmap), progress: { topics: Object.create(null), exercises: Object.create(null), history: [], review: { cards, log } } };
}

/**
 * Issue 13's figures: grading and scheduling one answer beside a bare ts-fsrs `next()` on one
 * card; the due list of a review session over 10,000 cards beside a bare filter and sort of the
 * same cards; a topic's notes prepared for the panel with its quiz beside the same topic without.
 */
export async function quizRows(root: string): Promise<Row[]> {
  const rows: Row[] = [];

  // One answer: a numeric item (parse, tolerance) graded, then its card scheduled and the answer logged.
  const item: QuizItem = { id: 'gini', kind: 'numeric', question: 'Gini?', answer: 0.32, tolerance: 0.005, explanation: 'e' } as QuizItem;
  const bareFsrs = fsrs(generatorParameters({ enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] }));
  const card = createEmptyCard(NOW);
  // Into a stored state as the store hands it over (read afresh, the change's own), or into none.
  const answerOn = (review: ReviewState | undefined) => () => {
    const g = gradeResponse(item, { kind: 'numeric', text: '0.32' });
    if (!g.ok) return;
    if (review) recordAnswerInto(review, 'topic/gini', g.grade, g.correct, 'quiz', NOW);
    else recordAnswer(review, 'topic/gini', g.grade, g.correct, 'quiz', NOW);
  };
  const floorNext = () => bareFsrs.next(card, NOW, Rating.Good);
  const [fresh, floor] = alternate(answerOn(undefined), floorNext, 21, 200);
  rows.push({ figure: 'grade and schedule one answer (first card of a roadmap)', value: `${(fresh * 1000).toFixed(1)} µs`, floor: `bare ts-fsrs next(): ${(floor * 1000).toFixed(1)} µs`, ratio: `${(fresh / floor).toFixed(1)}x`, goal: '< 5 ms' });
  // The built-in roadmap's size: about a hundred topics of eight items, a year of answers.
  const builtIn = reviewOf(100, 8, 5000);
  const [usual, floor1] = alternate(answerOn(builtIn.progress.review), floorNext, 21, 20);
  rows.push({ figure: 'grade and schedule one answer into the stored state (800 cards, 5,000 answers)', value: `${(usual * 1000).toFixed(1)} µs`, floor: `bare ts-fsrs next(): ${(floor1 * 1000).toFixed(1)} µs`, ratio: `${(usual / floor1).toFixed(0)}x`, goal: '< 5 ms' });
  const full = reviewOf(1000, 10);
  const [busy, floor2] = alternate(answerOn(full.progress.review), floorNext, 21, 5);
  rows.push({ figure: `grade and schedule one answer into the stored state (10,000 cards, ${MAX_REVIEW_LOG.toLocaleString('en')} answers; 9.1 ms when it copied the cards)`, value: `${(busy * 1000).toFixed(1)} µs`, floor: `bare ts-fsrs next(): ${(floor2 * 1000).toFixed(1)} µs`, ratio: `${(busy / floor2).toFixed(0)}x`, goal: '< 5 ms' });

  // The due list: what a review session asks, most overdue first, within a daily limit of 1,000.
  const { index, progress } = full;
  const cards = progress.review!.cards;
  const endOfDay = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + 1).getTime();
  const [due, dueFloor] = alternate(
    () => sessionCards(index, progress, NOW, 1000),
    () => {
      const out: Array<[string, number]> = [];
      for (const key in cards) {
        const t = Date.parse(cards[key].due);
        if (t < endOfDay) out.push([key, t]);
      }
      return out.sort((a, b) => a[1] - b[1]).slice(0, 1000);
    },
    11,
  );
  rows.push({ figure: 'due list of a review session over 10,000 cards', value: ms(due), floor: `bare filter + sort: ${ms(dueFloor)}`, ratio: `${(due / dueFloor).toFixed(1)}x`, goal: '< 20 ms' });

  // Opening a topic: its notes rendered and the panel's data prepared and serialised, with its quiz
  // (items counted, due cards, mastery) beside the very same topic with the quiz taken off.
  const roadmap = JSON.parse(readFileSync(join(root, 'dist', 'roadmap.json'), 'utf8')) as Roadmap;
  const topic = roadmap.layers[1].topics[1];
  const note = readFileSync(join(root, 'roadmap', topic.notes!), 'utf8');
  const quizCards: Record<string, StoredCard> = Object.create(null);
  for (const id of topic.quiz?.ids ?? []) quizCards[`${topic.id}/${id}`] = { ...cards['t0-0/item-0'] };
  const withQuiz = new RoadmapIndex(roadmap);
  const { quiz: _quiz, ...bare } = topic;
  const withoutQuiz = new RoadmapIndex({ ...roadmap, layers: roadmap.layers.map((l, i) => (i === 1 ? { ...l, topics: l.topics.map((t, j) => (j === 1 ? bare : t)) } : l)) });
  const p: RoadmapProgress = { topics: Object.create(null), exercises: Object.create(null), history: [], review: { cards: quizCards, log: [] } };
  const render = createNotesRenderer();
  const html = render(note);
  // Twice: the whole path (the note rendered each time, as a new panel does), then the preparing
  // alone (the note's HTML ready), where the quiz's own part is not lost in the rendering's noise.
  for (const [label, renderNotes] of [['render + prepare', async () => render(note)], ['prepare, notes rendered', async () => html]] as const) {
    const deps = { renderNotes, hasMyNotes: async () => false, now: NOW };
    const open = async (ix: RoadmapIndex) => JSON.stringify(await notesViewFor(ix, p, topic.id, deps));
    if (!(await open(withQuiz)).includes('"quiz":') || (await open(withoutQuiz)).includes('"quiz":')) throw new Error('the bench topic must differ only by its quiz');
    const pairs: Array<[number, number]> = [];
    const batch = label.startsWith('prepare') ? 50 : 1;
    const time = async (ix: RoadmapIndex) => {
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) await open(ix);
      return (performance.now() - t0) / batch;
    };
    for (let i = 0; i < 5; i++) {
      await time(withQuiz);
      await time(withoutQuiz);
    }
    // In pairs back to back, the side that runs first drawn from a seeded generator (not alternated:
    // the renderer's garbage collections would then fall on one side), the ratio the pairs' median one.
    const random = seededRandom();
    for (let i = 0; i < 201; i++) {
      const q = random() < 0.5;
      const first = await time(q ? withQuiz : withoutQuiz);
      const second = await time(q ? withoutQuiz : withQuiz);
      pairs.push(q ? [first, second] : [second, first]);
    }
    const [q, nq] = [median(pairs.map((x) => x[0])), median(pairs.map((x) => x[1]))];
    const show = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : ms(x));
    rows.push({ figure: `open a topic's notes (${label}), with its quiz of ${topic.quiz?.ids.length} items`, value: show(q), floor: `same topic, no quiz: ${show(nq)}`, ratio: `${pairedRatio(pairs).toFixed(2)}x`, goal: '≤ 1.1x' });
  }
  return rows;
}

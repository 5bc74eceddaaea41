import * as vscode from 'vscode';
import type { Grading, QuizResponse } from '../../core/quiz/grading';
import { cardKey, splitCardKey, type QuizItem } from '../../core/quiz/quizModel';
import type { AnswerSource } from '../../core/review/reviewModel';
import { dueCounts, sessionCards } from '../../core/review/reviewStats';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import type { Topic } from '../../core/model';
import { notesRenderer, quizEngine } from '../base/lazyModules';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import { escapeHtml } from '../base/webviewHtml';
import { offThread } from '../offThread/offThread';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

/**
 * A roadmap's quizzes and the learner's answers: items come from the loaded roadmap (an author's)
 * or, for the built-in one, from the quiz file in the content pack when first asked; answers are
 * graded here, never in a webview, and each becomes a review card in the progress store.
 */
export class QuizService extends Disposable {
  private cache = new Map<string, Promise<QuizItem[]>>();
  private cachedFor: RoadmapIndex | undefined;
  private render: ((md: string) => string) | undefined;
  private readonly answered = this._register(new vscode.EventEmitter<{ key: string; grading: Grading }>());
  /** Fires after each graded answer, for tests and the bench. */
  readonly onDidAnswer = this.answered.event;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(roadmaps.onDidChange(() => this.cache.clear()));
  }

  /** The topic's items, in order; none for a topic without a quiz. */
  async items(topicId: string): Promise<QuizItem[]> {
    const index = await this.roadmaps.current();
    if (this.cachedFor !== index) {
      this.cache.clear();
      this.cachedFor = index;
    }
    let items = this.cache.get(topicId);
    if (!items) {
      items = this.read(index.topic(topicId));
      this.cache.set(topicId, items);
      items.catch(() => this.cache.delete(topicId));
    }
    return items;
  }

  private async read(topic: Topic | undefined): Promise<QuizItem[]> {
    const quiz = topic?.quiz;
    if (!topic || !quiz) return [];
    if (quiz.items) return quiz.items;
    if (!quiz.file) return [];
    // The built-in roadmap's quiz files were checked at build time; parsed on first use.
    const text = await this.roadmaps.readNotes(quiz.file);
    const { items, problems } = (await quizEngine()).parseQuizFile(quiz.file, text, topic.id);
    for (const p of problems) this.log.warn(`${p.file}:${p.line}:${p.column}: ${p.message}`);
    return items;
  }

  async item(key: string): Promise<{ topic: Topic; item: QuizItem } | undefined> {
    const parts = splitCardKey(key);
    if (!parts) return undefined;
    const topic = (await this.roadmaps.current()).topic(parts.topicId);
    const item = topic && (await this.items(topic.id)).find((i) => i.id === parts.itemId);
    return topic && item ? { topic, item } : undefined;
  }

  /** Grades a response and, when it could be graded, schedules the item's card. */
  async answer(key: string, response: QuizResponse, source: AnswerSource): Promise<Grading> {
    const found = await this.item(key);
    if (!found) return { ok: false, message: `There is no quiz item "${key}" in this roadmap.` };
    const engine = await quizEngine();
    const grading = engine.gradeResponse(found.item, response);
    if (grading.ok) {
      const index = await this.roadmaps.current();
      const now = new Date();
      await this.progress.updateReview(index.roadmap.id, (review) => engine.recordAnswerInto(review, cardKey(found.topic.id, found.item.id), grading.grade, grading.correct, source, now));
    }
    this.answered.fire({ key, grading });
    return grading;
  }

  /** The right answer of an item in words. */
  async answerText(item: QuizItem): Promise<string> {
    return (await quizEngine()).answerText(item);
  }

  /** The cards of a review session now: every topic's, or one topic's. */
  async sessionKeys(topicId?: string): Promise<string[]> {
    const index = await this.roadmaps.current();
    return sessionCards(index, this.progress.get(index.roadmap.id), new Date(), this.dailyLimit(), topicId);
  }

  /** The daily limit setting, a whole number from 1 to 1,000 whatever was typed. */
  dailyLimit(): number {
    const n = Math.floor(this.settings.get('review.dailyLimit'));
    return Number.isFinite(n) ? Math.min(1000, Math.max(1, n)) : 50;
  }

  /** Cards due today, in all. */
  async dueToday(): Promise<number> {
    const index = await this.roadmaps.current();
    return dueCounts(index, this.progress.get(index.roadmap.id), new Date()).total;
  }

  /** Markdown of a quiz to HTML: an author's on the worker thread, like their notes. */
  async renderMarkdown(markdown: string): Promise<string> {
    if (this.roadmaps.authorRoadmap) return offThread.renderNotes(markdown).catch((e: Error) => `<p class="render-error">${escapeHtml(e.message)}</p>`);
    this.render ??= (await notesRenderer()).createNotesRenderer();
    return this.render(markdown);
  }

  /** Inline markdown (an option): its paragraph unwrapped. */
  async renderInline(markdown: string): Promise<string> {
    return (await this.renderMarkdown(markdown)).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
  }
}

import * as vscode from 'vscode';
import { masteryLines, topicMastery } from '../../core/progress/mastery';
import type { QuizResponse } from '../../core/quiz/grading';
import { cardKey } from '../../core/quiz/quizModel';
import { questionMarkdown, questionOf, sessionTitle, type QuizMode } from '../../core/views/quizView';
import { isFromQuizPanel, isQuizPanelState, type FromQuizPanel, type QuizPanelState, type ToQuizPanel } from '../../webview/quiz/protocol';
import { Disposable } from '../base/lifecycle';
import { PANELS } from '../base/viewIds';
import { WebviewHost, type WebviewSpec } from '../base/webviewHost';
import type { ProgressStore } from '../progress/progressStore';
import type { QuizService } from '../quiz/quizService';
import type { RoadmapService } from '../roadmap/roadmapService';

const QUIZ: WebviewSpec<FromQuizPanel, QuizPanelState> = {
  viewType: PANELS.quiz,
  name: 'quiz panel',
  title: 'AI Roadmap quiz',
  script: 'dist/webview/quiz.js',
  styles: ['dist/webview/katex/katex.min.css', 'media/webview/base.css', 'media/webview/notes.css', 'media/webview/quiz.css', 'media/webview/highlight.css'],
  isMessage: isFromQuizPanel,
  isState: isQuizPanelState,
};

/** What the panel's links do; wired by the caller, so panels need no other panel's code. */
export interface QuizPanelActions {
  /** The topic's notes, scrolled to a heading when one is given. */
  showSection(topicId: string, section?: string): Promise<unknown>;
}

interface Session {
  mode: QuizMode;
  topicId?: string;
  keys: string[];
  at: number;
  right: number;
  answered: number;
  /** Whether the current question has been graded (Next moves on only then). */
  graded: boolean;
}

/**
 * The quiz and review panel: one panel, one session at a time. The session lives here: the page
 * shows one question, sends what the learner gave, and gets the verdict and the explanation back.
 */
export class QuizPanel extends Disposable {
  static readonly viewType = QUIZ.viewType;
  private host: WebviewHost<FromQuizPanel, ToQuizPanel> | undefined;
  private session: Session | undefined;
  private readonly posted = this._register(new vscode.EventEmitter<ToQuizPanel['type']>());
  /** Fires after each message the panel posts (a question, feedback, a summary), for tests and the bench. */
  readonly onDidPost = this.posted.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly quizzes: QuizService,
    private readonly actions: QuizPanelActions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register({ dispose: () => this.host?.dispose() });
  }

  /** VS Code restores the panel after a reload (the serializer is registered at activation, in wiring/). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = WebviewHost.restoredState(this.extensionUri, QUIZ, panel, state);
    this.attach(panel);
    await this.start(saved?.mode ?? 'review', saved?.topicId);
  }

  /** The card key asked now, if a question is shown (tests and the bench read it). */
  get currentKey(): string | undefined {
    const s = this.session;
    return s && s.at < s.keys.length ? s.keys[s.at] : undefined;
  }

  /** Opens the panel on a topic's quiz, or on a review session (all topics', or one topic's). */
  async open(mode: QuizMode, topicId?: string): Promise<void> {
    if (this.host) this.host.panel.reveal(undefined, false);
    else this.attach(WebviewHost.createPanel(this.extensionUri, QUIZ));
    await this.start(mode, topicId);
  }

  private attach(panel: vscode.WebviewPanel) {
    const host = new WebviewHost<FromQuizPanel, ToQuizPanel>(
      panel,
      this.extensionUri,
      QUIZ,
      {
        answer: (m) => this.onAnswer(m.key, m.response),
        reveal: (m) => this.onReveal(m.key),
        next: () => this.onNext(),
        showSection: async (m) => {
          const found = await this.quizzes.item(m.key);
          if (found) await this.actions.showSection(found.topic.id, found.item.section);
        },
        openNotes: (m) => this.actions.showSection(m.topicId),
        restart: (m) => this.start(m.mode, this.session?.topicId),
      },
      () => this.showCurrent(),
      this.log,
    );
    this.host = host;
    host.onDidClose(() => {
      if (this.host === host) {
        this.host = undefined;
        this.session = undefined;
      }
    });
  }

  private async start(mode: QuizMode, topicId?: string) {
    const index = await this.roadmaps.current();
    const topic = topicId ? index.topic(topicId) : undefined;
    const keys = mode === 'quiz' ? (topic ? (await this.quizzes.items(topic.id)).map((i) => cardKey(topic.id, i.id)) : []) : await this.quizzes.sessionKeys(topic?.id);
    this.session = { mode, topicId: topic?.id, keys, at: 0, right: 0, answered: 0, graded: false };
    if (this.host) this.host.panel.title = sessionTitle(mode, topic?.title);
    await this.showCurrent();
  }

  /** Posts the current question, or the summary when the session is over. */
  private async showCurrent(): Promise<void> {
    const s = this.session;
    if (!s || !this.host) return;
    const index = await this.roadmaps.current();
    const topic = s.topicId ? index.topic(s.topicId) : undefined;
    if (s.keys.length === 0) {
      const later = (await this.quizzes.dueToday()) === 0;
      const message = s.mode === 'quiz' ? `${topic?.title ?? 'This topic'} has no quiz yet.` : later ? 'Nothing to review today: every card you answered is scheduled for a later day.' : "Nothing left to review today within your daily limit (the setting AI Roadmap › Review: Daily Limit).";
      return this.post({ type: 'empty', title: sessionTitle(s.mode, topic?.title), message });
    }
    if (s.at >= s.keys.length) {
      const dueLeft = (await this.quizzes.sessionKeys(s.mode === 'review' ? s.topicId : undefined)).length;
      const progress = this.progress.get(index.roadmap.id);
      return this.post({
        type: 'summary',
        view: {
          mode: s.mode,
          title: sessionTitle(s.mode, topic?.title),
          right: s.right,
          answered: s.answered,
          dueLeft,
          ...(topic ? { topicId: topic.id, mastery: masteryLines(topicMastery(topic, progress)) } : {}),
        },
      });
    }
    const key = s.keys[s.at];
    const found = await this.quizzes.item(key);
    if (!found) {
      // The item left the roadmap since the session began.
      s.at++;
      return this.showCurrent();
    }
    const md = questionMarkdown(found.item);
    const render = { question: await this.quizzes.renderMarkdown(md.question), ...(md.options ? { options: await Promise.all(md.options.map((o) => this.quizzes.renderInline(o))) } : {}) };
    s.graded = false;
    await this.post({ type: 'question', view: questionOf(found.item, render, { mode: s.mode, key, topicId: found.topic.id, topicTitle: found.topic.title, position: s.at + 1, count: s.keys.length }) });
  }

  private async onAnswer(key: string, response: QuizResponse) {
    const s = this.session;
    if (!s || key !== this.currentKey || s.graded) return;
    const grading = await this.quizzes.answer(key, response, s.mode);
    if (!grading.ok) return this.post({ type: 'invalid', key, message: grading.message });
    s.graded = true;
    s.answered++;
    if (grading.correct) s.right++;
    const found = (await this.quizzes.item(key))!;
    const answer = found.item.kind === 'explain' ? found.item.answer : await this.quizzes.answerText(found.item);
    await this.post({
      type: 'feedback',
      view: {
        key,
        correct: grading.correct,
        answerHtml: found.item.kind === 'explain' ? await this.quizzes.renderMarkdown(answer) : await this.quizzes.renderInline(answer),
        explanationHtml: await this.quizzes.renderMarkdown(found.item.explanation),
        hasSection: !!found.item.section,
        last: s.at === s.keys.length - 1,
      },
    });
  }

  private async onReveal(key: string) {
    if (key !== this.currentKey) return;
    const found = await this.quizzes.item(key);
    if (found?.item.kind === 'explain') await this.post({ type: 'reveal', key, answerHtml: await this.quizzes.renderMarkdown(found.item.answer) });
  }

  private async onNext() {
    const s = this.session;
    if (!s || !s.graded) return;
    s.at++;
    await this.showCurrent();
  }

  private async post(message: ToQuizPanel) {
    if (await this.host?.post(message)) this.posted.fire(message.type);
  }
}

import * as vscode from 'vscode';
import type { PapersSummary } from '../../core/papers/paperStats';
import type { WeekStart } from '../../core/time/localDates';
import { dashboardData } from '../../core/views/dashboardView';
import { isFromDashboard, type FromDashboard, type ToDashboard } from '../../webview/dashboard/protocol';
import { Disposable } from '../base/lifecycle';
import { PANELS } from '../base/viewIds';
import { WebviewHost, type WebviewSpec } from '../base/webviewHost';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

const DASHBOARD: WebviewSpec<FromDashboard> = {
  viewType: PANELS.dashboard,
  name: 'dashboard',
  title: 'Roadmap Progress',
  script: 'dist/webview/dashboard.js',
  styles: ['media/webview/base.css', 'media/webview/dashboard.css'],
  isMessage: isFromDashboard,
};

/** What the dashboard's links and buttons do; wired by the caller. */
export interface DashboardActions {
  openNotes(id: string): Promise<unknown>;
  showNextTopics(): Promise<unknown>;
  goToTopic(): Promise<unknown>;
  /** The reading list's month, drawn beside the topics. */
  papers(now: Date): PapersSummary;
  startStudyPlan(): Promise<unknown>;
  /** The review session of every topic's due cards. */
  review(): Promise<unknown>;
  /** The first day of the week the study plan's settings name. */
  weekStart(): WeekStart;
}

/** The progress dashboard: one panel, redrawn from the stores on every change. */
export class DashboardPanel extends Disposable {
  static readonly viewType = DASHBOARD.viewType;
  private host: WebviewHost<FromDashboard, ToDashboard> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly actions: DashboardActions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(progress.onDidChange(() => void this.refresh()));
    this._register(roadmaps.onDidChange(() => void this.refresh()));
    this._register(progress.onDidChangeResearch(() => void this.refresh()));
    this._register(progress.onDidChangeReview(() => void this.refresh()));
    this._register({ dispose: () => this.host?.dispose() });
  }

  /** VS Code restores the panel after a reload (the serializer is registered at activation, in wiring/). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    WebviewHost.restoredState(this.extensionUri, DASHBOARD, panel, state);
    this.attach(panel);
  }

  show() {
    if (this.host) return this.host.panel.reveal();
    this.attach(WebviewHost.createPanel(this.extensionUri, DASHBOARD));
  }

  private attach(panel: vscode.WebviewPanel) {
    const host = new WebviewHost<FromDashboard, ToDashboard>(
      panel,
      this.extensionUri,
      DASHBOARD,
      {
        open: (m) => this.actions.openNotes(m.id),
        command: (m) => (m.command === 'showNextTopics' ? this.actions.showNextTopics() : m.command === 'goToTopic' ? this.actions.goToTopic() : m.command === 'review' ? this.actions.review() : this.actions.startStudyPlan()),
      },
      () => this.refresh(),
      this.log,
    );
    this.host = host;
    host.onDidClose(() => {
      if (this.host === host) this.host = undefined;
    });
    void this.refresh();
  }

  /** Draws again from the stores (a study plan setting changed, say). */
  async refresh() {
    const host = this.host;
    if (!host) return;
    const index = await this.roadmaps.current();
    const now = new Date();
    await host.post({ type: 'show', data: { ...dashboardData(index, this.progress.get(index.roadmap.id), now, 12, this.actions.weekStart()), papers: this.actions.papers(now) } });
  }
}

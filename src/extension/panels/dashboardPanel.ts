import * as vscode from 'vscode';
import { papersSummary } from '../../core/papers/paperStats';
import { dashboardData } from '../../core/progress/dashboardStats';
import { papersSettings } from '../papers/papersSettings';
import { isFromDashboard, type ToDashboard } from '../../webview/protocol';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmapService';
import { configuredWeekStart, PLAN_SETTINGS } from '../plan/planContext';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** The progress dashboard: one panel, redrawn from the stores on every change. */
export class DashboardPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  static readonly viewType = 'aiRoadmap.dashboard';
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.window.registerWebviewPanelSerializer(DashboardPanel.viewType, this),
      progress.onDidChange(() => void this.refresh()),
      progress.onDidChangeResearch(() => void this.refresh()),
      roadmaps.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => PLAN_SETTINGS.some((s) => e.affectsConfiguration(s)) && void this.refresh()),
    ];
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  show() {
    if (this.panel) return this.panel.reveal();
    this.attach(vscode.window.createWebviewPanel(DashboardPanel.viewType, 'Roadmap Progress', vscode.ViewColumn.Active, webviewOptions(this.extensionUri)));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = webviewOptions(this.extensionUri);
    this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel) {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, {
      title: 'Roadmap Progress',
      script: 'dist/webview/dashboard.js',
      styles: ['media/webview/base.css', 'media/webview/dashboard.css'],
    });
    const subs = [
      panel.webview.onDidReceiveMessage(async (m: unknown) => {
        if (!isFromDashboard(m)) return this.log.warn('The dashboard sent a message that was ignored:', JSON.stringify(m).slice(0, 200));
        if (m.type === 'ready') {
          this.ready = true;
          await this.refresh();
        } else if (m.type === 'open') await vscode.commands.executeCommand('aiRoadmap.openNotes', m.id);
        else await vscode.commands.executeCommand(`aiRoadmap.${m.command}`);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        vscode.Disposable.from(...subs).dispose();
      }),
    ];
  }

  private async refresh() {
    if (!this.panel || !this.ready) return;
    const index = await this.roadmaps.current();
    const now = new Date();
    const papers = papersSummary(this.progress.research(), now, papersSettings().perMonth);
    const message: ToDashboard = { type: 'show', data: { ...dashboardData(index, this.progress.get(index.roadmap.id), now, 12, configuredWeekStart()), papers } };
    void this.panel.webview.postMessage(message);
  }

  dispose() {
    this.panel?.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

import * as vscode from 'vscode';
import { statusSummary } from '../../core/views/statusSummary';
import { setContext } from '../base/editorContext';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

/** "Roadmap 23%" in the status bar; a click runs `clickCommand` (the progress dashboard). */
export class ProgressStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('aiRoadmap.progress', vscode.StatusBarAlignment.Left, 10));

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    clickCommand: string,
  ) {
    super();
    this.item.name = 'AI Roadmap Progress';
    this.item.command = clickCommand;
    this._register(progress.onDidChange(() => void this.update()));
    this._register(roadmaps.onDidChange(() => void this.update()));
    this._register(settings.onChange('statusBar.visible', () => void this.update()));
    void this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  async update() {
    const index = await this.roadmaps.current();
    const summary = statusSummary(index, this.progress.get(index.roadmap.id));
    setContext('anyDone', summary.anyDone);
    if (!this.settings.get('statusBar.visible')) {
      this.item.hide();
      return;
    }
    this.item.text = summary.text;
    this.item.tooltip = new vscode.MarkdownString(summary.tooltipMarkdown);
    this.item.accessibilityInformation = { label: summary.ariaLabel };
    this.item.show();
  }
}

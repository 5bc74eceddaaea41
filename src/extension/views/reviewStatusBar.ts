import * as vscode from 'vscode';
import { reviewSummary } from '../../core/views/statusSummary';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

/** How often the count is looked at again: a card answered wrong falls due again within minutes. */
const RECOUNT_MS = 60_000;

/** "3 to review" in the status bar while review cards are due today; a click starts the review. */
export class ReviewStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('aiRoadmap.reviews', vscode.StatusBarAlignment.Left, 9));

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    clickCommand: string,
  ) {
    super();
    this.item.name = 'AI Roadmap Reviews';
    this.item.command = clickCommand;
    this._register(progress.onDidChangeReview(() => void this.update()));
    this._register(progress.onDidChange(() => void this.update()));
    this._register(roadmaps.onDidChange(() => void this.update()));
    this._register(settings.onChange(['statusBar.visible', 'review.dailyLimit'], () => void this.update()));
    const timer = setInterval(() => void this.update(), RECOUNT_MS);
    this._register({ dispose: () => clearInterval(timer) });
    void this.update();
  }

  /** The text shown ("" while hidden), for tests. */
  get text(): string {
    return this.shown ? this.item.text : '';
  }

  private shown = false;

  async update() {
    const index = await this.roadmaps.current();
    const summary = reviewSummary(index, this.progress.get(index.roadmap.id), new Date(), this.settings.get('review.dailyLimit'));
    this.shown = !!summary && this.settings.get('statusBar.visible');
    if (!summary || !this.shown) return this.item.hide();
    this.item.text = summary.text;
    this.item.tooltip = summary.tooltip;
    this.item.accessibilityInformation = { label: summary.ariaLabel };
    this.item.show();
  }
}

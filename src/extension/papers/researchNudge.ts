import * as vscode from 'vscode';
import { checklist, monthKey, shouldNudge } from '../../core/papers/monthlyHabit';
import type { Settings } from '../base/settings';
import type { ProgressStore } from '../progress/progressStore';
import { PAPERS_SETTINGS, papersSettings } from './papersSettings';

/** Days at the start of a month during which the nudge may show. */
export const NUDGE_DAYS = 5;

/**
 * A quiet status bar item in the first days of a month, until the month's research checklist
 * is done; aiRoadmap.papers.monthlyNudge turns it off.
 */
export class ResearchNudge implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aiRoadmap.researchNudge', vscode.StatusBarAlignment.Left, 9);
  private readonly subscriptions: vscode.Disposable[];
  /** The month changes while the editor stays open. */
  private readonly timer = setInterval(() => this.update(), 3_600_000);

  constructor(
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.item.name = 'AI Roadmap Research Month';
    this.item.command = 'aiRoadmap.papers.focus';
    this.subscriptions = [progress.onDidChangeResearch(() => this.update()), settings.onChange(PAPERS_SETTINGS, () => this.update())];
    this.update();
  }

  /** Whether the nudge shows, and its text, for tests. */
  visible = false;
  get text(): string {
    return this.item.text;
  }

  update() {
    const s = papersSettings(this.settings);
    const research = this.progress.research();
    const now = this.now();
    this.visible = s.monthlyNudge && shouldNudge(research, now, s.perMonth, NUDGE_DAYS);
    if (!this.visible) return this.item.hide();
    const c = checklist(research, monthKey(now), s.perMonth);
    const left = [!c.feed && 'scan a feed', !c.labs && "look at two labs' news", c.papersRead < c.papersGoal && `read ${c.papersGoal - c.papersRead} paper${c.papersGoal - c.papersRead === 1 ? '' : 's'}`].filter(Boolean);
    this.item.text = '$(mortar-board) Research month';
    this.item.tooltip = `A new month: ${left.join(', ')}. Click to open your papers. (Turn this off with the setting aiRoadmap.papers.monthlyNudge.)`;
    this.item.accessibilityInformation = { label: `A new research month: ${left.join(', ')}` };
    this.item.show();
  }

  dispose() {
    clearInterval(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.item.dispose();
  }
}

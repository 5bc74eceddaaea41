import * as vscode from 'vscode';
import { focusText } from '../../core/views/studyPlanRows';
import type { Settings } from '../base/settings';
import { PLAN_SETTINGS, scheduleFor } from '../plan/planContext';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

/** This week's focus topic in the status bar, when aiRoadmap.statusBar.planFocus is on and a plan exists. */
export class PlanFocusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aiRoadmap.planFocus', vscode.StatusBarAlignment.Left, 9);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    /** The command a click runs with the topic's id: Open Notes. */
    private readonly openNotesCommand: string,
  ) {
    this.item.name = 'AI Roadmap Study Focus';
    this.subscriptions.push(
      progress.onDidChange(() => void this.update()),
      roadmaps.onDidChange(() => void this.update()),
      settings.onChange(PLAN_SETTINGS, () => void this.update()),
    );
    void this.update();
  }

  /** The text shown ('' when hidden), for tests. */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  async update() {
    const on = this.settings.get('statusBar.planFocus');
    const index = on ? await this.roadmaps.current() : undefined;
    const schedule = index && scheduleFor(this.settings, index, this.progress.get(index.roadmap.id));
    const focus = schedule && focusText(schedule);
    this.visible = !!focus;
    if (!focus) return this.item.hide();
    this.item.text = focus.text;
    this.item.tooltip = focus.tooltip;
    this.item.command = { command: this.openNotesCommand, title: 'Open Notes', arguments: [focus.id] };
    this.item.accessibilityInformation = { label: focus.tooltip };
    this.item.show();
  }

  dispose() {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.item.dispose();
  }
}

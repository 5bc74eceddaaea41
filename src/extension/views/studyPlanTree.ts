import * as vscode from 'vscode';
import type { Schedule } from '../../core/plan/schedule';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { splitElement as parseElement } from '../../core/views/elementIds';
import type { TreeOptions } from '../../core/views/treeRows';
import { studyPlanChildren, studyPlanRow } from '../../core/views/studyPlanRows';
import type { Settings } from '../base/settings';
import { PLAN_SETTINGS, scheduleFor } from '../plan/planContext';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import { toTreeItem, type RowCommands } from './progressTree';

/**
 * The Study Plan view. Rows come from the core presenter over one schedule, computed again on
 * every refresh (any status change can move dates) and at local midnight (the week changes).
 */
export class StudyPlanTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private index: RoadmapIndex | undefined;
  private schedule: Schedule | undefined;
  private options: TreeOptions = { hideCompleted: false };
  private midnight: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly commands: RowCommands,
    private readonly settings: Settings,
  ) {
    this.subscriptions.push(
      roadmaps.onDidChange(() => this.refresh()),
      progress.onDidChange(() => this.refresh()),
      settings.onChange(PLAN_SETTINGS, () => this.refresh()),
    );
    this.armMidnight();
  }

  setOptions(options: Partial<TreeOptions>) {
    this.options = { ...this.options, ...options };
    this.refresh();
  }

  refresh() {
    this.changed.fire(undefined);
  }

  /** The schedule the view shows, for tests. */
  get current(): Schedule | undefined {
    return this.schedule;
  }

  async getChildren(element?: string): Promise<string[]> {
    this.index = await this.roadmaps.current();
    const progress = this.progress.get(this.index.roadmap.id);
    if (!element) this.schedule = scheduleFor(this.settings, this.index, progress);
    return studyPlanChildren(this.index, progress, this.schedule, this.options, element);
  }

  getParent(element: string): string | undefined {
    const { kind, ref, extra } = parseElement(element);
    if (kind === 'topic' && extra === 'week') return 'week:this';
    if (kind === 'topic' && extra) return `month:${extra}`;
    if (kind === 'milestone' || kind === 'research') return `month:${ref}`;
    return undefined;
  }

  getTreeItem(element: string): vscode.TreeItem {
    const row = this.index && studyPlanRow(this.index, this.progress.get(this.index.roadmap.id), this.schedule, element);
    if (!row) return new vscode.TreeItem('(missing)');
    if (row.kind === 'summary' || row.kind === 'week' || row.kind === 'research') {
      const item = new vscode.TreeItem(row.label, row.expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = row.element;
      item.description = row.description;
      item.tooltip = row.tooltip;
      item.iconPath = new vscode.ThemeIcon(row.icon, row.iconColor ? new vscode.ThemeColor(row.iconColor) : undefined);
      item.accessibilityInformation = { label: row.ariaLabel };
      item.contextValue = row.kind;
      if (row.command) item.command = { command: this.commands[row.command], title: row.label };
      return item;
    }
    const item = toTreeItem({ ...row, kind: row.kind }, this.commands);
    if (row.kind === 'month' && this.schedule?.months.find((m) => String(m.month) === row.ref)?.current) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    return item;
  }

  private armMidnight() {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    this.midnight = setTimeout(() => {
      this.refresh();
      this.armMidnight();
    }, next.getTime() - now.getTime());
  }

  dispose() {
    clearTimeout(this.midnight);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}

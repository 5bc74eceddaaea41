import * as vscode from 'vscode';
import type { RoadmapProgress } from '../../core/progress/progressModel';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { parentOf, touchedBy } from '../../core/views/elementIds';
import { rowFor, type Row, type TreeOptions } from '../../core/views/treeRows';
import { setContext } from '../base/editorContext';
import { Disposable } from '../base/lifecycle';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

let loadedContextSet = false;

type ChildrenOf = (index: RoadmapIndex, progress: RoadmapProgress | undefined, opts: TreeOptions, element?: string) => string[];

/** The commands a click on a row runs: given by the caller, so the view spells no command id. */
export interface RowCommands {
  openNotes: string;
  openResource: string;
  /** The Study Plan view's summary rows. */
  startStudyPlan: string;
  changeStudyPace: string;
}

/**
 * A sidebar tree over the roadmap and its progress (the Roadmap and Study Plan views differ only
 * in `childrenOf`). Elements are id strings; rows are computed from the stores on demand, so the
 * tree keeps no state but the "hide completed" switch.
 */
export class ProgressTreeProvider extends Disposable implements vscode.TreeDataProvider<string> {
  private readonly changed = this._register(new vscode.EventEmitter<string | string[] | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private index: RoadmapIndex | undefined;
  private options: TreeOptions = { hideCompleted: false };

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly childrenOf: ChildrenOf,
    private readonly commands: RowCommands,
  ) {
    super();
    this._register(roadmaps.onDidChange(() => this.refresh()));
    this._register(
      progress.onDidChange((e) => {
        if (!this.index || e.roadmapId !== this.index.roadmap.id) return;
        if (e.changes === 'all' || this.options.hideCompleted) return this.refresh();
        this.changed.fire(touchedBy(this.index, e.changes));
      }),
    );
    // An answer moves due counts and mastery on its topic's and layer's rows.
    this._register(progress.onDidChangeReview((roadmapId) => this.index?.roadmap.id === roadmapId && this.refresh()));
  }

  setOptions(options: Partial<TreeOptions>) {
    this.options = { ...this.options, ...options };
    this.refresh();
  }

  refresh() {
    this.changed.fire(undefined);
  }

  async getChildren(element?: string): Promise<string[]> {
    this.index = await this.roadmaps.current();
    // Until now the view shows "Loading the roadmap..."; the welcome for an empty tree only after.
    if (!element && !loadedContextSet) {
      loadedContextSet = true;
      setContext('loaded', true);
    }
    return this.childrenOf(this.index, this.progress.get(this.index.roadmap.id), this.options, element);
  }

  getParent(element: string): string | undefined {
    return this.index && parentOf(this.index, element);
  }

  getTreeItem(element: string): vscode.TreeItem {
    const row = this.index && rowFor(this.index, this.progress.get(this.index.roadmap.id), element);
    if (!row) return new vscode.TreeItem('(missing)');
    return toTreeItem(row, this.commands);
  }

}

/** A row as the editor shows it; a click runs the command `commands` names for it. */
export function toTreeItem(row: Row, commands?: RowCommands): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, row.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = row.element;
  item.description = row.description;
  item.tooltip = row.tooltip;
  item.iconPath = new vscode.ThemeIcon(row.icon, row.iconColor ? new vscode.ThemeColor(row.iconColor) : undefined);
  item.accessibilityInformation = { label: row.ariaLabel, role: row.checked !== undefined ? 'checkbox' : 'treeitem' };
  // package.json's menus match on this ("topic.done", "exercise", …).
  item.contextValue = row.status ? `${row.kind}.${row.status}` : row.kind;
  if (row.checked !== undefined) {
    item.checkboxState = {
      state: row.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: row.checked ? 'Done: untick to mark not started' : 'Tick when done',
      accessibilityInformation: { label: `${row.label}: done` },
    };
  }
  // Rows of other presenters (the study plan's) open as their kind does.
  const opens = row.opens ?? (row.kind === 'topic' ? 'notes' : row.kind === 'resource' ? 'resource' : undefined);
  if (commands && opens === 'notes') item.command = { command: commands.openNotes, title: 'Open Notes', arguments: [row.element] };
  if (commands && opens === 'resource') item.command = { command: commands.openResource, title: 'Open Resource', arguments: [row.element] };
  return item;
}

import * as vscode from 'vscode';
import type { RoadmapProgress } from '../../core/progress/progressModel';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { monthTopicIds, parseElement, rowFor, type Row, type TreeOptions } from '../../core/tree/treeRows';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmapService';

let loadedContextSet = false;

type ChildrenOf = (index: RoadmapIndex, progress: RoadmapProgress | undefined, opts: TreeOptions, element?: string) => string[];

/**
 * A sidebar tree over the roadmap and its progress (the Roadmap and Study Plan views differ only
 * in `childrenOf`). Elements are id strings; rows are computed from the stores on demand, so the
 * tree keeps no state but the "hide completed" switch.
 */
export class ProgressTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | string[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private index: RoadmapIndex | undefined;
  private options: TreeOptions = { hideCompleted: false };

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly childrenOf: ChildrenOf,
  ) {
    this.subscriptions.push(
      roadmaps.onDidChange(() => this.refresh()),
      progress.onDidChange((e) => {
        if (!this.index || e.roadmapId !== this.index.roadmap.id) return;
        if (e.changes === 'all' || this.options.hideCompleted) return this.refresh();
        this.changed.fire(this.touched(e.changes.map((c) => (c.kind === 'topic' ? c.id : undefined))));
      }),
    );
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
      void vscode.commands.executeCommand('setContext', 'aiRoadmap.loaded', true);
    }
    return this.childrenOf(this.index, this.progress.get(this.index.roadmap.id), this.options, element);
  }

  getParent(element: string): string | undefined {
    const { kind, ref, extra } = parseElement(element);
    if (!this.index) return undefined;
    if (kind === 'topic' && extra) return `month:${extra}`;
    if (kind === 'topic') {
      const layer = this.index.layerOf(ref);
      return layer ? `layer:${layer.id}` : undefined;
    }
    if (kind === 'exercise') return `topic:${extra}`;
    if (kind === 'resource') return `topic:${ref}`;
    if (kind === 'milestone') return `month:${ref}`;
    return undefined;
  }

  getTreeItem(element: string): vscode.TreeItem {
    const row = this.index && rowFor(this.index, this.progress.get(this.index.roadmap.id), element);
    if (!row) return new vscode.TreeItem('(missing)');
    return toTreeItem(row);
  }

  /** The rows a status change touches: the topics (wherever they stand) and their parents. */
  private touched(topicIds: Array<string | undefined>): string[] {
    const out = new Set<string>();
    const months = this.index?.roadmap.plan?.months ?? [];
    for (const id of topicIds) {
      if (!id || !this.index) continue;
      out.add(`topic:${id}`);
      const layer = this.index.layerOf(id);
      if (layer) out.add(`layer:${layer.id}`);
      for (const m of months) {
        if (monthTopicIds(this.index, m.topics).includes(id)) {
          out.add(`topic:${id}:${m.month}`);
          out.add(`month:${m.month}`);
        }
      }
      for (const ex of this.index.topic(id)?.exercises ?? []) out.add(`exercise:${ex}:${id}`);
    }
    return [...out];
  }

  dispose() {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}

export function toTreeItem(row: Row): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, row.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = row.element;
  item.description = row.description;
  item.tooltip = row.tooltip;
  item.iconPath = new vscode.ThemeIcon(row.icon, row.iconColor ? new vscode.ThemeColor(row.iconColor) : undefined);
  item.accessibilityInformation = { label: row.ariaLabel, role: row.checked !== undefined ? 'checkbox' : 'treeitem' };
  item.contextValue = row.status ? `${row.kind}.${row.status}` : row.kind;
  if (row.checked !== undefined) {
    item.checkboxState = {
      state: row.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: row.checked ? 'Done: untick to mark not started' : 'Tick when done',
      accessibilityInformation: { label: `${row.label}: done` },
    };
  }
  if (row.kind === 'topic') item.command = { command: 'aiRoadmap.openNotes', title: 'Open Notes', arguments: [row.element] };
  if (row.kind === 'resource') item.command = { command: 'aiRoadmap.openResource', title: 'Open Resource', arguments: [row.element] };
  return item;
}

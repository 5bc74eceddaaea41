import * as vscode from 'vscode';
import { paperRows, type PaperNode } from '../../core/papers/paperRows';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import type { ProgressStore } from '../progress/progressStore';
import { papersSettings } from './papersSettings';

/** The Papers view: rows from the core, turned into tree items; the store owns every value. */
export class PapersTreeProvider extends Disposable implements vscode.TreeDataProvider<PaperNode> {
  private readonly changed = this._register(new vscode.EventEmitter<PaperNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    /** The command a paper's row runs: Open Paper Note. */
    private readonly openNoteCommand: string,
  ) {
    super();
    this._register(progress.onDidChangeResearch(() => this.changed.fire(undefined)));
    this._register(settings.onChange('papers.perMonth', () => this.changed.fire(undefined)));
  }

  /** Redraws (a new month began, for one). */
  refresh() {
    this.changed.fire(undefined);
  }

  getChildren(parent?: PaperNode): PaperNode[] {
    return this.rows(parent).map((r) => r.node);
  }

  getTreeItem(node: PaperNode): vscode.TreeItem {
    const parent = node.kind === 'habit' ? ({ kind: 'month', month: '' } as const) : node.kind === 'paper' ? this.groupOf(node.id) : undefined;
    const row = this.rows(parent).find((r) => sameNode(r.node, node));
    const item = new vscode.TreeItem(row?.label ?? '', row?.expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = nodeId(node);
    item.description = row?.description;
    item.tooltip = row?.tooltip;
    item.contextValue = node.kind === 'paper' ? `paper.${this.progress.research().papers[node.id]?.status ?? 'to-read'}` : node.kind;
    if (node.kind === 'habit' && node.item !== 'papers') item.checkboxState = row?.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    if (node.kind === 'habit' && node.item === 'papers') item.iconPath = new vscode.ThemeIcon(row?.checked ? 'pass-filled' : 'circle-large-outline');
    if (node.kind === 'month') item.iconPath = new vscode.ThemeIcon('calendar');
    if (node.kind === 'paper') {
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.command = { command: this.openNoteCommand, title: 'Open Paper Note', arguments: [node] };
      item.accessibilityInformation = { label: `${row?.label ?? ''}, ${row?.description ?? ''}` };
    }
    return item;
  }

  getParent(node: PaperNode): PaperNode | undefined {
    if (node.kind === 'paper') return this.groupOf(node.id);
    return undefined;
  }

  private groupOf(id: string): PaperNode | undefined {
    const p = this.progress.research().papers[id];
    return p && { kind: 'group', status: p.status };
  }

  private rows(parent: PaperNode | undefined) {
    return paperRows(this.progress.research(), parent, new Date(), papersSettings(this.settings).perMonth);
  }
}

function nodeId(n: PaperNode): string {
  switch (n.kind) {
    case 'month':
      return 'papers.month';
    case 'habit':
      return `papers.habit.${n.item}`;
    case 'group':
      return `papers.group.${n.status}`;
    case 'paper':
      return `papers.paper.${n.id}`;
  }
}

function sameNode(a: PaperNode, b: PaperNode): boolean {
  return nodeId(a) === nodeId(b);
}

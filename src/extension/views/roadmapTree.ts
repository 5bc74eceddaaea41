import * as vscode from 'vscode';
import type { Layer, Topic } from '../../core/model';
import type { RoadmapService } from '../roadmapService';

export type RoadmapNode = { kind: 'layer'; layer: Layer } | { kind: 'topic'; topic: Topic; layer: Layer };

/** The "Roadmap" view: layers, then their topics. It keeps no state of its own. */
export class RoadmapTreeProvider implements vscode.TreeDataProvider<RoadmapNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RoadmapNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly roadmaps: RoadmapService) {
    this.subscription = roadmaps.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: RoadmapNode): Promise<RoadmapNode[]> {
    const index = await this.roadmaps.current();
    if (!node) return index.roadmap.layers.map((layer) => ({ kind: 'layer', layer }));
    if (node.kind === 'layer') return node.layer.topics.map((topic) => ({ kind: 'topic', topic, layer: node.layer }));
    return [];
  }

  async getParent(node: RoadmapNode): Promise<RoadmapNode | undefined> {
    return node.kind === 'topic' ? { kind: 'layer', layer: node.layer } : undefined;
  }

  getTreeItem(node: RoadmapNode): vscode.TreeItem {
    if (node.kind === 'layer') {
      const { layer } = node;
      const item = new vscode.TreeItem(`${layer.number}. ${layer.title}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `layer:${layer.id}`;
      item.contextValue = 'layer';
      item.description = `${layer.topics.length} topics`;
      item.tooltip = new vscode.MarkdownString().appendMarkdown(`**${escapeMd(layer.title)}**\n\n`).appendText(layer.goal);
      item.iconPath = new vscode.ThemeIcon('layers');
      return item;
    }
    const { topic } = node;
    const item = new vscode.TreeItem(topic.title, vscode.TreeItemCollapsibleState.None);
    item.id = `topic:${topic.id}`;
    item.contextValue = 'topic';
    item.tooltip = topic.summary;
    item.iconPath = new vscode.ThemeIcon('circle-large-outline');
    item.command = { command: 'aiRoadmap.openNotes', title: 'Open Notes', arguments: [node] };
    return item;
  }

  dispose() {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

import * as vscode from 'vscode';
import { layerTally, nextTopics, overallTally } from '../../core/progress/progressStats';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmapService';

/** "Roadmap 23%" in the status bar; a click opens the progress dashboard. */
export class ProgressStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aiRoadmap.progress', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
  ) {
    this.item.name = 'AI Roadmap Progress';
    this.item.command = 'aiRoadmap.openDashboard';
    this.subscriptions.push(
      progress.onDidChange(() => void this.update()),
      roadmaps.onDidChange(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('aiRoadmap.statusBar.visible') && void this.update()),
      vscode.commands.registerCommand('aiRoadmap.openNextTopic', async () => {
        const index = await this.roadmaps.current();
        const [next] = nextTopics(index, this.progress.get(index.roadmap.id), 1);
        if (next) await vscode.commands.executeCommand('aiRoadmap.openNotes', next);
        else void vscode.window.showInformationMessage('Every topic is done or skipped. Congratulations!');
      }),
    );
    void this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  async update() {
    const index = await this.roadmaps.current();
    const p = this.progress.get(index.roadmap.id);
    const all = overallTally(index, p);
    // The walkthrough's "Tick it off" step completes on this key.
    void vscode.commands.executeCommand('setContext', 'aiRoadmap.anyDone', all.done > 0);
    if (!vscode.workspace.getConfiguration('aiRoadmap').get<boolean>('statusBar.visible', true)) {
      this.item.hide();
      return;
    }
    this.item.text = `$(milestone) Roadmap ${all.percent}%`;
    const tip = new vscode.MarkdownString(`**${index.roadmap.title}**: ${all.done} of ${all.total} topics done (${all.percent}%)\n\n`);
    for (const layer of index.roadmap.layers) {
      const t = layerTally(layer, p);
      tip.appendMarkdown(`- ${layer.number}. ${layer.title.replace(/[[\]*_`]/g, '')}: ${t.done}/${t.total}\n`);
    }
    tip.appendMarkdown('\nClick to open the progress dashboard.');
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: `AI Roadmap progress: ${all.percent} percent, ${all.done} of ${all.total} topics done` };
    this.item.show();
  }

  dispose() {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.item.dispose();
  }
}

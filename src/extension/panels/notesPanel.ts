import * as vscode from 'vscode';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { isFromPanel, type NotesView, type ToPanel } from '../../webview/protocol';
import type { RoadmapService } from '../roadmapService';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** The notes panel: one, reused; shows a layer or a topic. Holds only the id it shows. */
export class NotesPanel implements vscode.Disposable {
  static readonly viewType = 'aiRoadmap.notes';
  private panel: vscode.WebviewPanel | undefined;
  private shownId: string | undefined;
  private ready = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Shows a layer or topic by id, creating the panel or bringing it forward. */
  async show(id: string): Promise<void> {
    const index = await this.roadmaps.current();
    const view = toView(index, id);
    if (!view) throw new Error(`There is no layer or topic "${id}" in this roadmap.`);
    this.shownId = id;
    if (!this.panel) this.create(view.title);
    else this.panel.reveal(undefined, false);
    this.panel!.title = view.title;
    if (this.ready) this.post({ type: 'show', view });
  }

  /** The id on screen, for tests and commands that act on "the current topic". */
  get currentId(): string | undefined {
    return this.panel ? this.shownId : undefined;
  }

  private create(title: string) {
    const panel = vscode.window.createWebviewPanel(NotesPanel.viewType, title, vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, { title, script: 'dist/webview/notes.js', styles: ['media/webview/notes.css'] });
    this.ready = false;
    // Listeners live as long as this panel; a new panel gets new ones.
    const subscriptions: vscode.Disposable[] = [];
    panel.webview.onDidReceiveMessage(
      async (m: unknown) => {
        if (!isFromPanel(m)) return this.log.warn('Notes panel sent a message that was ignored:', JSON.stringify(m));
        if (m.type === 'ready') {
          this.ready = true;
          const index = await this.roadmaps.current();
          const view = this.shownId ? toView(index, this.shownId) : undefined;
          if (view) this.post({ type: 'show', view });
        } else if (m.type === 'open') {
          await this.show(m.id).catch((e: Error) => this.log.warn(e.message));
        }
      },
      undefined,
      subscriptions,
    );
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
      vscode.Disposable.from(...subscriptions).dispose();
    });
    this.panel = panel;
  }

  private post(message: ToPanel) {
    void this.panel?.webview.postMessage(message);
  }

  dispose() {
    this.panel?.dispose();
  }
}

function toView(index: RoadmapIndex, id: string): NotesView | undefined {
  const layer = index.layer(id);
  if (layer) {
    return {
      kind: 'layer',
      id,
      title: layer.title,
      context: `Layer ${layer.number}`,
      goal: layer.goal,
      summary: layer.summary,
      items: layer.topics.map((t) => ({ id: t.id, title: t.title })),
    };
  }
  const topic = index.topic(id);
  const parent = index.layerOf(id);
  if (!topic || !parent) return undefined;
  return {
    kind: 'topic',
    id,
    title: topic.title,
    context: `Layer ${parent.number} · ${parent.title}`,
    summary: topic.summary,
    items: topic.prerequisites.flatMap((p) => {
      const t = index.topic(p);
      return t ? [{ id: t.id, title: `Prerequisite: ${t.title}` }] : [];
    }),
  };
}

import * as vscode from 'vscode';
import { isFromNotesPanel, isNotesPanelState, type FromNotesPanel, type NotesView, type ToNotesPanel } from '../../webview/protocol';
import { openWebLink } from '../openWebLink';
import { notesRenderer } from '../lazyModules';
import type { MyNotes } from '../myNotes';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmapService';
import { noteReferences } from '../../core/papers/noteReferences';
import { notesViewFor } from './notesViews';
import { offThread } from '../offThread/offThread';
import { escapeHtml, webviewHtml, webviewOptions } from './webviewHtml';

interface OpenPanel {
  panel: vscode.WebviewPanel;
  id: string;
  ready: boolean;
  /** The view being built for `id`, started before the page is ready so the two overlap. */
  pending?: Promise<NotesView | undefined>;
}

/**
 * The notes panels: one reused panel by default (aiRoadmap.notes.openInNewPanel opens one per
 * topic), restored after a reload by the serializer. A panel holds only the id it shows.
 */
export class NotesPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  static readonly viewType = 'aiRoadmap.notes';
  private readonly panels = new Set<OpenPanel>();
  private render: ((md: string) => string) | undefined;
  /** Rendered notes by path: notes are read-only content, so one render per session suffices. */
  private readonly rendered = new Map<string, string>();
  /** arXiv references per notes path, read with the notes. */
  private readonly references = new Map<string, ReturnType<typeof noteReferences>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Resolves each time a panel has posted its content, for tests and the bench. */
  private readonly shown = new vscode.EventEmitter<string>();
  readonly onDidShow = this.shown.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly myNotes: MyNotes,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(NotesPanels.viewType, this),
      roadmaps.onDidChange(async (index) => {
        // Another roadmap, or an author edited theirs: render afresh; ids that left go to layer 1.
        this.rendered.clear();
        this.references.clear();
        for (const p of this.panels) {
          if (!index.topic(p.id) && !index.layer(p.id)) p.id = index.roadmap.layers[0].id;
          void this.refresh(p);
        }
      }),
      progress.onDidChange((e) => {
        for (const p of this.panels) {
          const own = e.changes !== 'all' && e.changes.length === 1 && e.changes[0].kind === 'topic' && e.changes[0].id === p.id ? e.changes[0] : undefined;
          // The panel's own status updates in place; anything else may touch what it lists.
          if (own) this.post(p, { type: 'status', id: own.id, status: own.status });
          else void this.refresh(p);
        }
      }),
      // A paper added or removed changes the references' "In your papers" marks.
      progress.onDidChangeResearch(() => {
        for (const p of this.panels) void this.refresh(p);
      }),
    );
  }

  /** The id shown in the most recently active panel. */
  get currentId(): string | undefined {
    const active = [...this.panels].find((p) => p.panel.active) ?? [...this.panels].pop();
    return active?.id;
  }

  async show(id: string): Promise<void> {
    const index = await this.roadmaps.current();
    if (!index.layer(id) && !index.topic(id)) throw new Error(`There is no layer or topic "${id}" in this roadmap.`);
    const reuse = !vscode.workspace.getConfiguration('aiRoadmap').get<boolean>('notes.openInNewPanel', false);
    let target = [...this.panels].find((p) => p.id === id) ?? (reuse ? [...this.panels][0] : undefined);
    if (!target) {
      const panel = vscode.window.createWebviewPanel(NotesPanels.viewType, 'AI Roadmap', vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
      target = this.attach(panel, id);
    } else {
      target.id = id;
      target.panel.reveal(undefined, false);
    }
    await this.refresh(target);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const index = await this.roadmaps.current();
    const id = isNotesPanelState(state) && (index.topic(state.id) || index.layer(state.id)) ? state.id : index.roadmap.layers[0].id;
    panel.webview.options = webviewOptions(this.extensionUri);
    await this.refresh(this.attach(panel, id));
  }

  private attach(panel: vscode.WebviewPanel, id: string): OpenPanel {
    const open: OpenPanel = { panel, id, ready: false };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, {
      title: 'AI Roadmap notes',
      script: 'dist/webview/notes.js',
      styles: ['dist/webview/katex/katex.min.css', 'media/webview/base.css', 'media/webview/notes.css', 'media/webview/highlight.css'],
    });
    const subscriptions = [
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!isFromNotesPanel(m)) return this.log.warn('The notes panel sent a message that was ignored:', JSON.stringify(m).slice(0, 200));
        void this.handle(open, m).catch((e: Error) => this.log.error(`Notes panel: ${e.message}`));
      }),
      panel.onDidDispose(() => {
        this.panels.delete(open);
        vscode.Disposable.from(...subscriptions).dispose();
      }),
    ];
    this.panels.add(open);
    return open;
  }

  private async handle(open: OpenPanel, m: FromNotesPanel) {
    const index = await this.roadmaps.current();
    switch (m.type) {
      case 'ready':
        open.ready = true;
        return this.refresh(open, true);
      case 'open':
        if (index.topic(m.id) || index.layer(m.id)) {
          open.id = m.id;
          return this.refresh(open);
        }
        return;
      case 'setStatus':
        if (index.topic(m.id)) await this.progress.apply(index.roadmap.id, [{ kind: 'topic', id: m.id, status: m.status }]);
        return;
      case 'openLink':
        return void (await openWebLink(m.href));
      case 'openMyNotes':
        if (index.topic(m.id)) await this.myNotes.open(index.roadmap.id, index.topic(m.id)!);
        return this.refresh(open);
      case 'exercise': {
        if (m.action === 'scaffold') return void (await vscode.commands.executeCommand('aiRoadmap.scaffoldExercise', m.id));
        // The check's result goes back to the panel's live region as well as to a notification.
        const result = await vscode.commands.executeCommand<{ reason?: string } | undefined>('aiRoadmap.checkExercise', m.id);
        const text = result?.reason === 'cancelled' ? 'The check was cancelled.' : result?.reason;
        if (text) this.post(open, { type: 'feedback', text });
        return;
      }
      case 'addPaper': {
        const notes = index.topic(m.id)?.notes;
        const ref = notes ? (await this.paperReferences(notes)).find((r) => r.arxivId === m.arxivId) : undefined;
        if (ref) await vscode.commands.executeCommand('aiRoadmap.papers.add', `arXiv:${ref.arxivId}`, { topicId: m.id, title: ref.title, fetch: false });
        return;
      }
    }
  }

  /**
   * Builds the view for the panel's id (even before the page is ready) and posts it once it is.
   * With `reuse`, a build already under way is awaited instead of started again.
   */
  private async refresh(open: OpenPanel, reuse = false) {
    const id = open.id;
    const pending = reuse && open.pending ? open.pending : (open.pending = this.buildView(id));
    const view = await pending;
    if (!view || open.id !== id || open.pending !== pending) return; // a newer request took over
    open.panel.title = view.title;
    if (!open.ready) return; // posted by the 'ready' handler
    open.pending = undefined;
    this.post(open, { type: 'show', view });
    this.shown.fire(id);
  }

  private async buildView(id: string): Promise<NotesView | undefined> {
    const index = await this.roadmaps.current();
    return notesViewFor(index, this.progress.get(index.roadmap.id), id, {
      renderNotes: (p) => this.renderNotes(p),
      hasMyNotes: (topic) => this.myNotes.exists(index.roadmap.id, topic),
      paperRefs: async (notesPath) => {
        const listed = this.progress.research().papers;
        return (await this.paperReferences(notesPath)).map((r) => ({ ...r, listed: !!listed[`arxiv:${r.arxivId}`] }));
      },
    });
  }

  private async paperReferences(notesPath: string) {
    let refs = this.references.get(notesPath);
    if (!refs) {
      refs = noteReferences(await this.roadmaps.readNotes(notesPath));
      this.references.set(notesPath, refs);
    }
    return refs;
  }

  private async renderNotes(notesPath: string): Promise<string> {
    let html = this.rendered.get(notesPath);
    if (html === undefined) {
      const markdown = await this.roadmaps.readNotes(notesPath);
      if (this.roadmaps.authorRoadmap) {
        // An author's notes may be anything: rendered on the worker thread, within a deadline.
        html = await offThread.renderNotes(markdown).catch((e: Error) => `<p class="render-error">${escapeHtml(e.message)}</p>`);
      } else {
        this.render ??= (await notesRenderer()).createNotesRenderer(); // markdown-it, KaTeX and highlight.js load on first use
        html = this.render(markdown);
      }
      this.rendered.set(notesPath, html);
    }
    return html;
  }

  /** The HTML a notes file was rendered to in this session, if it was (the smoke test reads it). */
  renderedHtml(notesPath: string): string | undefined {
    return this.rendered.get(notesPath);
  }

  private post(open: OpenPanel, message: ToNotesPanel) {
    if (open.ready) void open.panel.webview.postMessage(message);
  }

  dispose() {
    for (const p of this.panels) p.panel.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.shown.dispose();
  }
}

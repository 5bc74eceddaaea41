import * as vscode from 'vscode';
import { noteReferences } from '../../core/papers/noteReferences';
import { checkImageFile, resolveNoteImages } from '../../core/render/noteImages';
import { renderWithLanguages, type NotesRenderer } from '../../core/render/codeLanguages';
import type { NotesView } from '../../core/views/notesView';
import { notesViewFor } from '../../core/views/notesView';
import { isFromNotesPanel, isNotesPanelState, type FromNotesPanel, type NotesPanelState, type ToNotesPanel } from '../../webview/notes/protocol';
import { codeLanguage, notesRenderer } from '../base/lazyModules';
import { escapeHtml, webviewOptions } from '../base/webviewHtml';
import { containedFiles } from '../files/containedFiles';
import { offThread } from '../offThread/offThread';
import { Disposable } from '../base/lifecycle';
import { openWebLink } from '../base/openWebLink';
import type { Settings } from '../base/settings';
import { PANELS } from '../base/viewIds';
import { WebviewHost, type WebviewSpec } from '../base/webviewHost';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import type { MyNotes } from './myNotes';
import { NoteCode } from './noteCode';
import { NotesSnippets, type SnippetActions } from './notesSnippets';

const NOTES: WebviewSpec<FromNotesPanel, NotesPanelState> = {
  viewType: PANELS.notes,
  name: 'notes panel',
  title: 'AI Roadmap notes',
  script: 'dist/webview/notes.js',
  styles: ['dist/webview/katex/katex.min.css', 'media/webview/base.css', 'media/webview/notes.css', 'media/webview/highlight.css', 'media/webview/snippets.css'],
  isMessage: isFromNotesPanel,
  isState: isNotesPanelState,
};

/** What the notes panel's exercise buttons do; wired by the caller so panels need no exercise code. */
export interface NotesPanelActions {
  exercise(action: 'scaffold' | 'check', exerciseId: string): Promise<unknown>;
  /** Adds a paper a note cites to the reading list. */
  addPaper(arxivId: string, topicId: string, title: string): Promise<unknown>;
  /** Whether each of these arXiv ids is in the reading list. */
  listedPapers(): Record<string, unknown>;
  /** The topic's quiz, or a review of its due cards, in the quiz panel. */
  quiz(mode: 'quiz' | 'review', topicId: string): Promise<unknown>;
  /** Runs the notes' Python blocks (Run and Stop in the panel). */
  snippets: SnippetActions;
}

interface OpenPanel {
  host: WebviewHost<FromNotesPanel, ToNotesPanel>;
  id: string;
  /** The view being built for `id`, started before the page is ready so the two overlap. */
  pending?: Promise<NotesView | undefined>;
}

/**
 * The notes panels: one reused panel by default (notes.openInNewPanel opens one per topic),
 * restored after a reload by the serializer. A panel holds only the id it shows.
 */
export class NotesPanels extends Disposable implements vscode.WebviewPanelSerializer {
  static readonly viewType = NOTES.viewType;
  private readonly panels = new Set<OpenPanel>();
  private render: NotesRenderer | undefined;
  /** Rendered notes by path: notes are read-only content, so one render per session suffices. */
  private readonly rendered = new Map<string, string>();
  /** arXiv references per notes path, read with the notes. */
  private readonly references = new Map<string, ReturnType<typeof noteReferences>>();
  /** Pictures of the notes checked in the roadmap folder, by path: a reason when refused. */
  private readonly pictures = new Map<string, Promise<{ ok: true } | { ok: false; reason: string }>>();
  /** The notes HTML last sent to a panel, by topic id, pictures resolved (the tests read it). */
  private readonly shownHtml = new Map<string, string>();
  /** Fires each time a panel has posted its content, for tests and the bench. */
  private readonly shown = this._register(new vscode.EventEmitter<string>());
  readonly onDidShow = this.shown.event;
  /** The notes' code for the workspace: blocks, Copy to Workspace, Open as Notebook. */
  readonly code: NoteCode;
  /** Run and Stop on the Python blocks of the panels' notes. */
  readonly snippets: NotesSnippets;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    private readonly myNotes: MyNotes,
    private readonly actions: NotesPanelActions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.code = new NoteCode(roadmaps);
    this.snippets = this._register(new NotesSnippets(this.code, actions.snippets));
    this._register(
      roadmaps.onDidChange(() => {
        // Another roadmap, or an author edited theirs: render afresh. A panel whose topic left keeps
        // what it shows (its refresh finds nothing to show): it never changes under the learner.
        this.rendered.clear();
        this.references.clear();
        this.pictures.clear();
        for (const p of this.panels) void this.refresh(p);
      }),
    );
    this._register(
      progress.onDidChange((e) => {
        for (const p of this.panels) {
          const own = e.changes !== 'all' && e.changes.length === 1 && e.changes[0].kind === 'topic' && e.changes[0].id === p.id ? e.changes[0] : undefined;
          // The panel's own status updates in place; anything else may touch what it lists.
          if (own) void p.host.post({ type: 'status', id: own.id, status: own.status });
          else void this.refresh(p);
        }
      }),
    );
    // An answer changes the mastery and the due count a topic's header shows.
    this._register(
      progress.onDidChangeReview(() => {
        for (const p of this.panels) void this.refresh(p);
      }),
    );
    // A paper added or removed changes the references' "In your papers" marks.
    this._register(
      progress.onDidChangeResearch(() => {
        for (const p of this.panels) void this.refresh(p);
      }),
    );
    this._register({ dispose: () => [...this.panels].forEach((p) => p.host.dispose()) });
  }

  /** The id shown in the active notes panel, else in the one opened last. */
  get currentId(): string | undefined {
    const active = [...this.panels].find((p) => p.host.panel.active) ?? [...this.panels].pop();
    return active?.id;
  }

  /** With `beside` (the map's column), the notes open next to that column and leave it the focus. */
  async show(id: string, options: { beside?: vscode.ViewColumn } = {}): Promise<void> {
    const index = await this.roadmaps.current();
    if (!index.layer(id) && !index.topic(id)) throw new Error(`There is no layer or topic "${id}" in this roadmap.`);
    const reuse = !this.settings.get('notes.openInNewPanel');
    let target = [...this.panels].find((p) => p.id === id) ?? (reuse ? [...this.panels][0] : undefined);
    if (!target) {
      target = this.attach(WebviewHost.createPanel(this.extensionUri, NOTES, options.beside !== undefined ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true } : undefined), id);
    } else {
      target.id = id;
      // Beside: a notes panel in the map's own group would hide the map, so it moves next to it.
      if (options.beside !== undefined && target.host.panel.viewColumn === options.beside) target.host.panel.reveal(vscode.ViewColumn.Beside, true);
      else if (options.beside !== undefined) target.host.panel.reveal(undefined, true);
      else target.host.panel.reveal(undefined, false);
    }
    await this.refresh(target);
  }

  /** Shows a topic's notes scrolled to one of its headings ("Show the section" of a quiz item). */
  async showSection(id: string, anchor?: string): Promise<void> {
    await this.show(id);
    const target = [...this.panels].find((p) => p.id === id);
    if (target && anchor) await target.host.post({ type: 'scrollTo', anchor });
  }

  /** VS Code restores a panel after a reload; tests call this too, so the state is checked here. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.revive(panel, WebviewHost.restoredState(this.extensionUri, NOTES, panel, state));
  }

  private async revive(panel: vscode.WebviewPanel, state: NotesPanelState | undefined) {
    const index = await this.roadmaps.current();
    const id = state && (index.topic(state.id) || index.layer(state.id)) ? state.id : index.roadmap.layers[0].id;
    await this.refresh(this.attach(panel, id));
  }

  /**
   * Where a notes panel may load from beside the extension: the figures of runs, and the shown
   * roadmap's folder (for the built-in one, its content pack) for the pictures of its notes.
   */
  private contentRoots(): vscode.Uri[] {
    return [...this.snippets.resourceRoots, this.roadmaps.contentRoot];
  }

  private attach(panel: vscode.WebviewPanel, id: string): OpenPanel {
    const open = { id } as OpenPanel;
    // Allowed before the page is written, so it never reloads for a figure or a picture.
    panel.webview.options = webviewOptions(this.extensionUri, this.contentRoots());
    open.host = new WebviewHost<FromNotesPanel, ToNotesPanel>(
      panel,
      this.extensionUri,
      NOTES,
      {
        open: async (m) => {
          const index = await this.roadmaps.current();
          if (!index.topic(m.id) && !index.layer(m.id)) return;
          open.id = m.id;
          await this.refresh(open);
        },
        setStatus: async (m) => {
          const index = await this.roadmaps.current();
          if (index.topic(m.id)) await this.progress.apply(index.roadmap.id, [{ kind: 'topic', id: m.id, status: m.status }]);
        },
        openLink: (m) => openWebLink(m.href),
        openMyNotes: async (m) => {
          const index = await this.roadmaps.current();
          const topic = index.topic(m.id);
          if (topic) await this.myNotes.open(index.roadmap.id, topic);
          await this.refresh(open);
        },
        exercise: async (m) => {
          if (m.action === 'scaffold') return this.actions.exercise('scaffold', m.id);
          // The check's result goes back to the panel's live region as well as to a notification.
          const result = (await this.actions.exercise('check', m.id)) as { reason?: string } | undefined;
          const text = result?.reason === 'cancelled' ? 'The check was cancelled.' : result?.reason;
          if (text) await open.host.post({ type: 'feedback', text });
        },
        quiz: (m) => this.actions.quiz(m.mode, m.id),
        addPaper: async (m) => {
          const index = await this.roadmaps.current();
          const notes = index.topic(m.id)?.notes;
          const ref = notes ? (await this.paperReferences(notes)).find((r) => r.arxivId === m.arxivId) : undefined;
          if (ref) await this.actions.addPaper(ref.arxivId, m.id, ref.title);
        },
        ...this.snippets.handlers(open),
      },
      () => this.refresh(open, true),
      this.log,
    );
    open.host.onDidClose(() => {
      this.panels.delete(open);
      this.snippets.closed(open);
    });
    this.panels.add(open);
    return open;
  }

  /**
   * Builds the view for the panel's id (even before the page is ready) and posts it, the host
   * keeping it until the page is ready. With `reuse`, a build already under way is awaited
   * instead of started again.
   */
  private async refresh(open: OpenPanel, reuse = false) {
    const id = open.id;
    const pending = reuse && open.pending ? open.pending : (open.pending = this.buildView(id, open.host.panel.webview));
    const view = await pending;
    if (!view || open.id !== id || open.pending !== pending) return; // a newer request took over
    open.pending = undefined;
    open.host.panel.title = view.title;
    // Pictures load from the shown roadmap's folder: a panel that shows another roadmap's topic may
    // load from its folder instead (the page reloads once, says "ready" and is sent this view again).
    WebviewHost.setContentRoots(open.host.panel, this.extensionUri, this.contentRoots());
    if (view.kind === 'topic') this.shownHtml.set(id, view.notesHtml);
    if (await open.host.post({ type: 'show', view })) {
      await this.snippets.shown(open, id);
      this.shown.fire(id);
    }
  }

  private async buildView(id: string, webview: vscode.Webview): Promise<NotesView | undefined> {
    const index = await this.roadmaps.current();
    return notesViewFor(index, this.progress.get(index.roadmap.id), id, {
      renderNotes: async (p) => this.withPictures(await this.renderNotes(p), p, webview),
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
        html = await renderWithLanguages(this.render, markdown, codeLanguage);
      }
      this.rendered.set(notesPath, html);
    }
    return html;
  }

  /**
   * The rendered note with its pictures: each file is checked in the roadmap folder (links
   * resolved, regular, an image within the cap) and loaded by the webview through its resource URI.
   */
  private withPictures(html: string, notesPath: string, webview: vscode.Webview): Promise<string> {
    const root = this.roadmaps.contentRoot;
    const files = containedFiles(root, 'the roadmap folder');
    return resolveNoteImages(html, notesPath, async (rel) => {
      let checked = this.pictures.get(rel);
      if (!checked) this.pictures.set(rel, (checked = checkImageFile(files, rel)));
      const result = await checked;
      return result.ok ? { uri: webview.asWebviewUri(vscode.Uri.joinPath(root, ...rel.split('/'))).toString() } : { refused: result.reason };
    });
  }

  /** The notes HTML last sent to a panel for this topic, with its pictures resolved (tests read it). */
  shownNotesHtml(topicId: string): string | undefined {
    return this.shownHtml.get(topicId);
  }

  /** The HTML a notes file was rendered to in this session, if it was (the smoke test reads it). */
  renderedHtml(notesPath: string): string | undefined {
    return this.rendered.get(notesPath);
  }
}

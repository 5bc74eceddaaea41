import * as vscode from 'vscode';
import type { LoadResult } from '../../core/loading/loadRoadmap';
import type { RoadmapFiles } from '../../core/loading/roadmapFiles';
import type { Roadmap } from '../../core/model';
import type { Problem } from '../../core/problem';
import { RoadmapIndex } from '../../core/roadmapIndex';
import { budgetedRoadmapFiles } from '../../core/loading/budgetedRoadmapFiles';
import { MAX_NOTES_BYTES } from '../../core/loading/limits';
import { containedFiles } from '../files/containedFiles';
import { safeRelativePath } from '../../core/safePath';
import { CoalescingRunner } from '../../core/util/coalescingRunner';
import { BuiltInContent } from './builtInContent';
import { offThread } from '../offThread/offThread';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import { YamlFilesPoll } from './yamlFilesPoll';
import { roadmapProblemNotice } from '../../core/views/roadmapProblemNotice';

/** An author's roadmap that has problems, and what is shown meanwhile. */
export interface RoadmapProblems {
  file: vscode.Uri;
  errors: number;
  warnings: number;
  /** The last good roadmap stays on screen; the built-in one only when nothing good was loaded. */
  showing: 'last good' | 'built-in';
  /** The title of what is shown. */
  shownTitle: string;
}

/**
 * Owns the roadmap the extension shows: the built-in one (the JSON index compiled at build
 * time, so no YAML is parsed at activation) or an author's roadmap named by the
 * aiRoadmap.roadmapFile setting, checked by the core loader with its problems in the Problems
 * view. It is read on first use, not at activation. While an author's roadmap has problems the
 * last good roadmap stays on screen (nothing changes under the learner, not even the open notes);
 * the built-in one stands in only when nothing good was loaded yet.
 */
export class RoadmapService extends Disposable {
  private loaded: Promise<RoadmapIndex> | undefined;
  private root: vscode.Uri;
  /** The roadmap on screen, and the author's file it came from (none for the built-in one). */
  private shown: { index: RoadmapIndex; file?: vscode.Uri } | undefined;
  private problemState: RoadmapProblems | undefined;
  /** Set by an explicit reload (a command, the setting): its outcome is announced even if unchanged. */
  private announceNext = false;
  private readonly changed = this._register(new vscode.EventEmitter<RoadmapIndex>());
  /** Fires when another roadmap, or a new version of it, is shown; not when a broken save keeps the last good one. */
  readonly onDidChange = this.changed.event;
  private readonly problemsChanged = this._register(new vscode.EventEmitter<RoadmapProblems | undefined>());
  readonly onDidChangeProblems = this.problemsChanged.event;
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('AI Roadmap'));
  /** Watches an author's roadmap folder for changes from outside the editor (git, scripts). */
  private watcher: { dir: string; disposable: vscode.Disposable } | undefined;
  /** Reloads one at a time; a change that lands during a reload brings one more. */
  private readonly reloader = this._register(
    new CoalescingRunner(async () => {
      const before = this.shown?.index;
      this.loaded = this.load();
      const index = await this.loaded;
      if (index === before) return;
      // The views redraw in a task of their own, not in the one that built the roadmap.
      await pause();
      this.changed.fire(index);
    }, 200),
  );

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.root = this.builtInRoot;
    this._register(BuiltInContent.register(vscode.Uri.joinPath(extensionUri, 'dist', 'content.json.zst')));
    this._register(settings.onChange('roadmapFile', () => void this.reload()));
    // A save in the editor is the path a teacher uses; it does not depend on the watcher.
    this._register(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.isAuthorFile(doc.uri)) this.reloader.request();
      }),
    );
    this._register({ dispose: () => this.watcher?.disposable.dispose() });
  }

  /** The built-in notes and exercises, served from the content pack. */
  private get builtInRoot() {
    return BuiltInContent.root;
  }

  /** The root folder of the shown roadmap: notes and templates are relative to it. */
  get contentRoot(): vscode.Uri {
    return this.root;
  }

  current(): Promise<RoadmapIndex> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  /** What is wrong with the author's roadmap, while it has errors. */
  get problems(): RoadmapProblems | undefined {
    return this.problemState;
  }

  /** Loads again (a command, or the setting changed) and tells the views; problems are announced. */
  async reload(): Promise<RoadmapIndex> {
    this.announceNext = true;
    await this.reloader.runNow();
    return this.current();
  }

  /** Whether a change to this file can change the author's roadmap. */
  private isAuthorFile(uri: vscode.Uri): boolean {
    const dir = this.watcher?.dir;
    return !!dir && /\.(ya?ml|md)$/i.test(uri.path) && uri.toString().startsWith(`${dir}/`);
  }

  /** The text of a notes file of the shown roadmap. */
  async readNotes(notesPath: string): Promise<string> {
    const safe = safeRelativePath(notesPath);
    if (!safe) throw new Error(`Notes path "${notesPath}" leaves the roadmap folder.`);
    const bytes = await containedFiles(this.root, 'the roadmap folder').read(safe, MAX_NOTES_BYTES);
    if (!bytes) throw new Error(`The notes file "${safe}" does not exist.`);
    return new TextDecoder().decode(bytes);
  }

  private async load(): Promise<RoadmapIndex> {
    const announce = this.announceNext;
    this.announceNext = false;
    const file = this.authorFile();
    // Watched even while it has problems, so fixing them brings the roadmap in.
    this.watch(file && vscode.Uri.joinPath(file, '..'));
    if (file) {
      const result = await this.loadAuthorRoadmap(file);
      if (result.ok) {
        // The index is built in tasks of its own, not in the one that received the roadmap.
        await pause();
        const index = await RoadmapIndex.inSlices(result.roadmap, pause);
        this.setProblems(undefined);
        this.root = vscode.Uri.joinPath(file, '..');
        this.shown = { index, file };
        this.log.info(`Showing the roadmap ${file.fsPath}.`);
        return this.shown.index;
      }
      const kept = this.shown;
      const index = kept?.index ?? (await this.loadBuiltIn());
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      const state: RoadmapProblems = { file, errors, warnings: result.problems.length - errors, showing: kept?.file ? 'last good' : 'built-in', shownTitle: index.roadmap.title };
      const before = this.problemState;
      this.setProblems(state);
      this.log.warn(`The roadmap ${file.fsPath} has ${errors} error(s); "${index.roadmap.title}" ${kept ? 'stays on screen' : 'is shown'} meanwhile.`);
      // Said once when the roadmap breaks (and after a command), not on every save while it stays broken.
      if (announce || !before || before.file.toString() !== file.toString()) this.announce(state);
      return index;
    }
    this.diagnostics.clear();
    this.setProblems(undefined);
    return this.loadBuiltIn();
  }

  private async loadBuiltIn(): Promise<RoadmapIndex> {
    this.root = this.builtInRoot;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'roadmap.json'));
    this.shown = { index: new RoadmapIndex(JSON.parse(new TextDecoder().decode(bytes)) as Roadmap) };
    return this.shown.index;
  }

  private setProblems(state: RoadmapProblems | undefined) {
    if (!state && !this.problemState) return;
    this.problemState = state;
    this.problemsChanged.fire(state);
  }

  private announce(state: RoadmapProblems) {
    const { notice } = roadmapProblemNotice({ ...state, file: vscode.workspace.asRelativePath(state.file) });
    void vscode.window.showErrorMessage(`AI Roadmap: ${notice}`, 'Show Problems').then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
  }

  /** An author's roadmap checked by the core loader, its problems (and warnings) in the Problems view. */
  private async loadAuthorRoadmap(file: vscode.Uri): Promise<LoadResult> {
    const dir = vscode.Uri.joinPath(file, '..');
    const entry = file.path.slice(dir.path.length + 1);
    const started = Date.now();
    let result: LoadResult;
    try {
      result = await offThread.loadRoadmap(workspaceFiles(dir), entry);
    } catch (e) {
      result = { ok: false, problems: [{ file: entry, line: 1, column: 1, message: (e as Error).message, severity: 'error' }] };
    }
    this.log.info(`Loaded ${file.fsPath} on ${offThread.whereLabel} in ${Date.now() - started} ms.`);
    this.diagnostics.clear();
    this.report(dir, result.ok ? result.warnings : result.problems);
    return result;
  }

  /**
   * Watches the author's roadmap folder for changes made outside the editor, with a poll of its
   * YAML files as a backstop. Both are kept across reloads of the same folder: a new watcher is
   * registered asynchronously by the host, and a change in that gap would be missed.
   */
  private watch(dir: vscode.Uri | undefined) {
    if (this.watcher?.dir === dir?.toString()) return;
    this.watcher?.disposable.dispose();
    this.watcher = undefined;
    if (!dir) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '**/*.{yaml,yml,md}'));
    const later = () => this.reloader.request();
    const poll = new YamlFilesPoll(dir, later);
    this.watcher = { dir: dir.toString(), disposable: vscode.Disposable.from(w, w.onDidChange(later), w.onDidCreate(later), w.onDidDelete(later), poll) };
  }

  private report(dir: vscode.Uri, problems: Problem[]) {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const pos = new vscode.Position(p.line - 1, p.column - 1);
      const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'AI Roadmap';
      byFile.set(p.file, [...(byFile.get(p.file) ?? []), d]);
    }
    for (const [rel, diags] of byFile) this.diagnostics.set(vscode.Uri.joinPath(dir, ...rel.split('/')), diags);
  }

  /** The author's roadmap file shown (the last good one while the chosen file has problems), if any. */
  get authorRoadmap(): vscode.Uri | undefined {
    return this.shown?.file;
  }

  /** The roadmapFile setting as a URI: absolute, or relative to the first workspace folder. */
  private authorFile(): vscode.Uri | undefined {
    const setting = this.settings.get('roadmapFile');
    if (!setting) return undefined;
    if (setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)) return vscode.Uri.file(setting);
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, setting) : undefined;
  }
}

/**
 * Lets the host's other tasks run: a large roadmap arrives, is indexed and is shown in separate
 * tasks, so none of them holds the extension host for long.
 */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The core loader's view of a folder: links resolved and kept inside it, each read and the whole load bounded. */
function workspaceFiles(dir: vscode.Uri): RoadmapFiles {
  return budgetedRoadmapFiles(containedFiles(dir, 'the roadmap folder'));
}

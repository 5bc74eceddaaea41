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

/**
 * Owns the roadmap the extension shows: the built-in one (the JSON index compiled at build
 * time, so no YAML is parsed at activation) or an author's roadmap named by the
 * aiRoadmap.roadmapFile setting, checked by the core loader with its problems in the Problems
 * view. It is read on first use, not at activation.
 */
export class RoadmapService extends Disposable {
  private loaded: Promise<RoadmapIndex> | undefined;
  private root: vscode.Uri;
  private readonly changed = this._register(new vscode.EventEmitter<RoadmapIndex>());
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('AI Roadmap'));
  /** Watches an author's roadmap folder for changes from outside the editor (git, scripts). */
  private watcher: { dir: string; disposable: vscode.Disposable } | undefined;
  /** Reloads one at a time; a change that lands during a reload brings one more. */
  private readonly reloader = this._register(
    new CoalescingRunner(async () => {
      this.loaded = this.load();
      this.changed.fire(await this.loaded);
    }, 200),
  );

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.root = this.builtInRoot;
    this._register(BuiltInContent.register(vscode.Uri.joinPath(extensionUri, 'dist', 'content.json')));
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

  /** Loads again (the setting or the author's files changed) and tells the views. */
  async reload(): Promise<RoadmapIndex> {
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
    const file = this.authorFile();
    this.diagnostics.clear();
    // Watched even while it has problems, so fixing them brings the roadmap in.
    this.watch(file && vscode.Uri.joinPath(file, '..'));
    if (file) {
      const index = await this.loadAuthorRoadmap(file);
      if (index) return index;
    }
    this.root = this.builtInRoot;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'roadmap.json'));
    return new RoadmapIndex(JSON.parse(new TextDecoder().decode(bytes)) as Roadmap);
  }

  /** An author's roadmap, or undefined (after saying why) so the built-in one is shown instead. */
  private async loadAuthorRoadmap(file: vscode.Uri): Promise<RoadmapIndex | undefined> {
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
    const problems = result.ok ? result.warnings : result.problems;
    this.report(dir, problems);
    if (!result.ok) {
      this.log.warn(`The roadmap ${file.fsPath} has ${result.problems.length} problem(s); showing the built-in roadmap.`);
      void vscode.window
        .showErrorMessage(`AI Roadmap: ${vscode.workspace.asRelativePath(file)} has ${result.problems.length} problem(s), so the built-in roadmap is shown. See the Problems view.`, 'Show Problems')
        .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
      return undefined;
    }
    this.root = dir;
    this.log.info(`Showing the roadmap ${file.fsPath}.`);
    return new RoadmapIndex(result.roadmap);
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

  /** The author's roadmap file in use, if any. */
  get authorRoadmap(): vscode.Uri | undefined {
    return this.root.toString() === this.builtInRoot.toString() ? undefined : this.authorFile();
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

/** The core loader's view of a folder: links resolved and kept inside it, each read and the whole load bounded. */
function workspaceFiles(dir: vscode.Uri): RoadmapFiles {
  return budgetedRoadmapFiles(containedFiles(dir, 'the roadmap folder'));
}

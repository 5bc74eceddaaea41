import * as vscode from 'vscode';
import type { ContainedFiles } from '../../core/loading/containedFiles';
import { MAX_PROGRESS_BYTES } from '../../core/loading/limits';
import type { ProgressState } from '../../core/progress/progressModel';
import { containedFiles } from '../files/containedFiles';
import { replaceFile } from '../files/replaceFile';

/** Where progress is kept: raw JSON in, raw JSON out; decoding and merging happen in the core. */
export interface ProgressBackend {
  readonly label: string;
  /** The stored value, undefined when nothing is stored yet; throws when the store is unreadable. */
  read(): Promise<unknown>;
  write(state: ProgressState): Promise<void>;
  /** Calls back when the store may have been changed by someone else (another window, git). */
  watch(onOutsideChange: () => void): vscode.Disposable;
}

export const GLOBAL_STATE_KEY = 'aiRoadmap.progress.v1';

/** The workspace store, relative to the first workspace folder. */
const PROGRESS_FILE = '.vscode/ai-roadmap-progress.json';

/** How often a store is looked at, as a backstop for events that do not come. */
const POLL_MS = 2000;

/** Global state, registered for Settings Sync so progress follows the learner between machines. */
export class GlobalStateBackend implements ProgressBackend {
  readonly label = 'global state';
  constructor(private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }) {
    memento.setKeysForSync([GLOBAL_STATE_KEY]);
  }
  async read() {
    return this.memento.get<unknown>(GLOBAL_STATE_KEY);
  }
  async write(state: ProgressState) {
    await this.memento.update(GLOBAL_STATE_KEY, state);
  }
  /**
   * VS Code passes other windows' global state writes to this host's memento but raises no
   * event. So the store re-reads when the window gets the focus, and a cheap poll notices when
   * the stored value is no longer the object this window last saw.
   */
  watch(onOutsideChange: () => void): vscode.Disposable {
    let seen = this.memento.get<unknown>(GLOBAL_STATE_KEY);
    const timer = setInterval(() => {
      const now = this.memento.get<unknown>(GLOBAL_STATE_KEY);
      if (now === seen) return;
      seen = now;
      onOutsideChange();
    }, POLL_MS);
    return vscode.Disposable.from(
      vscode.window.onDidChangeWindowState((s) => s.focused && onOutsideChange()),
      { dispose: () => clearInterval(timer) },
    );
  }
}

/** A JSON file in the workspace (.vscode/ai-roadmap-progress.json) that a team can commit. */
export class WorkspaceFileBackend implements ProgressBackend {
  readonly label: string;
  readonly file: vscode.Uri;
  private readonly files: ContainedFiles;
  constructor(readonly folder: vscode.Uri) {
    this.file = vscode.Uri.joinPath(folder, ...PROGRESS_FILE.split('/'));
    this.label = vscode.workspace.asRelativePath(this.file);
    this.files = containedFiles(folder, 'the workspace folder');
  }
  /**
   * The file as it is, read like an author's file: a cloned repository may make it a link out of
   * the workspace, a pipe or a device, and none of them may hang or flood the extension host.
   */
  bytes(): Promise<Uint8Array | undefined> {
    return this.files.read(PROGRESS_FILE, MAX_PROGRESS_BYTES);
  }
  async read() {
    const bytes = await this.bytes();
    if (!bytes) return undefined;
    // Some editors save JSON with a byte order mark; JSON.parse does not accept one.
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) as unknown;
  }
  /**
   * Written to a temporary file of its own (two windows may write at once) and renamed over the
   * old one in one step, so a reader never sees half a file, nor none. A rename that fails is
   * tried again, then reported.
   */
  async write(state: ProgressState) {
    await this.files.checkWritable(PROGRESS_FILE);
    const tmp = this.file.with({ path: `${this.file.path}.${uniqueSuffix()}.tmp` });
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(`${JSON.stringify(state, null, 2)}\n`));
    for (let attempt = 1; ; attempt++) {
      try {
        await replaceFile(tmp, this.file);
        return;
      } catch (e) {
        if (attempt >= 5) {
          await vscode.workspace.fs.delete(tmp, { useTrash: false }).then(undefined, () => undefined);
          throw new Error(`the file could not be replaced after ${attempt} tries (${(e as Error).message})`);
        }
        // A virus scanner or another window may hold the file for a moment (Windows).
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
  /** The file watcher, with a poll of the file's time and size as a backstop (a rename over it can slip by). */
  watch(onOutsideChange: () => void): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, PROGRESS_FILE));
    const stamp = () => vscode.workspace.fs.stat(this.file).then((s) => `${s.mtime}:${s.size}`, () => 'none');
    let seen: string | undefined;
    void stamp().then((s) => (seen ??= s));
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      const now = await stamp();
      busy = false;
      if (seen !== undefined && now !== seen) onOutsideChange();
      seen = now;
    }, POLL_MS);
    return vscode.Disposable.from(
      watcher,
      watcher.onDidChange(onOutsideChange),
      watcher.onDidCreate(onOutsideChange),
      watcher.onDidDelete(onOutsideChange),
      { dispose: () => clearInterval(timer) },
    );
  }
}

/** 16 random hex digits; getRandomValues works where randomUUID does not (a web page over plain http). */
function uniqueSuffix(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

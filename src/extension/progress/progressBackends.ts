import * as vscode from 'vscode';
import type { ProgressState } from '../../core/progress/progressModel';

/** Where progress is kept: raw JSON in, raw JSON out; decoding and merging happen in the core. */
export interface ProgressBackend {
  readonly label: string;
  /** The stored value, undefined when nothing is stored yet; throws when the store is unreadable. */
  read(): Promise<unknown>;
  write(state: ProgressState): Promise<void>;
}

export const GLOBAL_STATE_KEY = 'aiRoadmap.progress.v1';

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
}

/** A JSON file in the workspace (.vscode/ai-roadmap-progress.json) that a team can commit. */
export class WorkspaceFileBackend implements ProgressBackend {
  readonly label: string;
  constructor(readonly file: vscode.Uri) {
    this.label = vscode.workspace.asRelativePath(file);
  }
  async read() {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  }
  /** Written to a temporary file and renamed over the old one, so a crash never leaves half a file. */
  async write(state: ProgressState) {
    const tmp = this.file.with({ path: `${this.file.path}.tmp` });
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(`${JSON.stringify(state, null, 2)}\n`));
    await vscode.workspace.fs.rename(tmp, this.file, { overwrite: true });
  }
}

import * as vscode from 'vscode';
import { decodeProgress, mergeStates } from '../../core/progress/progressCodec';
import { applyChanges, emptyState, resetRoadmap, type Change, type ProgressState, type RoadmapProgress } from '../../core/progress/progressModel';
import { GlobalStateBackend, WorkspaceFileBackend, type ProgressBackend } from './progressBackends';

export interface ProgressChange {
  roadmapId: string;
  /** The items that changed, or 'all' after a reset, an import or a switch of store. */
  changes: Change[] | 'all';
}

export type StoreLocation = 'global' | 'workspace';

/**
 * The single owner of learner progress. Views read from it and listen to onDidChange; they
 * never keep copies. Every write goes through one queue, so writes land in order.
 */
export class ProgressStore implements vscode.Disposable {
  private state: ProgressState = emptyState();
  private backend!: ProgressBackend;
  private writes: Promise<void> = Promise.resolve();
  /** The copy kept of the last store that could not be read whole. */
  lastBackup: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<ProgressChange>();
  readonly onDidChange = this.changed.event;

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static async open(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<ProgressStore> {
    const store = new ProgressStore(context, log);
    store.backend = store.backendFor(configuredLocation());
    store.state = await store.readFrom(store.backend);
    return store;
  }

  get location(): string {
    return this.backend.label;
  }

  get(roadmapId: string): RoadmapProgress | undefined {
    return this.state.roadmaps[roadmapId];
  }

  snapshot(): ProgressState {
    return this.state;
  }

  async apply(roadmapId: string, changes: Change[]): Promise<Change[]> {
    const { state, applied } = applyChanges(this.state, roadmapId, changes, new Date());
    if (applied.length === 0) return applied;
    await this.commit(state, { roadmapId, changes: applied });
    return applied;
  }

  async reset(roadmapId: string): Promise<void> {
    await this.commit(resetRoadmap(this.state, roadmapId, new Date()), { roadmapId, changes: 'all' });
  }

  /** Merge keeps the newer change per item; replace takes the imported roadmaps as they are. */
  async import(incoming: ProgressState, mode: 'merge' | 'replace'): Promise<void> {
    const next = mode === 'merge' ? mergeStates(this.state, incoming) : { version: 1 as const, roadmaps: { ...this.state.roadmaps, ...incoming.roadmaps } };
    await this.commit(next, ...Object.keys(incoming.roadmaps).map((roadmapId) => ({ roadmapId, changes: 'all' as const })));
  }

  /** Re-reads the store (another window may have written it) and tells the views. */
  async reload(): Promise<void> {
    this.state = await this.readFrom(this.backend);
    for (const roadmapId of Object.keys(this.state.roadmaps)) this.changed.fire({ roadmapId, changes: 'all' });
  }

  /**
   * Moves to the other store, carrying the data over (merged with whatever is there). It runs in
   * the write queue, so a change made meanwhile is written after it, to the new store.
   */
  async switchTo(location: StoreLocation): Promise<void> {
    const target = this.backendFor(location);
    if (target.label === this.backend.label) return;
    await this.enqueue(async () => {
      const merged = mergeStates(await this.readFrom(target), this.state);
      await target.write(merged);
      this.backend = target;
      this.state = merged;
    });
    this.log.info(`Progress is now kept in ${this.backend.label}.`);
    for (const roadmapId of Object.keys(this.state.roadmaps)) this.changed.fire({ roadmapId, changes: 'all' });
  }

  private async commit(next: ProgressState, ...events: ProgressChange[]) {
    this.state = next;
    for (const e of events) this.changed.fire(e);
    // The state as it is when the write runs: a store switch queued before may have merged into it.
    await this.enqueue(() => this.backend.write(this.state));
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(write).catch((e: Error) => {
      this.log.error(`Saving progress to ${this.backend.label} failed: ${e.message}`);
      void vscode.window.showErrorMessage(`AI Roadmap could not save your progress to ${this.backend.label}: ${e.message}`);
    });
    return this.writes;
  }

  private backendFor(location: StoreLocation): ProgressBackend {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (location === 'workspace' && folder) return new WorkspaceFileBackend(vscode.Uri.joinPath(folder.uri, '.vscode', 'ai-roadmap-progress.json'));
    if (location === 'workspace') this.log.warn('Progress location is "workspace" but no folder is open; using global state.');
    return new GlobalStateBackend(this.context.globalState);
  }

  /** Reads leniently: a corrupt store is kept aside as a backup, reported once, and what can be read is kept. */
  private async readFrom(backend: ProgressBackend): Promise<ProgressState> {
    let raw: unknown;
    try {
      raw = await backend.read();
    } catch (e) {
      await this.keepAside(backend, `unreadable: ${(e as Error).message}`, undefined);
      return emptyState();
    }
    if (raw === undefined) return emptyState();
    const { state, rejected } = decodeProgress(raw);
    if (rejected.length > 0) await this.keepAside(backend, rejected.join(' '), raw);
    return state;
  }

  private async keepAside(backend: ProgressBackend, why: string, raw: unknown) {
    const dir = this.context.globalStorageUri;
    const backup = vscode.Uri.joinPath(dir, `progress-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    try {
      await vscode.workspace.fs.createDirectory(dir);
      const content = raw !== undefined ? JSON.stringify(raw, null, 2) : backend instanceof WorkspaceFileBackend ? await vscode.workspace.fs.readFile(backend.file) : '';
      await vscode.workspace.fs.writeFile(backup, typeof content === 'string' ? new TextEncoder().encode(content) : content);
      this.lastBackup = backup;
    } catch (e) {
      this.log.error(`Could not write a backup of the progress store: ${(e as Error).message}`);
    }
    this.log.warn(`Progress in ${backend.label} was partly unreadable (${why}). A copy was kept at ${backup.fsPath}.`);
    void vscode.window.showWarningMessage(`AI Roadmap: part of your saved progress in ${backend.label} could not be read. What could be read is kept, and a copy of the original was saved.`, 'Show Backup').then((choice) => {
      if (choice) void vscode.commands.executeCommand('revealFileInOS', backup);
    });
  }

  dispose() {
    this.changed.dispose();
  }
}

export function configuredLocation(): StoreLocation {
  return vscode.workspace.getConfiguration('aiRoadmap').get<StoreLocation>('progress.location', 'global');
}

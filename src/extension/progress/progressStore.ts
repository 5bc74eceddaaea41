import * as vscode from 'vscode';
import { emptyResearch, type ResearchState } from '../../core/papers/paperModel';
import type { PlanSettings } from '../../core/plan/planSettings';
import { decodeProgress, mergeStates, replaceRoadmaps } from '../../core/progress/progressCodec';
import { applyChanges, dict, emptyState, resetRoadmap, setPlan, setReview, type Change, type ProgressState, type RoadmapProgress } from '../../core/progress/progressModel';
import type { ReviewState, StoredCard } from '../../core/review/reviewModel';
import { changedRoadmaps } from '../../core/progress/progressDiff';
import { addedEvents, reassert, remember, type UnconfirmedChange } from '../../core/progress/unconfirmedChanges';
import { CoalescingRunner } from '../../core/util/coalescingRunner';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import type { SettingValue } from '../base/settingsTable';
import { GlobalStateBackend, WorkspaceFileBackend, type ProgressBackend } from './progressBackends';

export interface ProgressChange {
  roadmapId: string;
  /** The items that changed, or 'all' after a reset, an import or a switch of store. */
  changes: Change[] | 'all';
}

export type StoreLocation = SettingValue<'progress.location'>;

/** One roadmap's progress without its review cards, to tell an answer from a change of status. */
function withoutReview(state: ProgressState, roadmapId: string): ProgressState {
  const p = Object.hasOwn(state.roadmaps, roadmapId) ? state.roadmaps[roadmapId] : undefined;
  if (!p) return { version: 1, roadmaps: {} };
  const { review: _review, ...rest } = p;
  return { version: 1, roadmaps: { [roadmapId]: rest } };
}

/**
 * The single owner of learner progress. Views read from it and listen to onDidChange; they
 * never keep copies. Other windows and git write the same store, so each change is applied to
 * what is stored at that moment (read, change, write), inside one queue, and the store is
 * re-read when the backend says someone else may have written it.
 */
export class ProgressStore extends Disposable {
  private state: ProgressState = emptyState();
  private backend!: ProgressBackend;
  private writes: Promise<unknown> = Promise.resolve();
  private watching: vscode.Disposable | undefined;
  /** The reason and content of the last backup, so a store that stays broken is kept aside once. */
  private lastAside: string | undefined;
  /** Changes written here and not yet seen in the store: another window may have written over them. */
  private unconfirmed: UnconfirmedChange[] = [];
  /**
   * Marks shown before they are written: apply() puts each in memory and tells the views at once,
   * then writes it in its turn in the queue; until then every state adopted keeps them on top.
   */
  private pending: Array<{ roadmapId: string; changes: Change[]; now: Date }> = [];
  /** The copy kept of the last store that could not be read whole. */
  lastBackup: vscode.Uri | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<ProgressChange>());
  readonly onDidChange = this.changed.event;
  private readonly reloader = this._register(new CoalescingRunner(() => this.reload(), 100));
  private readonly researchChanged = this._register(new vscode.EventEmitter<void>());
  /** The reading list or the monthly habit changed (src/core/papers): here, by another window too. */
  readonly onDidChangeResearch = this.researchChanged.event;
  private readonly reviewChanged = this._register(new vscode.EventEmitter<string>());
  /** A roadmap's review cards changed (an answer, here or in another window, an import): its id. */
  readonly onDidChangeReview = this.reviewChanged.event;

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register({ dispose: () => this.watching?.dispose() });
  }

  /** Opens the store the progress.location setting names, and follows the setting when it changes. */
  static async open(context: vscode.ExtensionContext, settings: Settings, log: vscode.LogOutputChannel): Promise<ProgressStore> {
    const store = new ProgressStore(context, log);
    store.use(store.backendFor(settings.get('progress.location')));
    store.state = (await store.readFrom(store.backend)) ?? emptyState();
    store._register(settings.onChange('progress.location', () => void store.switchTo(settings.get('progress.location'))));
    return store;
  }

  get location(): string {
    return this.backend.label;
  }

  get(roadmapId: string): RoadmapProgress | undefined {
    return Object.hasOwn(this.state.roadmaps, roadmapId) ? this.state.roadmaps[roadmapId] : undefined;
  }

  snapshot(): ProgressState {
    return this.state;
  }

  research(): ResearchState {
    return this.state.research ?? emptyResearch();
  }

  /** Applies a change to the reading list, read-modify-write like every change; one that returns the same state writes nothing. */
  async updateResearch(change: (r: ResearchState) => ResearchState): Promise<void> {
    await this.update((stored) => {
      const before = stored.research ?? emptyResearch();
      const after = change(before);
      return { next: after === before ? stored : { ...stored, research: after }, event: undefined, result: undefined };
    });
  }

  /**
   * Records an answer: `change` gets the stored review state and returns the next
   * (src/core/review/scheduler). The state it gets is its own (decoded from this read, or a copy
   * when the read failed), so it may write into it instead of copying every card.
   */
  async updateReview(roadmapId: string, change: (review: ReviewState) => ReviewState): Promise<void> {
    await this.update((stored, fresh) => {
      const before = Object.hasOwn(stored.roadmaps, roadmapId) ? stored.roadmaps[roadmapId].review : undefined;
      const owned = !before ? { cards: dict<StoredCard>(), log: [] } : fresh ? before : { cards: dict(before.cards), log: [...before.log] };
      return { next: setReview(stored, roadmapId, change(owned)), event: undefined, result: undefined };
    });
  }

  /**
   * Marks topics or exercises. The views hear of it at once, from memory (a mark redraws the tree
   * and the map without waiting for the disk); the write follows in the queue, read-modify-write
   * like every change, and only what another window changed meanwhile is told again. Resolves
   * with what the write applied.
   */
  async apply(roadmapId: string, changes: Change[]): Promise<Change[]> {
    const now = new Date();
    const entry = { roadmapId, changes, now };
    this.pending.push(entry);
    const shown = applyChanges(this.state, roadmapId, changes, now);
    if (shown.applied.length) this.adopt(shown.state, { roadmapId, changes: shown.applied });
    const applied = await this.update(
      (stored) => {
        const r = applyChanges(stored, roadmapId, changes, now);
        return { next: r.state, event: undefined, result: r.applied, added: addedEvents(r.state, roadmapId, now.toISOString()) };
      },
      () => (this.pending = this.pending.filter((p) => p !== entry)),
    );
    return applied ?? [];
  }

  /** Starts, changes or (with undefined) ends the roadmap's study plan. */
  async setPlan(roadmapId: string, plan: PlanSettings | undefined): Promise<void> {
    await this.update((stored) => ({ next: setPlan(stored, roadmapId, plan), event: { roadmapId, changes: 'all' }, result: undefined }));
  }

  async reset(roadmapId: string): Promise<void> {
    await this.update((stored) => {
      const now = new Date();
      const next = resetRoadmap(stored, roadmapId, now);
      return { next, event: { roadmapId, changes: 'all' }, result: undefined, added: addedEvents(next, roadmapId, now.toISOString()) };
    });
  }

  /** Merge keeps the newer change per item; replace takes the imported roadmaps as they are. */
  async import(incoming: ProgressState, mode: 'merge' | 'replace'): Promise<void> {
    await this.update((stored) => ({
      next: mode === 'merge' ? mergeStates(stored, incoming) : replaceRoadmaps(stored, incoming),
      event: undefined,
      result: undefined,
    }));
    // What was imported is what the learner wants now: nothing written earlier is put back over it.
    if (mode === 'replace') this.unconfirmed = [];
  }

  /** Re-reads the store (another window or git may have written it) and tells the views what changed. */
  async reload(): Promise<void> {
    await this.enqueue(async () => {
      const read = await this.readFrom(this.backend);
      if (!read) return;
      const { state, pending } = reassert(read, this.unconfirmed, new Date());
      this.unconfirmed = pending;
      if (state !== read) {
        await this.backend.write(state);
        this.log.info(`Another window wrote ${this.backend.label} over ${pending.length} change(s) made here; they were saved again.`);
      }
      this.adopt(state);
    });
  }

  /** Resolves when every queued write has landed (deactivate waits for it). */
  async flush(): Promise<void> {
    await this.writes;
  }

  /**
   * Moves to the other store, carrying the data over (merged with whatever is there). It runs in
   * the write queue, so a change made meanwhile is written after it, to the new store.
   */
  async switchTo(location: StoreLocation): Promise<void> {
    const target = this.backendFor(location);
    if (target.label === this.backend.label) return;
    await this.enqueue(async () => {
      const merged = mergeStates((await this.readFrom(target)) ?? emptyState(), this.state);
      await target.write(merged);
      this.unconfirmed = [];
      this.use(target);
      this.adopt(merged);
    });
    this.log.info(`Progress is now kept in ${this.backend.label}.`);
  }

  /**
   * One read-modify-write in the queue: `change` gets what is stored now (or, when the store
   * cannot be read at all, what this window last knew) and its result is written and shown.
   */
  private async update<T>(
    // `fresh`: `stored` was decoded from this read, so no one else holds its objects.
    change: (stored: ProgressState, fresh: boolean) => { next: ProgressState; event: ProgressChange | undefined; result: T; added?: UnconfirmedChange[] },
    written?: () => void,
  ): Promise<T | undefined> {
    let result: T | undefined;
    await this.enqueue(async () => {
      try {
        const decoded = await this.readFrom(this.backend);
        const read = decoded ?? this.state;
        // A change of ours that another window wrote over goes back in with this write.
        const { state: stored, pending } = reassert(read, this.unconfirmed, new Date());
        this.unconfirmed = pending;
        const { next, event, result: r, added } = change(stored, decoded !== undefined);
        if (next !== read) await this.backend.write(next);
        if (added?.length) this.unconfirmed = remember(this.unconfirmed, added);
        result = r;
        written?.();
        this.adopt(next, event);
      } finally {
        written?.();
      }
    });
    return result;
  }

  /** `state` with the marks still waiting for their write on top (applying a mark again changes nothing). */
  private withPending(state: ProgressState): ProgressState {
    return this.pending.reduce((s, p) => applyChanges(s, p.roadmapId, p.changes, p.now).state, state);
  }

  /**
   * Takes `next` as the state and fires one event per roadmap that changed: onDidChange when its
   * statuses, history or plan did, onDidChangeReview when its review cards did (an answer alone
   * refreshes no notes).
   */
  private adopt(written: ProgressState, event?: ProgressChange) {
    const next = this.withPending(written);
    const all = changedRoadmaps(this.state, next);
    const reviewed = all.filter((id) => JSON.stringify(this.state.roadmaps[id]?.review ?? null) !== JSON.stringify(next.roadmaps[id]?.review ?? null));
    const changed = all.filter((id) => !reviewed.includes(id) || changedRoadmaps(withoutReview(this.state, id), withoutReview(next, id)).length > 0);
    // Every read decodes afresh, so the reading list is compared by content, not by reference.
    const researchChanged = next.research !== this.state.research && JSON.stringify(next.research ?? null) !== JSON.stringify(this.state.research ?? null);
    this.state = next;
    if (researchChanged) this.researchChanged.fire();
    for (const roadmapId of changed) {
      this.changed.fire(event?.roadmapId === roadmapId && changed.length === 1 ? event : { roadmapId, changes: 'all' });
    }
    if (event && !changed.includes(event.roadmapId)) this.changed.fire(event);
    for (const roadmapId of reviewed) this.reviewChanged.fire(roadmapId);
  }

  private use(backend: ProgressBackend) {
    this.watching?.dispose();
    this.backend = backend;
    this.watching = backend.watch(() => this.reloader.request());
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.writes.then(job).catch((e: Error) => {
      this.log.error(`Saving progress to ${this.backend.label} failed: ${e.message}`);
      void vscode.window.showErrorMessage(`AI Roadmap could not save your progress to ${this.backend.label}: ${e.message}`);
    });
    this.writes = run;
    return run;
  }

  private backendFor(location: StoreLocation): ProgressBackend {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (location === 'workspace' && folder) return new WorkspaceFileBackend(folder.uri);
    if (location === 'workspace') this.log.warn('Progress location is "workspace" but no folder is open; using global state.');
    return new GlobalStateBackend(this.context.globalState);
  }

  /**
   * Reads leniently: a corrupt store is kept aside as a backup, reported once, and what can be
   * read is kept. Undefined when nothing at all could be read.
   */
  private async readFrom(backend: ProgressBackend): Promise<ProgressState | undefined> {
    let raw: unknown;
    try {
      raw = await backend.read();
    } catch (e) {
      await this.keepAside(backend, `unreadable: ${(e as Error).message}`, undefined);
      return undefined;
    }
    if (raw === undefined) return emptyState();
    const { state, rejected } = decodeProgress(raw);
    if (rejected.length > 0) await this.keepAside(backend, rejected.join(' '), raw);
    return state;
  }

  private async keepAside(backend: ProgressBackend, why: string, raw: unknown) {
    const key = `${backend.label}|${why}|${JSON.stringify(raw)}`;
    if (key === this.lastAside) return;
    this.lastAside = key;
    const dir = this.context.globalStorageUri;
    const backup = vscode.Uri.joinPath(dir, `progress-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    try {
      await vscode.workspace.fs.createDirectory(dir);
      const content = raw !== undefined ? JSON.stringify(raw, null, 2) : backend instanceof WorkspaceFileBackend ? ((await backend.bytes().catch(() => undefined)) ?? '') : '';
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
}

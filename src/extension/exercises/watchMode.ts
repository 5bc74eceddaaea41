import * as vscode from 'vscode';
import type { PytestReport } from '../../core/exercises/pytestReport';
import { WatchScheduler } from '../../core/exercises/watchScheduler';
import { exerciseIdOf as exerciseTarget } from '../../core/views/rowTargets';
import { setContext } from '../base/editorContext';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import type { RoadmapService } from '../roadmap/roadmapService';
import type { ExerciseChecker } from './checkExercise';
import { pickExercise } from './exerciseFolders';

/** Saves within this time make one check. */
const QUIET_MS = 300;

export interface WatchCheck {
  exerciseId: string;
  /** True when a newer save replaced this check before it finished. */
  cancelled: boolean;
  report?: PytestReport;
}

/**
 * Watch mode, as in rustlings: a save in a watched exercise re-checks it (debounced; a newer save
 * cancels the check under way), and the status bar shows its pass/fail counts. An exercise is
 * watched when `aiRoadmap.exercises.watch` is on, or when the learner pressed its eye button.
 */
export class WatchMode extends Disposable {
  private readonly chosen = new Set<string>();
  private readonly scheduler = this._register(new WatchScheduler<string>((id, signal) => this.recheck(id, signal), QUIET_MS));
  private readonly status = this._register(vscode.window.createStatusBarItem('aiRoadmap.watch', vscode.StatusBarAlignment.Left, 99));
  private readonly checked = this._register(new vscode.EventEmitter<WatchCheck>());
  /** Fires when a watch check ends, finished or cancelled. */
  readonly onDidCheck = this.checked.event;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly checker: ExerciseChecker,
    private readonly settings: Settings,
  ) {
    super();
    this.status.name = 'AI Roadmap Watch';
    this.status.command = 'workbench.view.testing.focus';
    this._register(vscode.workspace.onDidSaveTextDocument((doc) => this.onSave(doc.uri)));
    this._register(settings.onChange('exercises.watch', () => this.showWatched()));
    this.showWatched();
  }

  isWatched(exerciseId: string): boolean {
    return this.chosen.has(exerciseId) || this.settings.get('exercises.watch');
  }

  /** Watches (or stops watching) the exercise of a tree row, a Test Explorer item or an id; asks which without one. */
  async toggle(target: unknown, on: boolean): Promise<string | undefined> {
    const id = exerciseTarget(target) ?? testItemExercise(target) ?? (await pickExercise(this.roadmaps, on ? 'Watch which exercise?' : 'Stop watching which exercise?'))?.id;
    if (!id) return undefined;
    if (on) this.chosen.add(id);
    else {
      this.chosen.delete(id);
      this.scheduler.cancel(id);
    }
    this.showWatched();
    return id;
  }

  private onSave(uri: vscode.Uri) {
    const id = this.checker.tree.exerciseAt(uri);
    if (!id || !this.isWatched(id)) return;
    void this.setStatus(id, '$(sync~spin)', 'checking…');
    this.scheduler.trigger(id);
  }

  private async recheck(id: string, signal: AbortSignal): Promise<void> {
    const cts = new vscode.CancellationTokenSource();
    const onAbort = () => cts.cancel();
    signal.addEventListener('abort', onAbort);
    try {
      const result = await this.checker.recheck(id, cts.token);
      const cancelled = signal.aborted || result.reason === 'cancelled';
      if (!cancelled) {
        const r = result.report;
        if (!r) await this.setStatus(id, '$(warning)', result.reason ?? 'could not run');
        else if (r.broken) await this.setStatus(id, '$(error)', 'pytest could not run the tests');
        else await this.setStatus(id, r.failed ? '$(eye)' : '$(pass)', `${r.passed} passed, ${r.failed} failed${this.checker.isVerified(id) ? ', verified' : ''}`);
      }
      this.checked.fire({ exerciseId: id, cancelled, report: result.report });
    } finally {
      signal.removeEventListener('abort', onAbort);
      cts.dispose();
    }
  }

  /** The status bar text, for the tests. */
  get statusText(): string {
    return this.status.text;
  }

  private async setStatus(id: string, icon: string, text: string) {
    const title = (await this.roadmaps.current()).exercise(id)?.title ?? id;
    this.status.text = `${icon} ${title}: ${text}`;
    this.status.tooltip = `Watch mode re-checks "${title}" when you save. Click to open the Test Explorer.`;
    this.status.show();
  }

  /** The eye buttons in the Test Explorer follow these context keys (package.json, testing/item/context). */
  private showWatched() {
    const all = this.settings.get('exercises.watch');
    setContext('watchedExercises', [...this.chosen]);
    setContext('watchAll', all);
    if (!this.chosen.size && !all) this.status.hide();
  }

}

/** The exercise of a Test Explorer item passed to a menu command. */
function testItemExercise(target: unknown): string | undefined {
  if (!target || typeof target !== 'object' || !('id' in target) || typeof target.id !== 'string') return undefined;
  return target.id.split('/')[0];
}

import * as vscode from 'vscode';
import { installHint, pythonVersionIn, type PytestReport } from '../../core/exercises/pytestReport';
import type { ExerciseEntry } from '../../core/model';
import { changesOnAllPassed } from '../../core/progress/exerciseRules';
import { statusOf } from '../../core/progress/progressModel';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { exerciseIdOf } from '../../core/views/rowTargets';
import { setContext } from '../base/editorContext';
import type { Settings } from '../base/settings';
import { exists } from '../files/exists';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import { pickExercise, workspaceTarget } from './exerciseFolders';
import { ExerciseTestTree } from './exerciseTestTree';
import { publishResults } from './publishResults';
import { readPytestReport, runPytest } from './pytestProcess';
import { whyPythonCannotRun } from './pythonGuard';
import { pythonFor } from './pythonInterpreter';

export interface CheckResult {
  ran: boolean;
  report?: PytestReport;
  reason?: string;
}

/** Who asked: the command says everything in notifications; the Test Explorer and watch mode only when the exercise becomes done. */
type Caller = 'command' | 'explorer' | 'watch';

/**
 * Checks exercises with pytest: "AI Roadmap: Check Exercise", the Test Explorer's Run profile
 * (a whole exercise, one file or one test) and watch mode all come here. Results go to the Test
 * Explorer from pytest's JUnit report; a passing run of the whole exercise marks it done (and its
 * topic when all the topic's exercises are). Runs nothing where Python cannot run.
 */
export class ExerciseChecker implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('AI Roadmap Exercises');
  private readonly disposables: vscode.Disposable[];
  /** Exercises whose last run passed every test it ran, and whose last whole run passed. */
  private readonly verified = new Set<string>();
  /** How many pytest processes were started: the tests check that a refused check spawned none. */
  processesStarted = 0;
  private readonly ran = new vscode.EventEmitter<CheckResult & { exerciseId: string; nodeIds: string[] }>();
  /** Fires after each pytest run with its report (for watch mode's status and the tests). */
  readonly onDidRun = this.ran.event;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly settings: Settings,
    /** What the learner's buttons lead to, wired by the caller: other features, not commands. */
    private readonly followUps: { scaffold(exerciseId: string): Promise<unknown>; showHint(exerciseId: string): Promise<unknown>; checkEnvironment(): Promise<unknown> },
    private readonly log: vscode.LogOutputChannel,
    readonly tree: ExerciseTestTree,
  ) {
    const runProfile = tree.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.runRequest(request, token), true);
    this.disposables = [runProfile, this.ran];
  }

  async check(target?: unknown, folderArg?: vscode.Uri): Promise<CheckResult> {
    const index = await this.roadmaps.current();
    const id = exerciseIdOf(target);
    const exercise = id ? index.exercise(id) : await pickExercise(this.roadmaps, 'Check which exercise?');
    if (!exercise) return { ran: false, reason: id ? `There is no exercise "${id}".` : 'cancelled' };
    const cannot = whyPythonCannotRun('Checking an exercise', undefined);
    if (cannot) return { ran: false, reason: cannot };
    const folder = folderArg ?? this.tree.folderOf(exercise.id) ?? (await workspaceTarget(exercise.id, `holding "${exercise.title}"`));
    if (!folder) return { ran: false, reason: 'cancelled' };
    const notLocal = whyPythonCannotRun('Checking an exercise', folder);
    if (notLocal) return { ran: false, reason: notLocal };
    if (!(await exists(folder))) {
      const reason = `"${exercise.title}" is not scaffolded in ${vscode.workspace.asRelativePath(folder)} yet.`;
      void vscode.window.showWarningMessage(reason, 'Scaffold It').then((c) => c && this.followUps.scaffold(exercise.id));
      return { ran: false, reason };
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking ${exercise.title}`, cancellable: true }, (_p, token) =>
      this.checkWhole(exercise, folder, 'command', token),
    );
  }

  /** Watch mode's check: the whole exercise, quietly. */
  async recheck(exerciseId: string, token: vscode.CancellationToken): Promise<CheckResult> {
    const exercise = (await this.roadmaps.current()).exercise(exerciseId);
    const folder = this.tree.folderOf(exerciseId);
    if (!exercise || !folder) return { ran: false, reason: `"${exerciseId}" is not scaffolded in this workspace.` };
    const cannot = whyPythonCannotRun('Watching an exercise', folder);
    if (cannot) return { ran: false, reason: cannot };
    return this.checkWhole(exercise, folder, 'watch', token);
  }

  isVerified(exerciseId: string): boolean {
    return this.verified.has(exerciseId);
  }

  private async checkWhole(exercise: ExerciseEntry, folder: vscode.Uri, caller: Caller, token: vscode.CancellationToken): Promise<CheckResult> {
    const item = await this.tree.ensureExercise(exercise.id, exercise.title, folder);
    const run = this.tree.controller.createTestRun(new vscode.TestRunRequest([item]), `Check ${exercise.title}`, false);
    try {
      return await this.runExercise(exercise, folder, item, [], run, caller, token);
    } finally {
      run.end();
    }
  }

  /** The Run profile: groups the request's items by exercise and runs each group once. */
  private async runRequest(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const index = await this.roadmaps.current();
    const run = this.tree.controller.createTestRun(request);
    try {
      const wanted: vscode.TestItem[] = [];
      if (request.include) wanted.push(...request.include);
      else this.tree.controller.items.forEach((i) => void wanted.push(i));
      const excluded = new Set((request.exclude ?? []).map((i) => i.id));
      const groups = new Map<string, string[]>();
      for (const item of wanted) {
        if (excluded.has(item.id)) continue;
        const { exerciseId, nodeId } = ExerciseTestTree.nodeIdsOf(item);
        const ids = groups.get(exerciseId) ?? [];
        groups.set(exerciseId, ids);
        if (!ids.includes(nodeId ?? '*')) ids.push(nodeId ?? '*');
      }
      for (const [exerciseId, ids] of groups) {
        if (token.isCancellationRequested) break;
        const exercise = index.exercise(exerciseId);
        const folder = this.tree.folderOf(exerciseId);
        const item = this.tree.controller.items.get(exerciseId);
        if (!exercise || !folder || !item) continue;
        const cannot = whyPythonCannotRun('Running exercise tests', folder);
        if (cannot) {
          run.errored(item, new vscode.TestMessage(cannot));
          continue;
        }
        await this.runExercise(exercise, folder, item, ids.includes('*') ? [] : ids, run, 'explorer', token);
      }
    } finally {
      run.end();
    }
  }

  private async runExercise(exercise: ExerciseEntry, folder: vscode.Uri, item: vscode.TestItem, nodeIds: string[], run: vscode.TestRun, caller: Caller, token: vscode.CancellationToken): Promise<CheckResult> {
    const python = await pythonFor(folder, this.settings, this.log);
    const timeoutMs = (exercise.template?.timeoutSeconds ?? 120) * 1000;
    this.processesStarted++;
    const { run: proc, xml } = await runPytest(python.command, folder.fsPath, nodeIds, timeoutMs, token);
    const version = python.version ?? pythonVersionIn(proc.output) ?? 'version unknown';
    this.output.appendLine(`\n$ ${python.command} -m pytest ${nodeIds.join(' ')}`.trimEnd());
    this.output.appendLine(`Interpreter: ${python.command}, Python ${version} (${python.source}); folder ${folder.fsPath}`);
    this.output.append(proc.output);
    run.appendOutput(`Interpreter: ${python.command}, Python ${version} (${python.source})\r\n${proc.output.replace(/\r?\n/g, '\r\n')}`);
    if (proc.cancelled) {
      run.skipped(item);
      return { ran: false, reason: 'cancelled' };
    }
    if (proc.spawnError) {
      const reason = `Could not start Python (${python.command}, ${python.source}): ${proc.spawnError}. Select an interpreter in the Python extension or set aiRoadmap.pythonPath.`;
      run.errored(item, new vscode.TestMessage(reason));
      if (caller === 'command') void vscode.window.showErrorMessage(reason, 'Open Settings').then((c) => c && vscode.commands.executeCommand('workbench.action.openSettings', 'aiRoadmap.pythonPath'));
      return { ran: false, reason };
    }
    const report = readPytestReport(xml, proc.output, proc.timedOut ? null : proc.exitCode);
    publishResults(this.tree, run, exercise.id, folder, item, report);
    const whole = nodeIds.length === 0;
    if (report.broken || report.failed > 0) this.verified.delete(exercise.id);
    else if (whole) this.verified.add(exercise.id);
    item.description = this.verified.has(exercise.id) ? 'verified' : undefined;
    const index = await this.roadmaps.current();
    const result = { ran: true, report, reason: await this.conclude(index, exercise, report, proc.timedOut, timeoutMs, whole, caller) };
    setContext('exerciseChecked', true);
    this.ran.fire({ ...result, exerciseId: exercise.id, nodeIds });
    return result;
  }

  private async conclude(index: RoadmapIndex, exercise: ExerciseEntry, report: PytestReport, timedOut: boolean, timeoutMs: number, whole: boolean, caller: Caller): Promise<string> {
    const say = caller === 'command';
    if (report.missingModules.length) {
      const hints = report.missingModules.map((m) => `${m}: ${installHint(m)}`).join('; ');
      const msg = `The tests of "${exercise.title}" need Python packages that are missing: ${hints}.`;
      if (say) void vscode.window.showErrorMessage(msg, 'Check Environment').then((c) => c && this.followUps.checkEnvironment());
      return msg;
    }
    if (timedOut) {
      const msg = `The tests of "${exercise.title}" did not finish within ${timeoutMs / 1000} s and were stopped.`;
      if (say) void vscode.window.showErrorMessage(msg);
      return msg;
    }
    if (report.broken) {
      const msg = `pytest could not run the tests of "${exercise.title}": ${report.problem ?? 'see the output'}. See the "AI Roadmap Exercises" output; is pytest installed (${installHint('pytest')})?`;
      if (say) void vscode.window.showErrorMessage(msg, 'Show Output').then((c) => c && this.output.show());
      return msg;
    }
    if (report.failed > 0) {
      const msg = `${report.passed} of ${report.tests.length} tests pass. Keep going: the Test Explorer shows what fails, at its line.`;
      if (say) void vscode.window.showInformationMessage(msg, 'Show Hint').then((c) => c && this.followUps.showHint(exercise.id));
      return msg;
    }
    if (!whole) return `${report.passed} of ${report.tests.length} tests pass. Run the whole exercise to mark it done.`;
    // Progress rules: all pass ⇒ exercise done ⇒ topic done when all its exercises are. A later failure does not undo it.
    const roadmapId = index.roadmap.id;
    const p = this.progress.get(roadmapId);
    const wasDone = statusOf(p, 'exercise', exercise.id) === 'done';
    await this.progress.apply(roadmapId, changesOnAllPassed(index, p, exercise));
    const msg = `All ${report.tests.length} tests of "${exercise.title}" pass. Exercise done!`;
    if (say || !wasDone) void vscode.window.showInformationMessage(msg);
    return msg;
  }

  dispose() {
    for (const d of this.disposables) d.dispose();
    this.output.dispose();
  }
}

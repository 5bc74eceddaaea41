import * as vscode from 'vscode';
import { installHint, parsePytestOutput, type PytestReport } from '../../core/exercises/pytestReport';
import type { ExerciseEntry } from '../../core/model';
import { statusOf, type Change } from '../../core/progress/progressModel';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import type { ProgressStore } from '../progress/progressStore';
import { exerciseTarget } from '../commands/targets';
import type { RoadmapService } from '../roadmapService';
import { exists, pickExercise, workspaceTarget } from './exerciseFolders';
import { whyPythonCannotRun } from './pythonGuard';
import { pythonFor } from './pythonInterpreter';
import { runProcess, type ProcessRun } from './runProcess';

export interface CheckResult {
  ran: boolean;
  report?: PytestReport;
  reason?: string;
}

/**
 * "AI Roadmap: Check Exercise": runs the exercise's pytest tests in its workspace folder, shows
 * each result in the output channel and the Test Explorer, and marks the exercise done when all
 * pass (and its topic when all the topic's exercises are done). Runs nothing in an untrusted
 * workspace.
 */
export class ExerciseChecker implements vscode.Disposable {
  private controller: vscode.TestController | undefined;
  private readonly output = vscode.window.createOutputChannel('AI Roadmap Exercises');
  private readonly command: vscode.Disposable;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.command = vscode.commands.registerCommand('aiRoadmap.checkExercise', (target?: unknown, folder?: vscode.Uri) => this.check(target, folder));
  }

  async check(target?: unknown, folderArg?: vscode.Uri): Promise<CheckResult> {
    const index = await this.roadmaps.current();
    const id = exerciseTarget(target);
    const exercise = id ? index.exercise(id) : await pickExercise(this.roadmaps, 'Check which exercise?');
    if (!exercise) return { ran: false, reason: id ? `There is no exercise "${id}".` : 'cancelled' };
    const cannot = whyPythonCannotRun('Checking an exercise', undefined);
    if (cannot) return { ran: false, reason: cannot };
    const folder = folderArg ?? (await workspaceTarget(exercise.id, `holding "${exercise.title}"`));
    if (!folder) return { ran: false, reason: 'cancelled' };
    const notLocal = whyPythonCannotRun('Checking an exercise', folder);
    if (notLocal) return { ran: false, reason: notLocal };
    if (!(await exists(folder))) {
      const reason = `"${exercise.title}" is not scaffolded in ${vscode.workspace.asRelativePath(folder)} yet.`;
      void vscode.window.showWarningMessage(reason, 'Scaffold It').then((c) => c && vscode.commands.executeCommand('aiRoadmap.scaffoldExercise', exercise.id));
      return { ran: false, reason };
    }
    const python = await pythonFor(folder, this.log);
    const timeoutMs = (exercise.template?.timeoutSeconds ?? 120) * 1000;
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking ${exercise.title}`, cancellable: true },
      (_progress, token) => runPytest(python.command, folder, timeoutMs, token),
    );
    this.output.appendLine(`\n$ ${python.command} -m pytest (${python.source}) in ${folder.fsPath}`);
    this.output.append(run.output);
    if (run.cancelled) return { ran: false, reason: 'cancelled' };
    if (run.spawnError) {
      const reason = `Could not start Python (${python.command}, ${python.source}): ${run.spawnError}. Select an interpreter in the Python extension or set aiRoadmap.pythonPath.`;
      void vscode.window.showErrorMessage(reason, 'Open Settings').then((c) => c && vscode.commands.executeCommand('workbench.action.openSettings', 'aiRoadmap.pythonPath'));
      return { ran: false, reason };
    }
    const report = parsePytestOutput(run.output, run.timedOut ? null : run.exitCode);
    this.publish(exercise, folder, report);
    return { ran: true, report, reason: await this.conclude(index, exercise, report, run.timedOut, timeoutMs) };
  }

  private async conclude(index: RoadmapIndex, exercise: ExerciseEntry, report: PytestReport, timedOut: boolean, timeoutMs: number): Promise<string> {
    if (report.missingModules.length) {
      const hints = report.missingModules.map((m) => `${m}: ${installHint(m)}`).join('; ');
      const msg = `The tests of "${exercise.title}" need Python packages that are missing: ${hints}.`;
      void vscode.window.showErrorMessage(msg);
      return msg;
    }
    if (timedOut) {
      const msg = `The tests of "${exercise.title}" did not finish within ${timeoutMs / 1000} s and were stopped.`;
      void vscode.window.showErrorMessage(msg);
      return msg;
    }
    if (report.broken) {
      const msg = `pytest could not run the tests of "${exercise.title}". See the "AI Roadmap Exercises" output; is pytest installed (${installHint('pytest')})?`;
      void vscode.window.showErrorMessage(msg, 'Show Output').then((c) => c && this.output.show());
      return msg;
    }
    if (report.failed > 0) {
      const msg = `${report.passed} of ${report.tests.length} tests pass. Keep going: the Test Explorer shows what fails.`;
      void vscode.window.showInformationMessage(msg, 'Show Hint').then((c) => c && vscode.commands.executeCommand('aiRoadmap.showHint', exercise.id));
      return msg;
    }
    const roadmapId = index.roadmap.id;
    const changes: Change[] = [{ kind: 'exercise', id: exercise.id, status: 'done' }];
    const topic = index.topic(exercise.topic);
    const p = this.progress.get(roadmapId);
    if (topic && topic.exercises.every((x) => x === exercise.id || statusOf(p, 'exercise', x) === 'done')) changes.push({ kind: 'topic', id: topic.id, status: 'done' });
    await this.progress.apply(roadmapId, changes);
    const msg = `All ${report.tests.length} tests of "${exercise.title}" pass. Exercise done!`;
    void vscode.window.showInformationMessage(msg);
    return msg;
  }

  /** Results in the Test Explorer: one item per exercise, one child per test. */
  private publish(exercise: ExerciseEntry, folder: vscode.Uri, report: PytestReport) {
    this.controller ??= vscode.tests.createTestController('aiRoadmap.exercises', 'AI Roadmap Exercises');
    const ctl = this.controller;
    const parent = ctl.createTestItem(exercise.id, exercise.title, folder);
    ctl.items.add(parent);
    const run = ctl.createTestRun(new vscode.TestRunRequest([parent]), `Check ${exercise.title}`, false);
    for (const t of report.tests) {
      const [file, ...name] = t.id.split('::');
      const item = ctl.createTestItem(`${exercise.id}/${t.id}`, name.join('::') || t.id, vscode.Uri.joinPath(folder, ...file.split('/')));
      parent.children.add(item);
      if (t.outcome === 'passed') run.passed(item);
      else if (t.outcome === 'skipped') run.skipped(item);
      else run.failed(item, new vscode.TestMessage(t.message ?? t.outcome));
    }
    run.end();
  }

  dispose() {
    this.command.dispose();
    this.controller?.dispose();
    this.output.dispose();
  }
}

function runPytest(python: string, folder: vscode.Uri, timeoutMs: number, token: vscode.CancellationToken): Promise<ProcessRun> {
  return runProcess(python, ['-m', 'pytest', '-q', '-rA', '-p', 'no:cacheprovider', '--color=no'], folder.fsPath, timeoutMs, token);
}

import * as vscode from 'vscode';
import { describeEnvironment, parseProbeOutput, probeScript, type EnvironmentReport } from '../../core/exercises/environmentProbe';
import type { Settings } from '../base/settings';
import { whyPythonCannotRun } from './pythonGuard';
import { pythonFor } from './pythonInterpreter';
import { runProcess } from './runProcess';

export interface EnvironmentCheck {
  report?: EnvironmentReport;
  /** What the learner was told. */
  message: string;
}

/**
 * "AI Roadmap: Check Environment": asks the chosen Python which exercise packages it has, and
 * says how to install the missing ones. Runs nothing in an untrusted workspace.
 */
export async function checkEnvironment(settings: Settings, log: vscode.LogOutputChannel): Promise<EnvironmentCheck> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const cannot = whyPythonCannotRun('Checking the environment', folder);
  if (cannot) return { message: cannot };
  const python = await pythonFor(folder ?? vscode.Uri.file('/'), settings, log);
  const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking Python for the exercises', cancellable: true }, (_p, token) =>
    runProcess(python.command, ['-c', probeScript()], folder?.fsPath, 60_000, token),
  );
  const report = run.exitCode === 0 ? parseProbeOutput(run.stdout) : undefined;
  if (!report) {
    const why = run.spawnError ?? (run.timedOut ? 'it did not answer within 60 s' : run.cancelled ? 'cancelled' : `it exited with ${run.exitCode}`);
    const message = `Could not ask Python (${python.command}, ${python.source}): ${why}. Select an interpreter in the Python extension or set aiRoadmap.pythonPath.`;
    log.warn(`${message}\n${run.output}`);
    void vscode.window.showErrorMessage(message, 'Open Settings').then((c) => c && vscode.commands.executeCommand('workbench.action.openSettings', 'aiRoadmap.pythonPath'));
    return { message };
  }
  const message = describeEnvironment(report);
  log.info(`Check Environment (${python.source}): ${message}`);
  if (report.missing.length) void vscode.window.showWarningMessage(`AI Roadmap: ${message}`);
  else void vscode.window.showInformationMessage(`AI Roadmap: ${message}`);
  return { report, message };
}

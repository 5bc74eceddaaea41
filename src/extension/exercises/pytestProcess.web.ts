import type * as vscode from 'vscode';
import { runProcess } from './runProcess.web';
import type { PytestRun } from './pytestProcess';

/** VS Code for the Web starts no program; callers check `canRunPrograms` first and say why. */
export async function runPytest(_python: string, _folder: string, _nodeIds: readonly string[], _timeoutMs: number, _token?: vscode.CancellationToken): Promise<PytestRun> {
  return { run: await runProcess('', [], undefined, 0) };
}

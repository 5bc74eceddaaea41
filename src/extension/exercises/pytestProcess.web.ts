import type * as vscode from 'vscode';
import { runProcess } from './runProcess.web';
import type { PytestReport } from '../../core/exercises/pytestReport';
import type { PytestRun } from './pytestProcess';

/** VS Code for the Web starts no program; callers check `canRunPrograms` first and say why. */
export async function runPytest(_python: string, _folder: string, _nodeIds: readonly string[], _timeoutMs: number, _token?: vscode.CancellationToken): Promise<PytestRun> {
  return { run: await runProcess('', [], undefined, 0) };
}

/** Never reached on the web: a run there ends with the reason above, before any report is read. */
export function readPytestReport(_xml: string | undefined, _output: string, _exitCode: number | null): PytestReport {
  throw new Error('VS Code for the Web runs no tests, so there is no pytest report to read.');
}

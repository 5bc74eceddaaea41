import type * as vscode from 'vscode';
import { CANNOT_RUN_PROGRAMS } from '../base/platform';
import type { ProcessRun } from './runProcess';

/** VS Code for the Web starts no program; callers check `canRunPrograms` first and say why. */
export async function runProcess(_command: string, _args: string[], _cwd: string | undefined, _timeoutMs: number, _token?: vscode.CancellationToken): Promise<ProcessRun> {
  return { output: '', stdout: '', exitCode: null, timedOut: false, cancelled: false, spawnError: CANNOT_RUN_PROGRAMS };
}

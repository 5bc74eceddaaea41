import { spawn } from 'node:child_process';
import type * as vscode from 'vscode';

export interface ProcessRun {
  output: string;
  /** stdout alone, for programs whose answer is on it. */
  stdout: string;
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  spawnError?: string;
}

/** Runs a learner-facing program with a time limit and cancellation; never rejects. */
export function runProcess(command: string, args: string[], cwd: string | undefined, timeoutMs: number, token?: vscode.CancellationToken): Promise<ProcessRun> {
  return new Promise((resolve) => {
    let output = '';
    let stdout = '';
    let timedOut = false;
    let cancelled = false;
    const child = spawn(command, args, { cwd, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const sub = token?.onCancellationRequested(() => {
      cancelled = true;
      child.kill('SIGKILL');
    });
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const end = (exitCode: number | null, spawnError?: string) => {
      clearTimeout(timer);
      sub?.dispose();
      resolve({ output, stdout, exitCode, timedOut, cancelled, spawnError });
    };
    child.on('error', (e) => end(null, e.message));
    child.on('close', (code) => end(code));
  });
}

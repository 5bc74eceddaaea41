import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { MAX_JUNIT_CHARS } from '../../core/exercises/junitLimits';
import { pytestArgs } from '../../core/exercises/pytestCommand';
import type { PytestReport } from '../../core/exercises/pytestReport';
import { runProcess, type ProcessRun } from './runProcess';

export interface PytestRun {
  run: ProcessRun;
  /** The JUnit report pytest wrote, cut one character past the limit (the parser refuses it then); undefined when there is none. */
  xml?: string;
}

/** Runs pytest on `nodeIds` (all tests when empty) with its JUnit report in a private temporary folder, removed after. */
export async function runPytest(python: string, folder: string, nodeIds: readonly string[], timeoutMs: number, token?: vscode.CancellationToken): Promise<PytestRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ai-roadmap-junit-'));
  try {
    const report = join(dir, 'report.xml');
    const run = await runProcess(python, pytestArgs(report, nodeIds), folder, timeoutMs, token);
    return { run, xml: readBounded(report) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reads pytest's JUnit report. The reader (saxes) is required on the first check, not at activation,
 * and only through here, so the web build, which runs no tests, leaves it out.
 */
export function readPytestReport(xml: string | undefined, output: string, exitCode: number | null): PytestReport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../core/exercises/junitReport') as typeof import('../../core/exercises/junitReport')).parseJUnitReport(xml, output, exitCode);
}

function readBounded(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    // UTF-8 takes up to 4 bytes a character: enough bytes to pass the limit by one character.
    const buf = Buffer.alloc(Math.min(fstatSync(fd).size, MAX_JUNIT_CHARS * 4 + 4));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return new TextDecoder().decode(buf.subarray(0, n)).slice(0, MAX_JUNIT_CHARS + 1);
  } finally {
    closeSync(fd);
  }
}

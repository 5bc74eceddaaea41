import { CANNOT_RUN_PROGRAMS } from '../base/platform';
import type { SnippetProcessOptions, SnippetProcessResult } from './snippetProcess';

/** VS Code for the Web starts no program: callers check `canRunPrograms` first and say why. */
export async function runSnippetProcess(_opts: SnippetProcessOptions): Promise<SnippetProcessResult> {
  return { exitCode: null, timedOut: false, cancelled: false, spawnError: CANNOT_RUN_PROGRAMS, figures: [] };
}

/** No run, no figures: the web worker has no temporary folder to show them from. */
export function newFiguresRoot(): string | undefined {
  return undefined;
}

export function makeRunFiguresFolder(root: string, runId: string): string {
  return `${root}/${runId}`;
}

export function removeFolder(_path: string): void {}

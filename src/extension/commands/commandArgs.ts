import * as vscode from 'vscode';

/**
 * The arguments commands receive, read once at the boundary: rows and ids with
 * core/views/rowTargets.ts, the rest here. Anything of another shape counts as not given.
 */
export { exerciseIdOf, notesIdOf, resourceOf, topicIdsOf } from '../../core/views/rowTargets';

export function uriOf(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

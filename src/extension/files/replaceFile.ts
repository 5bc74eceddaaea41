import { rename } from 'node:fs/promises';
import * as vscode from 'vscode';

/**
 * Puts `source` in the place of `target` in one step. VS Code's rename with overwrite deletes the
 * target first, so a reader in another window could find no file at all and take the progress
 * for empty; a POSIX rename replaces it atomically (and Windows' MoveFileEx replaces in place).
 */
export async function replaceFile(source: vscode.Uri, target: vscode.Uri): Promise<void> {
  if (source.scheme === 'file' && target.scheme === 'file') await rename(source.fsPath, target.fsPath);
  else await vscode.workspace.fs.rename(source, target, { overwrite: true });
}

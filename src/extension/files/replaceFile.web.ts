import * as vscode from 'vscode';

/** The web build has no file system of its own: the workspace's provider renames. */
export async function replaceFile(source: vscode.Uri, target: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.rename(source, target, { overwrite: true });
}

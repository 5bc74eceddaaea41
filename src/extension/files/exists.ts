import * as vscode from 'vscode';

/** Whether something is at `uri` (a file, a folder or a link). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

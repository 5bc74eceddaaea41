import * as vscode from 'vscode';
import { CANNOT_RUN_PROGRAMS, canRunPrograms } from '../base/platform';

/**
 * Why Python cannot run here for `action` ("Checking an exercise"), or undefined when it can: on
 * the web, in an untrusted workspace, or on a folder that is not on this machine's disk. The
 * learner is told in words, with the way out where there is one.
 */
export function whyPythonCannotRun(action: string, folder: vscode.Uri | undefined): string | undefined {
  let reason: string | undefined;
  if (!canRunPrograms) reason = CANNOT_RUN_PROGRAMS;
  else if (!vscode.workspace.isTrusted) {
    reason = `${action} runs Python, and this workspace is not trusted, so AI Roadmap runs no code here. Trust the workspace (Manage Workspace Trust) to allow it.`;
    void vscode.window.showWarningMessage(reason, 'Manage Workspace Trust').then((c) => c && vscode.commands.executeCommand('workbench.trust.manage'));
    return reason;
  } else if (folder && folder.scheme !== 'file') {
    reason = `${action} runs Python on local files, and ${folder.scheme}: folders are not on this machine's disk. Open a local folder, or a remote window.`;
  }
  if (reason) void vscode.window.showWarningMessage(reason);
  return reason;
}

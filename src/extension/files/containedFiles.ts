import type * as vscode from 'vscode';
import type { ContainedFiles } from '../../core/loading/containedFiles';
import { nodeContainedFiles } from '../../node/containedFiles';
import { workspaceContainedFiles } from './workspaceContainedFiles';

/**
 * The files of a folder, kept inside it. A local folder is judged by the disk itself (links are
 * resolved and followed only when they stay inside); any other goes through workspace.fs, which
 * refuses links. The web build replaces this file (containedFiles.web.ts).
 */
export function containedFiles(root: vscode.Uri, label: string): ContainedFiles {
  return root.scheme === 'file' ? nodeContainedFiles(root.fsPath, label) : workspaceContainedFiles(root, label);
}

import type * as vscode from 'vscode';
import type { ContainedFiles } from '../../core/loading/containedFiles';
import { workspaceContainedFiles } from './workspaceContainedFiles';

/** VS Code for the Web: no disk to ask, so links are refused (see workspaceContainedFiles). */
export function containedFiles(root: vscode.Uri, label: string): ContainedFiles {
  return workspaceContainedFiles(root, label);
}

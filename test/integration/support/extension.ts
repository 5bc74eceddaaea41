import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'ai-roadmap.ai-roadmap';

export async function activateExtension(): Promise<AiRoadmapApi> {
  const ext = vscode.extensions.getExtension<AiRoadmapApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.activate();
}

/** The workspace folder the runner opened (a fresh temporary folder). */
export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

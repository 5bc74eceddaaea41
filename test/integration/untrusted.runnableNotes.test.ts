import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SnippetRun } from '../../src/core/snippets/snippetRun';
import { activateExtension, workspaceUri } from './support/extension';

describe('Runnable notes in an untrusted workspace', () => {
  it('Run explains why and runs nothing', async () => {
    const api = await activateExtension();
    const started = api.snippets.processesStarted;
    const result = (await vscode.commands.executeCommand<SnippetRun>('aiRoadmap.runSnippet', 'linear-algebra', 0))!;
    assert.equal(result.outcome, 'refused');
    assert.match(result.summary, /^Running a snippet runs Python, and this workspace is not trusted, so AI Roadmap runs no code here\./);
    assert.equal(result.output, '');
    assert.equal(api.snippets.processesStarted, started, 'no Python started');
  });

  it('Open as Notebook and Copy to Workspace still write files (they run nothing)', async () => {
    const nb = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.openNotebook', 'linear-algebra', { open: false });
    assert.equal(nb?.toString(), vscode.Uri.joinPath(workspaceUri(), 'notebooks', 'linear-algebra.ipynb').toString());
    const py = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.copySnippet', 'linear-algebra', 0, { open: false });
    assert.ok(py && (await vscode.workspace.fs.stat(py)).size > 0);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckResult } from '../../src/extension/exercises/checkExercise';
import { activateExtension, workspaceUri } from './support/extension';

describe('In an untrusted workspace', () => {
  it('the workspace really is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('the roadmap still works, and scaffolding still writes files', async () => {
    const api = await activateExtension();
    assert.equal((await api.roadmapTree.getChildren()).length, 8);
    const target = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.scaffoldExercise', 'multi-agent-planner', { open: false });
    assert.ok(target);
  });

  it('Check Exercise explains why and runs nothing', async () => {
    const marker = vscode.Uri.joinPath(workspaceUri(), 'exercises', 'multi-agent-planner', 'conftest.py');
    // If any test code ran, this conftest would write a file.
    await vscode.workspace.fs.writeFile(marker, new TextEncoder().encode("open('RAN', 'w').write('code ran')\n"));
    const result = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', 'multi-agent-planner'))!;
    assert.equal(result.ran, false);
    assert.match(result.reason ?? '', /not trusted/);
    const ran = await vscode.workspace.fs.stat(vscode.Uri.joinPath(workspaceUri(), 'exercises', 'multi-agent-planner', 'RAN')).then(() => true, () => false);
    assert.equal(ran, false, 'no Python ran');
  });
});

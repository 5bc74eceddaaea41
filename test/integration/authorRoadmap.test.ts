import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

describe("A teacher's own roadmap", () => {
  let api: AiRoadmapApi;
  const dir = () => vscode.Uri.joinPath(workspaceUri(), 'my-roadmap');
  const layerFile = () => vscode.Uri.joinPath(dir(), 'layers', 'basics.yaml');
  const roadmapId = async () => (await api.roadmaps.current()).roadmap.id;

  before(async () => {
    api = await activateExtension();
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'valid'), dir().fsPath, { recursive: true });
  });
  after(async () => {
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
  });

  it('Open Roadmap File shows it in the tree and remembers it in the workspace settings', async () => {
    const id = await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.joinPath(dir(), 'roadmap.yaml'));
    assert.equal(id, 'tiny');
    assert.deepEqual(await api.roadmapTree.getChildren(), ['layer:basics', 'layer:second']);
    assert.equal(vscode.workspace.getConfiguration('aiRoadmap').get('roadmapFile'), 'my-roadmap/roadmap.yaml');
    await vscode.commands.executeCommand('aiRoadmap.openNotes', 'intro');
    await waitFor(() => api.notesPanel.currentId === 'intro', 'the notes of the author topic');
  });

  it('an error saved in a layer file shows in the Problems view, and the built-in roadmap stands in', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(layerFile()));
    await vscode.workspace.fs.writeFile(layerFile(), new TextEncoder().encode(text.replace('hours: 2', 'hours: 2\n    prerequisites: [nowhere]')));
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(layerFile());
      return d.length ? d : undefined;
    }, 'a diagnostic on the layer file', 10_000);
    assert.match(diags[0].message, /needs "nowhere", which is not a topic of this roadmap/);
    assert.equal(diags[0].range.start.line, 9, 'on the line of the bad prerequisite (0-based)');
    assert.equal(diags[0].source, 'AI Roadmap');
    await waitFor(async () => (await roadmapId()) === 'modern-ai-2025', 'the built-in roadmap to stand in');

    await vscode.workspace.fs.writeFile(layerFile(), new TextEncoder().encode(text));
    await waitFor(async () => (await roadmapId()) === 'tiny', 'the fixed roadmap to come back', 10_000);
    assert.equal(vscode.languages.getDiagnostics(layerFile()).length, 0, 'the problem is cleared');
  });

  it('Use Built-in Roadmap goes back to the eight layers', async () => {
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap'), 'modern-ai-2025');
    assert.equal((await api.roadmapTree.getChildren()).length, 8);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckResult } from '../../src/extension/exercises/checkExercise';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { waitFor } from '../integration/support/waitFor';

const ID = 'ai-roadmap.ai-roadmap';

describe('The installed extension (from the vsix)', () => {
  let api: AiRoadmapApi;
  let ext: vscode.Extension<AiRoadmapApi>;

  before(async () => {
    const found = vscode.extensions.getExtension<AiRoadmapApi>(ID);
    assert.ok(found, `${ID} is installed`);
    ext = found;
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    const installedIn = process.env.AI_ROADMAP_EXTENSIONS_DIR;
    assert.ok(installedIn && ext.extensionPath.startsWith(installedIn), `runs from the extensions folder it was installed into, not the source tree: ${ext.extensionPath}`);
    await vscode.workspace.getConfiguration('aiRoadmap').update('pythonPath', process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3', vscode.ConfigurationTarget.Workspace);
    api = await ext.activate();
  });

  it('opens the tree with the eight layers', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.aiRoadmap');
    const layers = await api.roadmapTree.getChildren();
    assert.equal(layers.length, 8);
    assert.ok((await api.roadmapTree.getChildren(layers[0])).length > 3, 'the first layer has its topics');
  });

  it('opens a note with math, rendered by KaTeX from the packaged bundle', async () => {
    const shown: string[] = [];
    const sub = api.notesPanel.onDidShow((id) => shown.push(id));
    try {
      await vscode.commands.executeCommand('aiRoadmap.openNotes', 'linear-algebra');
      await waitFor(() => shown.includes('linear-algebra'), 'the notes of linear algebra');
    } finally {
      sub.dispose();
    }
    const notesPath = (await api.roadmaps.current()).topic('linear-algebra')!.notes!;
    assert.match(api.notesPanel.renderedHtml(notesPath) ?? '', /class="katex"/);
  });

  it('ticks a topic: the tree, the store and the status bar follow', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'calculus');
    const id = (await api.roadmaps.current()).roadmap.id;
    assert.equal(api.progress.get(id)?.topics.calculus?.status, 'done');
    await waitFor(() => /Roadmap [1-9]\d*%/.test(api.statusBar.text), 'the status bar percentage');
  });

  it('scaffolds an exercise and checks it with Python', async () => {
    const target = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.scaffoldExercise', 'logistic-regression-numpy', { open: false });
    assert.ok(target, 'scaffolded');
    const starter = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', 'logistic-regression-numpy'))!;
    assert.equal(starter.ran, true, starter.reason);
    assert.ok(starter.report!.failed > 0, 'the starter fails');
    // The reference solution comes from the content pack, through Show Solution's own URI.
    const solution = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.showSolution', 'logistic-regression-numpy', true);
    assert.equal(solution?.scheme, 'ai-roadmap', `the solution is served from the content pack: ${solution?.toString()}`);
    const dir = vscode.Uri.joinPath(solution, '..');
    for (const [name] of await vscode.workspace.fs.readDirectory(dir)) await vscode.workspace.fs.copy(vscode.Uri.joinPath(dir, name), vscode.Uri.joinPath(target, name), { overwrite: true });
    const solved = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', 'logistic-regression-numpy'))!;
    assert.equal(solved.report?.failed, 0, solved.reason);
  });
});

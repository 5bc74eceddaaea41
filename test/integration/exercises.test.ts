import * as assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { EnvironmentCheck } from '../../src/extension/exercises/checkEnvironment';
import type { CheckResult } from '../../src/extension/exercises/checkExercise';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

describe('Exercises: scaffold and check in the workspace', function () {
  this.timeout(180_000);
  let api: AiRoadmapApi;
  let roadmapId: string;
  const folder = () => vscode.Uri.joinPath(workspaceUri(), 'exercises', 'logistic-regression-numpy');
  const status = (kind: 'topics' | 'exercises', id: string) => api.progress.get(roadmapId)?.[kind][id]?.status ?? 'not-started';

  before(async () => {
    api = await activateExtension();
    roadmapId = (await api.roadmaps.current()).roadmap.id;
    await api.progress.reset(roadmapId);
    // Debian's Python has numpy and pytest; the PATH's python3 may not.
    await vscode.workspace.getConfiguration('aiRoadmap').update('pythonPath', process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3', vscode.ConfigurationTarget.Workspace);
  });

  it('scaffolds the template into exercises/<id>, opens it and marks the topic in progress', async () => {
    const target = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.scaffoldExercise', 'logistic-regression-numpy');
    assert.equal(target?.toString(), folder().toString());
    for (const f of ['README.md', 'logistic_regression.py', 'test_logistic_regression.py']) assert.ok(await exists(vscode.Uri.joinPath(folder(), f)), f);
    assert.equal(status('exercises', 'logistic-regression-numpy'), 'in-progress');
    assert.equal(status('topics', 'models-from-scratch'), 'in-progress');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('logistic_regression.py'));
    assert.ok(editor, 'the main file is open');
  });

  it('leaves a learner file untouched when skipping, and replaces it only on overwrite', async () => {
    const main = vscode.Uri.joinPath(folder(), 'logistic_regression.py');
    const readme = vscode.Uri.joinPath(folder(), 'README.md');
    await vscode.workspace.fs.writeFile(main, new TextEncoder().encode('# my work\n'));
    await vscode.workspace.fs.delete(readme);
    await vscode.commands.executeCommand('aiRoadmap.scaffoldExercise', 'logistic-regression-numpy', { onConflict: 'skip', open: false });
    assert.equal(await read(main), '# my work\n', 'skip keeps the learner file');
    assert.ok(await exists(readme), 'skip still adds missing files');
    await vscode.commands.executeCommand('aiRoadmap.scaffoldExercise', 'logistic-regression-numpy', { onConflict: 'cancel', open: false });
    assert.equal(await read(main), '# my work\n', 'cancel writes nothing');
    await vscode.commands.executeCommand('aiRoadmap.scaffoldExercise', 'logistic-regression-numpy', { onConflict: 'overwrite', open: false });
    assert.match(await read(main), /NotImplementedError|TODO/, 'overwrite restores the starter');
  });

  it('checking the starter runs its tests, reports failures and does not mark it done', async () => {
    const result = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', 'logistic-regression-numpy'))!;
    assert.equal(result.ran, true, result.reason);
    assert.ok(result.report!.failed > 0);
    assert.equal(result.report!.missingModules.length, 0);
    assert.equal(status('exercises', 'logistic-regression-numpy'), 'in-progress');
  });

  it('checking the reference solution marks the exercise done, and the topic when all its exercises are', async () => {
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    cpSync(join(ext.extensionPath, 'roadmap', 'exercises', 'logistic-regression-numpy', 'solution'), folder().fsPath, { recursive: true });
    const result = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', 'logistic-regression-numpy'))!;
    assert.equal(result.ran, true, result.reason);
    assert.equal(result.report!.failed, 0, result.reason);
    assert.ok(result.report!.passed >= 10);
    assert.equal(status('exercises', 'logistic-regression-numpy'), 'done');
    assert.equal(status('topics', 'models-from-scratch'), 'in-progress', 'softmax-regression-backprop is not done yet');
  });

  it('names a missing Python package and how to install it', async () => {
    const dir = vscode.Uri.joinPath(workspaceUri(), 'exercises', 'multi-agent-planner');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'test_missing.py'), new TextEncoder().encode('import no_such_module_xyz\n\ndef test_x():\n    assert True\n'));
    const result = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', 'multi-agent-planner'))!;
    assert.deepEqual(result.report?.missingModules, ['no_such_module_xyz']);
    assert.match(result.reason ?? '', /missing: no_such_module_xyz: python3 -m pip install no_such_module_xyz/);
  });

  it('Check Environment reports the exercise packages of the chosen Python', async () => {
    const result = (await vscode.commands.executeCommand<EnvironmentCheck>('aiRoadmap.checkEnvironment'))!;
    assert.ok(result.report, result.message);
    assert.deepEqual(result.report.missing, [], result.message);
    assert.deepEqual(result.report.present.map((p) => p.name).sort(), ['numpy', 'pytest', 'sklearn', 'torch']);
  });

  it('Check Environment names a missing package and how to install it', async () => {
    // An interpreter whose torch cannot be imported: the real Python behind a shadowing module.
    const dir = mkdtempSync(join(tmpdir(), 'no-torch-'));
    writeFileSync(join(dir, 'torch.py'), 'raise ImportError("torch is hidden for this test")\n');
    const wrapper = join(dir, 'python');
    writeFileSync(wrapper, `#!/bin/sh\nPYTHONPATH=${dir} exec ${process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3'} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const config = vscode.workspace.getConfiguration('aiRoadmap');
    const before = config.get<string>('pythonPath');
    await config.update('pythonPath', wrapper, vscode.ConfigurationTarget.Workspace);
    try {
      const result = (await vscode.commands.executeCommand<EnvironmentCheck>('aiRoadmap.checkEnvironment'))!;
      assert.deepEqual(result.report?.missing, ['torch'], result.message);
      assert.match(result.message, /missing torch\..*sudo apt-get install python3-torch/);
    } finally {
      await config.update('pythonPath', before, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Show Hint reveals the hints one by one', async () => {
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.showHint', 'rag-agent'), 1);
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.showHint', 'rag-agent'), 2);
  });

  it('Show Solution (confirmed) opens the reference beside the learner file', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.showSolution', 'logistic-regression-numpy', true);
    assert.ok(uri?.path.endsWith('solution/logistic_regression.py'));
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckResult } from '../../src/extension/exercises/checkExercise';
import type { WatchCheck } from '../../src/extension/exercises/watchMode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

const ID = 'logistic-regression-numpy';
const TEST_FILE = 'test_logistic_regression.py';
const encode = (s: string) => new TextEncoder().encode(s);

/** Creates or deletes a file the way the Explorer does, so the editor's file events fire. */
async function createFile(uri: vscode.Uri, text: string) {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: true, contents: encode(text) });
  assert.ok(await vscode.workspace.applyEdit(edit));
}
async function deleteFile(uri: vscode.Uri) {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri, { ignoreIfNotExists: true });
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('Exercises in the Test Explorer', function () {
  this.timeout(180_000);
  let api: AiRoadmapApi;
  const folder = () => vscode.Uri.joinPath(workspaceUri(), 'exercises', ID);
  const exerciseItem = () => api.checker.tree.controller.items.get(ID);
  const testItem = (name: string) => exerciseItem()?.children.get(`${ID}/${TEST_FILE}`)?.children.get(`${ID}/${TEST_FILE}::${name}`);

  after(async () => {
    // The other exercise suites scaffold this exercise afresh.
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
    await api.progress.reset((await api.roadmaps.current()).roadmap.id);
  });

  before(async () => {
    api = await activateExtension();
    await vscode.workspace.getConfiguration('aiRoadmap').update('pythonPath', process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3', vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('aiRoadmap.scaffoldExercise', ID, { onConflict: 'overwrite', open: false });
  });

  it('shows exercise → test file → test, discovered from the scaffolded folder, and follows file changes', async () => {
    await api.checker.tree.discover();
    const item = await waitFor(() => testItem('test_sigmoid_symmetry'), 'the tree of the scaffolded exercise');
    assert.equal(exerciseItem()?.label, 'Logistic regression from scratch with NumPy');
    assert.equal(item.uri?.path, vscode.Uri.joinPath(folder(), TEST_FILE).path);
    assert.ok(item.range, 'each test has its line, for the gutter');
    const extra = vscode.Uri.joinPath(folder(), 'test_extra.py');
    await createFile(extra, 'def test_learner_added():\n    assert 1 + 1 == 3\n');
    await waitFor(() => exerciseItem()?.children.get(`${ID}/test_extra.py`)?.children.get(`${ID}/test_extra.py::test_learner_added`), 'a new test file in the tree');
    await deleteFile(extra);
    await waitFor(() => !exerciseItem()?.children.get(`${ID}/test_extra.py`), 'a deleted test file leaving the tree');
  });

  it("runs one test through the controller (from the editor, at the cursor) and places its failure in the learner's file", async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), TEST_FILE));
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('def test_sigmoid_symmetry('));
    editor.selection = new vscode.Selection(line + 1, 4, line + 1, 4);
    const before = api.checker.processesStarted;
    const finished = new Promise<CheckResult & { nodeIds: string[] }>((resolve) => {
      const sub = api.checker.onDidRun((r) => (sub.dispose(), resolve(r)));
    });
    await vscode.commands.executeCommand('testing.runAtCursor');
    const result = await finished;
    assert.equal(api.checker.processesStarted, before + 1);
    assert.deepEqual(result.nodeIds, [`${TEST_FILE}::test_sigmoid_symmetry`]);
    assert.deepEqual(result.report?.tests.map((t) => t.id), [`${TEST_FILE}::test_sigmoid_symmetry`], 'only that test ran');
    const [failure] = result.report!.tests;
    assert.equal(failure.outcome, 'failed');
    assert.equal(failure.message, 'NotImplementedError: TODO: sigmoid');
    const main = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'logistic_regression.py'))).split('\n');
    assert.equal(failure.location?.file, 'logistic_regression.py', 'the failure points into the learner file');
    assert.match(main[failure.location!.line - 1], /raise NotImplementedError\("TODO: sigmoid"\)/);
    assert.notEqual(exerciseItem()?.description, 'verified');
  });

  it('gives a failed assertion its expected and actual values at the assertion line', async () => {
    const file = vscode.Uri.joinPath(folder(), 'test_diff.py');
    await createFile(file, 'def test_answer():\n    answer = 41\n    assert answer == 42\n');
    try {
      const result = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', ID))!;
      const t = result.report?.tests.find((x) => x.id === 'test_diff.py::test_answer');
      assert.ok(t, result.reason);
      assert.deepEqual({ expected: t.expected, actual: t.actual, location: t.location }, { expected: '42', actual: '41', location: { file: 'test_diff.py', line: 3 } });
    } finally {
      await deleteFile(file);
    }
  });

  it('watch mode re-checks after a save, cancels the stale check when a new save comes, and shows the counts', async () => {
    const checks: WatchCheck[] = [];
    const sub = api.watch.onDidCheck((c) => checks.push(c));
    const conftest = vscode.Uri.joinPath(folder(), 'conftest.py');
    try {
      assert.equal(await vscode.commands.executeCommand('aiRoadmap.watchExercise', ID), ID);
      // The first check is slow for sure: a conftest that sleeps, removed before the second save.
      await vscode.workspace.fs.writeFile(conftest, encode('import time\ntime.sleep(120)\n'));
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'logistic_regression.py'));
      const editor = await vscode.window.showTextDocument(doc);
      const started = api.checker.processesStarted;
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# first save\n'));
      await doc.save();
      await waitFor(() => api.checker.processesStarted > started, 'the first watch check to start');
      assert.match(api.watch.statusText, /Logistic regression from scratch with NumPy: checking/);
      await vscode.workspace.fs.delete(conftest);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# second save\n'));
      await doc.save();
      await waitFor(() => checks.some((c) => !c.cancelled), 'the second watch check to finish');
      assert.equal(checks[0].cancelled, true, 'the stale check was cancelled');
      const last = checks.find((c) => !c.cancelled)!;
      assert.ok(last.report && last.report.failed > 0 && !last.report.broken);
      assert.match(api.watch.statusText, new RegExp(`${last.report.passed} passed, ${last.report.failed} failed`));
    } finally {
      sub.dispose();
      await vscode.workspace.fs.delete(conftest).then(undefined, () => undefined);
      await vscode.commands.executeCommand('aiRoadmap.stopWatchingExercise', ID);
    }
  });

  it('done stays done after a failing re-check, but "verified" shows only while the tests pass', async () => {
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    const solution = vscode.Uri.joinPath(ext.extensionUri, 'roadmap', 'exercises', ID, 'solution', 'logistic_regression.py');
    const main = vscode.Uri.joinPath(folder(), 'logistic_regression.py');
    // Only the exercise's own tests: files an earlier test may have left behind go first.
    for (const f of ['test_extra.py', 'test_diff.py']) await deleteFile(vscode.Uri.joinPath(folder(), f));
    await vscode.workspace.fs.copy(solution, main, { overwrite: true });
    const roadmapId = (await api.roadmaps.current()).roadmap.id;
    const passing = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', ID))!;
    assert.equal(passing.report?.failed, 0, passing.reason);
    assert.equal(api.progress.get(roadmapId)?.exercises[ID]?.status, 'done');
    assert.equal(exerciseItem()?.description, 'verified');
    await vscode.workspace.fs.writeFile(main, encode('def sigmoid(z):\n    raise NotImplementedError("broken again")\n'));
    const failing = (await vscode.commands.executeCommand<CheckResult>('aiRoadmap.checkExercise', ID))!;
    assert.ok(failing.ran && (failing.report!.failed > 0 || failing.report!.broken));
    assert.equal(api.progress.get(roadmapId)?.exercises[ID]?.status, 'done', 'a failing re-check does not undo done');
    assert.equal(exerciseItem()?.description, undefined, 'no longer verified');
  });

  it('a folder that is not on this disk spawns nothing and says why', async () => {
    const before = api.checker.processesStarted;
    const virtual = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: `/learner/repo/exercises/${ID}` });
    const result = await api.checker.check(ID, virtual);
    assert.equal(result.ran, false);
    assert.match(result.reason ?? '', /vscode-vfs: folders are not on this machine's disk/);
    assert.equal(api.checker.processesStarted, before, 'no process was started');
  });
});

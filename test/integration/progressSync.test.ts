import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

/** The workspace progress file changed from outside, as git pull or another window does. */
describe('The workspace progress file is one truth', () => {
  let api: AiRoadmapApi;
  let roadmapId: string;
  const file = () => vscode.Uri.joinPath(workspaceUri(), '.vscode', 'ai-roadmap-progress.json').fsPath;
  const status = (id: string) => api.progress.get(roadmapId)?.topics[id]?.status ?? 'not-started';
  const stored = () => JSON.parse(readFileSync(file(), 'utf8')) as { roadmaps: Record<string, { topics: Record<string, { status: string }> }> };
  const checked = (id: string) => {
    const box = api.roadmapTree.getTreeItem(`topic:${id}`).checkboxState;
    return (typeof box === 'object' ? box.state : box) === vscode.TreeItemCheckboxState.Checked;
  };

  /** Writes the file as git does: a new file beside it, renamed over it. */
  function replaceFromOutside(change: (topics: Record<string, unknown>) => void, bom = '') {
    const data = stored();
    change(data.roadmaps[roadmapId].topics);
    const tmp = `${file()}.git-tmp`;
    writeFileSync(tmp, bom + JSON.stringify(data, null, 2));
    renameSync(tmp, file());
  }
  const doneNow = () => ({ status: 'done', updated: new Date().toISOString() });

  before(async () => {
    api = await activateExtension();
    roadmapId = (await api.roadmaps.current()).roadmap.id;
    await api.roadmapTree.getChildren();
    await api.progress.reset(roadmapId);
    await vscode.workspace.getConfiguration('aiRoadmap').update('progress.location', 'workspace', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => /ai-roadmap-progress\.json$/.test(api.progress.location), 'the switch to the workspace file');
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'calculus');
  });
  after(async () => {
    await api.progress.reset(roadmapId);
    await vscode.workspace.getConfiguration('aiRoadmap').update('progress.location', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => api.progress.location === 'global state', 'the switch back to global state');
    await api.progress.reset(roadmapId);
  });

  it('a file replaced from outside is picked up by the store and the tree, and the next check-off keeps it', async () => {
    replaceFromOutside((topics) => (topics.clip = doneNow()));
    await waitFor(() => status('clip') === 'done', 'the store to pick up the replaced file');
    await waitFor(() => checked('clip'), 'the tree to show the change from outside');
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'rlhf');
    const topics = stored().roadmaps[roadmapId].topics;
    assert.deepEqual(['calculus', 'clip', 'rlhf'].map((id) => topics[id]?.status), ['done', 'done', 'done']);
  });

  it('a check-off right after a change from outside is applied on top of it, before any watcher fires', async () => {
    replaceFromOutside((topics) => (topics.bert = doneNow()));
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'gpt-series');
    const topics = stored().roadmaps[roadmapId].topics;
    assert.equal(topics.bert?.status, 'done', 'the change from outside survives');
    assert.equal(topics['gpt-series']?.status, 'done');
    assert.equal(status('bert'), 'done');
  });

  it('a check-off that another window wrote over (it had read the file before) is saved again', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'qwen-deepseek');
    // The other window read the file before this check-off and writes its own change over it.
    const data = JSON.parse(readFileSync(file(), 'utf8')) as { roadmaps: Record<string, { topics: Record<string, unknown>; history: { id: string }[] }> };
    const mine = data.roadmaps[roadmapId];
    delete mine.topics['qwen-deepseek'];
    mine.history = mine.history.filter((e) => e.id !== 'qwen-deepseek');
    mine.topics['mixture-of-experts'] = doneNow();
    writeFileSync(`${file()}.other-window`, JSON.stringify(data, null, 2));
    renameSync(`${file()}.other-window`, file());
    await waitFor(() => stored().roadmaps[roadmapId].topics['qwen-deepseek']?.status === 'done', 'the check-off written over to be saved again');
    assert.equal(stored().roadmaps[roadmapId].topics['mixture-of-experts']?.status, 'done', "the other window's change is kept");
    await waitFor(() => checked('qwen-deepseek') && checked('mixture-of-experts'), 'the tree to show both');
  });

  it('a file saved with a byte order mark is read, and an outside reset is shown', async () => {
    const backup = api.progress.lastBackup;
    replaceFromOutside((topics) => {
      delete topics.clip;
      topics['pca-tsne'] = doneNow();
    }, '\uFEFF');
    await waitFor(() => status('clip') === 'not-started' && status('pca-tsne') === 'done', 'the store to read the file with a BOM');
    assert.equal(api.progress.lastBackup, backup, 'nothing was kept aside as unreadable');
  });

  it('a progress file that is a pipe or a link out of the workspace neither hangs nor is written through', async () => {
    const saved = readFileSync(file());
    const before = JSON.stringify(api.progress.snapshot());
    try {
      rmSync(file());
      execFileSync('mkfifo', [file()]);
      await api.progress.reload(); // would never end if the pipe were opened for reading
      assert.equal(JSON.stringify(api.progress.snapshot()), before, 'what was known is kept');

      rmSync(file());
      const outside = join(mkdtempSync(join(tmpdir(), 'ai-roadmap-outside-')), 'bashrc');
      writeFileSync(outside, 'echo hello\n');
      symlinkSync(outside, file());
      assert.deepEqual(await api.progress.apply(roadmapId, [{ kind: 'topic', id: 'rlhf', status: 'skipped' }]), [], 'the change is refused, not saved');
      assert.equal(readFileSync(outside, 'utf8'), 'echo hello\n', 'the file outside is untouched');
    } finally {
      rmSync(file());
      writeFileSync(file(), saved);
    }
  });
});

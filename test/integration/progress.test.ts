import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

describe('Progress in the tree, the commands and the status bar', () => {
  let api: AiRoadmapApi;
  let roadmapId: string;
  const status = (id: string) => api.progress.get(roadmapId)?.topics[id]?.status ?? 'not-started';

  before(async () => {
    api = await activateExtension();
    roadmapId = (await api.roadmaps.current()).roadmap.id;
    // The tree learns the roadmap when asked for rows, as the view does when shown (this file may run alone).
    await api.roadmapTree.getChildren();
  });
  beforeEach(async () => {
    await api.progress.reset(roadmapId);
  });

  it('Mark commands change a topic, its tree row, its layer row and the status bar', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'topic:linear-algebra');
    assert.equal(status('linear-algebra'), 'done');
    const row = api.roadmapTree.getTreeItem('topic:linear-algebra');
    assert.equal(row.checkboxState && typeof row.checkboxState === 'object' ? row.checkboxState.state : row.checkboxState, vscode.TreeItemCheckboxState.Checked);
    assert.equal(row.contextValue, 'topic.done');
    const size = (await api.roadmaps.current()).roadmap.layers[0].topics.length;
    const layerRow = (done: number, total: number) => `${done}/${total} · ${Math.floor((done / total) * 100)}%`;
    assert.equal(String(api.roadmapTree.getTreeItem('layer:foundations').description), layerRow(1, size));
    await waitFor(() => /Roadmap [1-9]%/.test(api.statusBar.text), 'the status bar to count the topic');

    await vscode.commands.executeCommand('aiRoadmap.markInProgress', 'topic:calculus');
    await vscode.commands.executeCommand('aiRoadmap.markSkipped', 'topic:calculus:1');
    assert.equal(status('calculus'), 'skipped');
    assert.equal(String(api.roadmapTree.getTreeItem('layer:foundations').description), layerRow(1, size - 1), 'a skipped topic leaves the count');
  });

  it('marks several selected topics at once', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markInProgress', 'topic:bert', ['topic:bert', 'topic:gpt-series', 'layer:deep-learning']);
    assert.equal(status('bert'), 'in-progress');
    assert.equal(status('gpt-series'), 'in-progress');
  });

  it('keeps progress in storage: a fresh read finds what was marked', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'calculus');
    await api.progress.reload();
    assert.equal(status('calculus'), 'done');
    assert.ok(api.progress.get(roadmapId)!.history.some((e) => e.id === 'calculus' && e.to === 'done'));
  });

  it('Show Next Topics respects prerequisites', async () => {
    const first = (await vscode.commands.executeCommand<string[]>('aiRoadmap.showNextTopics', { pick: false }))!;
    assert.ok(first.includes('linear-algebra') && first.includes('calculus'));
    assert.ok(!first.includes('optimization'), 'optimization needs linear algebra and calculus first');
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'linear-algebra');
    const half = (await vscode.commands.executeCommand<string[]>('aiRoadmap.showNextTopics', { pick: false }))!;
    assert.ok(!half.includes('optimization'), 'calculus is still missing');
    await vscode.commands.executeCommand('aiRoadmap.markSkipped', 'calculus');
    const after = (await vscode.commands.executeCommand<string[]>('aiRoadmap.showNextTopics', { pick: false }))!;
    assert.ok(after.includes('optimization'));
    assert.ok(!after.includes('linear-algebra'));
  });

  it('Hide Completed removes done topics from the tree and Show Completed brings them back', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'linear-algebra');
    await vscode.commands.executeCommand('aiRoadmap.hideCompleted');
    assert.ok(!(await api.roadmapTree.getChildren('layer:foundations')).includes('topic:linear-algebra'));
    await vscode.commands.executeCommand('aiRoadmap.showCompleted');
    assert.ok((await api.roadmapTree.getChildren('layer:foundations')).includes('topic:linear-algebra'));
  });

  it('Export then Import (replace) restores progress', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'pca-tsne');
    const file = vscode.Uri.joinPath(workspaceUri(), 'exported-progress.json');
    await vscode.commands.executeCommand('aiRoadmap.exportProgress', file);
    await api.progress.reset(roadmapId);
    assert.equal(status('pca-tsne'), 'not-started');
    const imported = await vscode.commands.executeCommand('aiRoadmap.importProgress', file, 'replace');
    assert.equal(imported, true);
    assert.equal(status('pca-tsne'), 'done');
  });

  it('Import of a bad file changes nothing and says why', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'clip');
    const before = JSON.stringify(api.progress.snapshot());
    for (const [name, content] of [
      ['not-json.json', '{ this is not json'],
      ['wrong-format.json', JSON.stringify({ hello: 'world' })],
      ['empty-progress.json', JSON.stringify({ format: 'ai-roadmap-progress', version: 1, roadmaps: { x: { topics: { a: { status: 'bogus' } } } } })],
    ]) {
      const file = vscode.Uri.joinPath(workspaceUri(), name);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
      const imported = await vscode.commands.executeCommand('aiRoadmap.importProgress', file, 'merge');
      assert.equal(imported, false, name);
      assert.equal(JSON.stringify(api.progress.snapshot()), before, `${name} changed nothing`);
    }
  });

  it('switching to the workspace store carries progress over, atomically written', async () => {
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'rlhf');
    const stale = vscode.Uri.joinPath(workspaceUri(), '.vscode', 'ai-roadmap-progress.json');
    await vscode.workspace.fs.delete(stale).then(undefined, () => undefined);
    const config = vscode.workspace.getConfiguration('aiRoadmap');
    await config.update('progress.location', 'workspace', vscode.ConfigurationTarget.Workspace);
    try {
      const file = vscode.Uri.joinPath(workspaceUri(), '.vscode', 'ai-roadmap-progress.json');
      // The switch is done when the store says so; the file is written before that.
      await waitFor(() => /ai-roadmap-progress\.json$/.test(api.progress.location), 'the switch to the workspace file');
      const saved = await waitFor(async () => {
        try {
          return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
        } catch {
          return undefined;
        }
      }, 'the workspace progress file');
      assert.equal(saved.roadmaps[roadmapId].topics.rlhf.status, 'done');
      assert.match(api.progress.location, /ai-roadmap-progress\.json$/);
      await vscode.commands.executeCommand('aiRoadmap.markDone', 'clip');
      const again = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      assert.equal(again.roadmaps[roadmapId].topics.clip.status, 'done');
    } finally {
      await config.update('progress.location', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => api.progress.location === 'global state', 'the switch back to global state');
    }
    assert.equal(status('clip'), 'done', 'progress made in the workspace store came back too');
  });

  it('Go to Topic finds a topic by the text of its notes', async () => {
    const id = await vscode.commands.executeCommand<string>('aiRoadmap.goToTopic', 'eigendecomposition');
    assert.equal(id, 'linear-algebra');
    assert.equal(api.notesPanel.currentId, 'linear-algebra');
  });

  it('the Study Plan lists twelve months with their topics and a milestone', async () => {
    const months = (await api.planTree.getChildren()).filter((e) => e.startsWith('month:'));
    assert.equal(months.length, 12);
    const first = await api.planTree.getChildren(months[0]);
    assert.ok(first.includes('topic:linear-algebra:1'));
    assert.match(String(api.planTree.getTreeItem(first[first.length - 1]).label), /^Milestone: /);
  });
});

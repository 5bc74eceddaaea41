import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

const activeWebviewTitle = () => {
  const t = vscode.window.tabGroups.activeTabGroup.activeTab;
  return t?.input instanceof vscode.TabInputWebview ? t.label : undefined;
};

/** Tabs of notes panels (markdown previews are webviews too). */
const notesTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aiRoadmap.notes'));

describe('Notes and dashboard panels', () => {
  let api: AiRoadmapApi;
  before(async () => {
    api = await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a topic, reuses the panel for the next one, and follows the status', async () => {
    const shown: string[] = [];
    const sub = api.notesPanel.onDidShow((id) => shown.push(id));
    try {
      await vscode.commands.executeCommand('aiRoadmap.openNotes', 'bert');
      await waitFor(() => shown.includes('bert'), 'the notes of BERT to be posted');
      await waitFor(() => activeWebviewTitle()?.startsWith('BERT'), 'the panel titled with the topic');
      await vscode.commands.executeCommand('aiRoadmap.openNotes', 'gpt-series');
      await waitFor(() => shown.includes('gpt-series'), 'the notes of GPT');
      assert.equal(notesTabs().length, 1, 'one panel, reused');
      assert.equal(api.notesPanel.currentId, 'gpt-series');
    } finally {
      sub.dispose();
    }
  });

  it('with notes.openInNewPanel, each topic gets its own panel', async () => {
    const config = vscode.workspace.getConfiguration('aiRoadmap');
    await config.update('notes.openInNewPanel', true, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('aiRoadmap.openNotes', 'bert');
      await vscode.commands.executeCommand('aiRoadmap.openNotes', 'rlhf');
      await waitFor(() => notesTabs().length === 2, 'two panels');
    } finally {
      await config.update('notes.openInNewPanel', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('the serializer restores a panel on the topic it showed', async () => {
    const panel = vscode.window.createWebviewPanel('aiRoadmap.notes', 'restoring', vscode.ViewColumn.Active);
    const shown = new Promise<string>((resolve) => {
      const sub = api.notesPanel.onDidShow((id) => {
        sub.dispose();
        resolve(id);
      });
    });
    await api.notesPanel.deserializeWebviewPanel(panel, { id: 'lora-from-scratch-not-a-topic', scrollY: 0 });
    assert.equal(panel.webview.options.enableScripts, true);
    assert.equal(await shown, 'foundations', 'an unknown id falls back to the first layer');
    panel.dispose();
    const again = vscode.window.createWebviewPanel('aiRoadmap.notes', 'restoring', vscode.ViewColumn.Active);
    await api.notesPanel.deserializeWebviewPanel(again, { id: 'peft-lora', scrollY: 120 });
    await waitFor(() => again.title.startsWith('PEFT'), 'the restored panel to show PEFT and LoRA');
  });

  it('the dashboard opens from its command and from the status bar item', async () => {
    await vscode.commands.executeCommand('aiRoadmap.openDashboard');
    await waitFor(() => activeWebviewTitle() === 'Roadmap Progress', 'the dashboard');
    await vscode.commands.executeCommand('aiRoadmap.openDashboard');
    const dashboards = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aiRoadmap.dashboard'));
    assert.equal(dashboards.length, 1, 'one dashboard, revealed again');
  });

  it('a corrupt progress store is kept aside, reported, and what can be read is kept', async () => {
    const roadmapId = (await api.roadmaps.current()).roadmap.id;
    const file = vscode.Uri.joinPath(workspaceUri(), '.vscode', 'ai-roadmap-progress.json');
    const partly = {
      version: 1,
      roadmaps: { [roadmapId]: { topics: { clip: { status: 'done', updated: '2026-01-01T00:00:00.000Z' }, vit: { status: '???' } }, exercises: {}, history: [] } },
    };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(partly)));
    const config = vscode.workspace.getConfiguration('aiRoadmap');
    await config.update('progress.location', 'workspace', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => api.progress.location.endsWith('ai-roadmap-progress.json'), 'the switch to the workspace file');
      assert.equal(api.progress.get(roadmapId)?.topics.clip?.status, 'done', 'the readable entry is kept');
      const backup = await waitFor(() => api.progress.lastBackup, 'a backup of the unreadable store');
      const kept = new TextDecoder().decode(await vscode.workspace.fs.readFile(backup));
      assert.match(kept, /"vit"/, 'the backup holds the original, unreadable entry included');
    } finally {
      await config.update('progress.location', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => api.progress.location === 'global state', 'the switch back');
      await vscode.workspace.fs.delete(file);
    }
  });
});

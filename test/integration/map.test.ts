import * as assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { nextTopics } from '../../src/core/progress/progressStats';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { svgProblems } from '../unit/support/svgCheck';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

const mapTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aiRoadmap.map'));

describe('The map', () => {
  let api: AiRoadmapApi;
  before(async () => {
    api = await activateExtension();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
  });

  it('opens for the built-in roadmap: every topic drawn, bands in order', async () => {
    await vscode.commands.executeCommand('aiRoadmap.openMap');
    const index = await api.roadmaps.current();
    const drawn = await api.map.whenDrawn();
    assert.ok(drawn, 'the page reported what it drew');
    assert.equal(drawn.nodes, index.topicOrder.length, 'a node per topic');
    assert.equal(mapTabs().length, 1);
    assert.match(mapTabs()[0].label, /^Map: /);
    // Opening again brings the same panel forward.
    await vscode.commands.executeCommand('aiRoadmap.openMap', 'topic:bert');
    assert.equal(mapTabs().length, 1, 'one map, reused');
  });

  it('a mark from the tree reaches the map, and only that node is sent again', async () => {
    const index = await api.roadmaps.current();
    await api.map.whenDrawn();
    const before = api.map.lastRendered!.stateVersion;
    const posted: number[] = [];
    const sub = api.map.onDidRender((r) => posted.push(r.stateVersion));
    const nextNow = () => nextTopics(index, api.progress.get(index.roadmap.id)).length;
    const nextBefore = nextNow();
    try {
      // What the tree's context menu passes: the clicked row and the selection.
      await vscode.commands.executeCommand('aiRoadmap.markDone', 'topic:linear-algebra', ['topic:linear-algebra']);
      await waitFor(() => api.map.lastRendered!.stateVersion > before, 'the map to draw the new state');
      assert.equal(api.progress.get(index.roadmap.id)?.topics['linear-algebra']?.status, 'done');
      assert.equal(api.map.lastRendered!.painted, 1, 'one node painted again, not the map');
      assert.notEqual(nextNow(), nextBefore, 'linear algebra done leaves the next topics');
      assert.equal(api.map.lastRendered!.nextTopics, nextNow(), "the page's next topics follow the mark, as Show Next Topics counts them");
      // Calculus done too: optimization (which needs both) becomes a next topic in its place (the UI test sees it highlighted).
      const calculus = api.map.lastRendered!.stateVersion;
      await vscode.commands.executeCommand('aiRoadmap.markDone', 'topic:calculus', ['topic:calculus']);
      await waitFor(() => api.map.lastRendered!.stateVersion > calculus, 'the map to draw calculus done');
      assert.ok(nextTopics(index, api.progress.get(index.roadmap.id)).includes('optimization'));
      assert.equal(api.map.lastRendered!.painted, 1);
      assert.equal(api.map.lastRendered!.nextTopics, nextNow(), "the page's next topics follow the mark");
      const back = api.map.lastRendered!.stateVersion;
      await vscode.commands.executeCommand('aiRoadmap.markNotStarted', 'calculus');
      await waitFor(() => api.map.lastRendered!.stateVersion > back, 'the map to follow calculus back');
      assert.equal(api.map.lastRendered!.nextTopics, nextNow());
      // And from the map's own context menu (webview/context passes the element's data-vscode-context).
      const again = api.map.lastRendered!.stateVersion;
      await vscode.commands.executeCommand('aiRoadmap.markInProgress', { webview: 'aiRoadmap.map', webviewSection: 'topic', topicId: 'calculus', preventDefaultContextMenuItems: true });
      await waitFor(() => api.map.lastRendered!.stateVersion > again, 'the map to draw the context menu\'s mark');
      assert.equal(api.progress.get(index.roadmap.id)?.topics['calculus']?.status, 'in-progress');
      assert.ok(posted.length >= 2);
    } finally {
      sub.dispose();
      await vscode.commands.executeCommand('aiRoadmap.markNotStarted', 'linear-algebra');
      await vscode.commands.executeCommand('aiRoadmap.markNotStarted', 'calculus');
    }
  });

  it('exports an SVG and a PNG of the map', async () => {
    const svgFile = vscode.Uri.joinPath(workspaceUri(), 'map.svg');
    const pngFile = vscode.Uri.joinPath(workspaceUri(), 'map.png');
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.exportMap', svgFile, 'svg'), true);
    const svg = readFileSync(svgFile.fsPath, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.deepEqual(svgProblems(svg), [], 'a plain picture');
    assert.ok(svg.includes('Linear algebra'), 'the topics are named');
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.exportMap', pngFile, 'png'), true);
    const png = readFileSync(pngFile.fsPath);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.readUInt32BE(16) > 400 && png.readUInt32BE(20) > 400, 'of a real size');
  });

  it("opens for an author's roadmap, and follows the switch back", async () => {
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    const dir = vscode.Uri.joinPath(workspaceUri(), 'map-roadmap');
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'valid'), dir.fsPath, { recursive: true });
    await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.joinPath(dir, 'roadmap.yaml'));
    await waitFor(async () => (await api.roadmaps.current()).roadmap.id === 'tiny', "the author's roadmap");
    const drawn = await waitFor(async () => {
      const r = await api.map.whenDrawn(5_000);
      return r?.nodes === 2 ? r : undefined;
    }, 'the map of the two topics');
    assert.equal(drawn.nodes, 2);
    await waitFor(() => mapTabs()[0]?.label === 'Map: A tiny roadmap', 'the title of the new roadmap');
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
    await waitFor(async () => (await api.map.whenDrawn(5_000))?.nodes === (await api.roadmaps.current()).topicOrder.length, 'the built-in map again');
  });

  it("opens for an author's roadmap with sub-topics, and a sub-topic's mark from the tree reaches it", async () => {
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    const dir = vscode.Uri.joinPath(workspaceUri(), 'map-teacher');
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'teacher'), dir.fsPath, { recursive: true });
    await vscode.commands.executeCommand('aiRoadmap.openMap');
    await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.joinPath(dir, 'roadmap.yaml'));
    await waitFor(async () => (await api.roadmaps.current()).roadmap.id === 'web-course', "the teacher's roadmap");
    const index = await api.roadmaps.current();
    assert.ok(index.isSubtopic('html--forms'));
    // Three topics and three sub-topics, each a node of its own.
    const drawn = await waitFor(async () => {
      const r = await api.map.whenDrawn(5_000);
      return r?.nodes === index.topicOrder.length ? r : undefined;
    }, 'the map of the topics and their sub-topics');
    assert.equal(drawn.nodes, 6);
    const before = api.map.lastRendered!.stateVersion;
    try {
      // The tree's row of a sub-topic, through its context menu.
      await vscode.commands.executeCommand('aiRoadmap.markDone', 'topic:html--forms', ['topic:html--forms']);
      await waitFor(() => api.map.lastRendered!.stateVersion > before, "the map to draw the sub-topic's new state");
      assert.equal(api.progress.get(index.roadmap.id)?.topics['html--forms']?.status, 'done');
      // And from the map's context menu on the sub-topic's node.
      const again = api.map.lastRendered!.stateVersion;
      await vscode.commands.executeCommand('aiRoadmap.markInProgress', { webview: 'aiRoadmap.map', webviewSection: 'topic', topicId: 'git--branches', preventDefaultContextMenuItems: true });
      await waitFor(() => api.map.lastRendered!.stateVersion > again, "the map to draw the context menu's mark on a sub-topic");
      assert.equal(api.progress.get(index.roadmap.id)?.topics['git--branches']?.status, 'in-progress');
    } finally {
      await vscode.commands.executeCommand('aiRoadmap.markNotStarted', 'html--forms');
      await vscode.commands.executeCommand('aiRoadmap.markNotStarted', 'git--branches');
      await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
    }
    await waitFor(async () => (await api.map.whenDrawn(5_000))?.nodes === (await api.roadmaps.current()).topicOrder.length, 'the built-in map again');
  });

  it('the serializer restores a map after a reload', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => !api.map.isOpen, 'the map to close');
    const panel = vscode.window.createWebviewPanel('aiRoadmap.map', 'restoring', vscode.ViewColumn.Active);
    await api.map.deserializeWebviewPanel(panel, { zoom: 1, x: 0, y: 0, follow: true, selected: 'bert', layers: [], statuses: [], query: '' });
    const drawn = await api.map.whenDrawn();
    assert.equal(drawn?.nodes, (await api.roadmaps.current()).topicOrder.length);
  });
});

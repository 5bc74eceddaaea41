import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, EXTENSION_ID } from './support/extension';
import { waitFor } from './support/waitFor';

describe('Activation', () => {
  it('activates at startup finished or on its views and panels, never eagerly', () => {
    // The status bar item shows from startup (onStartupFinished), so whether the extension is
    // active when this first test runs is a race with the workbench; what it may wait for is not.
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const events = ext.packageJSON.activationEvents as string[];
    assert.ok(events.includes('onStartupFinished'));
    assert.deepEqual(events.filter((e) => e === '*' || e.startsWith('workspaceContains:')), []);
  });

  it('activates when its view is shown and registers its commands', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.aiRoadmap');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(() => ext.isActive, 'showing the AI Roadmap container to activate the extension');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('aiRoadmap.openNotes'));
  });

  it('builds the panels, quizzes and authoring tools on the first command, not at activation', async () => {
    const ext = vscode.extensions.getExtension<AiRoadmapApi>(EXTENSION_ID)!;
    await waitFor(() => ext.isActive, 'the extension to be active');
    assert.equal(ext.exports.featuresBuilt, false, 'activation built the lazy features');
    // Their code is in dist/features.js, which activation neither evaluates nor parses.
    assert.equal(ext.exports.lazyPart, 'not loaded', 'activation evaluated dist/features.js');
    await vscode.commands.executeCommand('aiRoadmap.collapseAll');
    assert.equal(ext.exports.lazyPart, 'loaded', 'the first command evaluates dist/features.js');
    assert.equal(ext.exports.featuresBuilt, true, 'the first command builds them');
    assert.equal(ext.exports.notesPanel.currentId, undefined);
  });

  it('keeps what activation does not run out of dist/extension.js', () => {
    const ext = vscode.extensions.getExtension<AiRoadmapApi>(EXTENSION_ID)!;
    const bundle = (name: string) => readFileSync(join(ext.extensionPath, 'dist', name), 'utf8');
    // The webview HTML (every panel's) and the JUnit reader: in the lazy part, never in the bundle activation loads.
    for (const text of ['Content-Security-Policy', 'SaxesParser']) {
      assert.ok(!bundle('extension.js').includes(text), `dist/extension.js holds "${text}", code activation does not run`);
      assert.ok(bundle('features.js').includes(text), `dist/features.js lacks "${text}"`);
    }
  });

  it('keeps a V8 code cache of dist/extension.js in its global storage, for the next start', async () => {
    const api = await activateExtension();
    assert.ok(api.codeCache, 'the Node entry (dist/boot.js) did not say how it evaluated dist/extension.js');
    const { use, folder } = api.codeCache;
    assert.ok(['none', 'accepted', 'rejected'].includes(use), use);
    assert.ok(folder && folder.endsWith('code-cache'), `the code cache folder is ${folder}`);
    // A start without an accepted cache saves one about 5 s after activation.
    const caches = () => (existsSync(folder) ? readdirSync(folder).filter((f) => /^extension\.js-[0-9a-f]{32}\.cache$/.test(f)) : []);
    await waitFor(() => caches().length === 1, `a code cache in ${folder} (this start: ${use})`, 60_000);
    assert.ok(statSync(join(folder, caches()[0])).size > 10_000);
  });

  it('measures its own part of the activation VS Code times (what the bench and the log report)', async () => {
    const api = await activateExtension();
    assert.ok(api.startup, 'the Node entry (dist/boot.js) did not measure the start');
    const { ownMs, evaluateMs, activateMs } = api.startup;
    for (const ms of [evaluateMs, activateMs]) assert.ok(Number.isFinite(ms) && ms >= 0, `a part of the start measured ${ms} ms`);
    // Evaluating the 128 KB startup bundle takes measurable time, with or without the code cache.
    assert.ok(evaluateMs > 0, 'evaluating dist/extension.js measured 0 ms');
    assert.ok(Math.abs(ownMs - (evaluateMs + activateMs)) < 0.2, `${ownMs} is not the sum of its parts`);
  });

  it('the Roadmap tree lists the eight layers in order', async () => {
    const api = await activateExtension();
    const layers = await api.roadmapTree.getChildren();
    assert.equal(layers.length, 8);
    const items = layers.map((n) => api.roadmapTree.getTreeItem(n));
    assert.match(String(items[0].label), /^1\. Mathematical and Programming Foundations/);
    assert.match(String(items[7].label), /^8\. Latest Research/);
    assert.deepEqual(items.map((i) => i.id), layers);
    assert.ok(layers.every((l) => l.startsWith('layer:')));
  });

  it('Open Notes opens the notes panel for a layer', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('aiRoadmap.openNotes', 'deep-learning');
    assert.equal(api.notesPanel.currentId, 'deep-learning');
    await waitFor(() => {
      const t = vscode.window.tabGroups.activeTabGroup.activeTab;
      return t?.input instanceof vscode.TabInputWebview && t.label === 'Deep Learning Core';
    }, 'the notes panel, titled with the layer, to be the active tab');
  });
});

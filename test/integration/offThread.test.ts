import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

/**
 * An author's roadmap is loaded, and its notes rendered, on a worker thread: the extension host
 * (where this test runs too) keeps running while a large roadmap loads.
 */
describe("An author's roadmap off the extension host thread", () => {
  let api: AiRoadmapApi;
  const dir = () => join(workspaceUri().fsPath, 'heavy-roadmap');

  before(async () => {
    api = await activateExtension();
    // 20,000 topics (about 4 MB of YAML): seconds of parsing and checking on a loaded machine.
    const topics = Array.from({ length: 20_000 }, (_, i) => ({ id: `topic-${i}`, title: `Topic ${i}`, summary: 'A generated topic of ordinary length.', prerequisites: i > 0 ? [`topic-${i - 1}`] : [], ...(i === 0 ? { notes: 'notes/first.md' } : {}) }));
    const layers = Array.from({ length: 2 }, (_, li) => ({ id: `layer-${li + 1}`, number: li + 1, title: `Layer ${li + 1}`, goal: 'Generated.', topics: topics.slice(li * 10_000, (li + 1) * 10_000) }));
    mkdirSync(join(dir(), 'notes'), { recursive: true });
    writeFileSync(join(dir(), 'roadmap.yaml'), stringify({ id: 'heavy', title: 'Heavy', version: '1.0.0', layers }));
    writeFileSync(join(dir(), 'notes', 'first.md'), '# First\n\nA kern that would cover the panel: $\\kern{-100000em}x$\n\n## Same\n\n## Same\n');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
  });

  it('loads a large roadmap while the host thread keeps running', async () => {
    // A timer on the host thread: the longest gap between its ticks is the longest stall.
    let last = performance.now();
    let longest = 0;
    const ticks = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 20);
    const started = performance.now();
    let id: unknown;
    try {
      id = await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.file(join(dir(), 'roadmap.yaml')));
    } finally {
      clearInterval(ticks);
    }
    const took = performance.now() - started;
    assert.equal(id, 'heavy');
    assert.equal((await api.roadmaps.current()).topicOrder.length, 20_000);
    // On the host thread the parse alone would stall it for most of the load.
    assert.ok(longest < took / 4, `the host stalled ${longest.toFixed(0)} ms during a ${took.toFixed(0)} ms load`);
  });

  it("renders the author's notes on the worker, within the core's bounds", async () => {
    await vscode.commands.executeCommand('aiRoadmap.openNotes', 'topic-0');
    const html = await waitFor(() => api.notesPanel.renderedHtml('notes/first.md'), 'the rendered note');
    assert.match(html, /is out of range; sizes in formulas lie between -20em and 20em/);
    assert.match(html, /id="same"[\s\S]*id="same-1"/);
  });
});

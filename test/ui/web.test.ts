import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotesPanel, RoadmapTree, useWorkbench } from './pages';

describe('VS Code for the Web in Chromium (the web worker extension host)', () => {
  const workbench = useWorkbench({ kind: 'web' });

  it('browses the tree and reads a topic with math, from the browser bundle', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    assert.equal((await tree.labels()).length >= 8, true);
    const notes = await NotesPanel.open(wb, 'The attention mechanism', 'The attention mechanism: queries, keys and values');
    assert.ok((await notes.math().count()) > 3, 'KaTeX rendered the math in the web build');
    await wb.screenshot('web-notes');
  });

  it("shows a built-in note's picture, served from the content pack through the webview", async () => {
    const wb = workbench();
    const title = 'Optimization: gradient descent, convex vs non-convex';
    const notes = await NotesPanel.openFromTree(wb, new RoadmapTree(wb), /^1\. Mathematical/, title, title);
    const [valley] = await notes.loadedPictures(1);
    assert.match(valley.alt, /^Gradient descent on/);
    assert.ok(valley.width > 0);
  });

  it('Check Exercise says why it cannot run in the browser', async () => {
    const wb = workbench();
    await wb.runCommandAndPick('AI Roadmap: Check Exercise...', 'Logistic regression from scratch');
    await wb.notification('needs a desktop or remote window').waitFor({ timeout: 90_000 });
  });
});

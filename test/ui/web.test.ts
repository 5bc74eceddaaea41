import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notesFrame, RoadmapTree, useWorkbench } from './support/workbench';

describe('VS Code for the Web in Chromium (the web worker extension host)', () => {
  const workbench = useWorkbench({ kind: 'web' });

  it('browses the tree and reads a topic with math, from the browser bundle', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    assert.equal((await tree.labels()).length >= 8, true);
    await wb.runCommand('AI Roadmap: Open Notes');
    await wb.pickQuickItem('The attention mechanism');
    const frame = await notesFrame(wb.page, 'The attention mechanism: queries, keys and values');
    assert.ok((await frame.locator('.notes .katex').count()) > 3, 'KaTeX rendered the math in the web build');
    await wb.screenshot('web-notes');
  });

  it('Check Exercise says why it cannot run in the browser', async () => {
    const wb = workbench();
    await wb.runCommand('AI Roadmap: Check Exercise...');
    await wb.pickQuickItem('Logistic regression from scratch');
    await wb.page.locator('.notifications-toasts', { hasText: 'needs a desktop or remote window' }).first().waitFor({ timeout: 90_000 });
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notesFrame, RoadmapTree, useWorkbench } from './support/workbench';

describe('Sidebar and notes panel in real VS Code', () => {
  const workbench = useWorkbench();

  it('the activity-bar icon opens the Roadmap tree with the eight layers', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    const labels = await tree.labels();
    assert.equal(labels.length, 8, `eight layers, got: ${labels.join(' | ')}`);
    assert.match(labels[0], /^1\. Mathematical and Programming Foundations/);
    assert.match(labels[7], /^8\. Latest Research/);
    await wb.screenshot('sidebar-tree');
  });

  it('Open Notes from the command palette shows the layer in the panel', async () => {
    const wb = workbench();
    await wb.runCommand('AI Roadmap: Open Notes');
    await wb.pickQuickItem('Deep Learning Core');
    const frame = await notesFrame(wb.page, 'Deep Learning Core');
    const context = await frame.locator('#root .context').textContent();
    assert.equal(context?.trim(), 'Layer 3');
    const goal = await frame.locator('#root .goal').textContent();
    assert.match(goal ?? '', /^Goal: /);
    await wb.screenshot('notes-panel-layer');
  });
});

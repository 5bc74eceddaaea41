import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotesPanel, RoadmapTree, useWorkbench } from './pages';

describe('Sidebar and notes panel in real VS Code', () => {
  const workbench = useWorkbench();

  it('the activity-bar icon opens the Roadmap tree with the eight layers', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    assert.equal(await tree.sidebar().isVisible(), false, 'a fresh window shows the Explorer, not our side bar');
    await wb.activityBarIcon().click();
    await tree.rows().first().waitFor({ timeout: 90_000 });
    const labels = await tree.labels();
    assert.equal(labels.length, 8, `eight layers, got: ${labels.join(' | ')}`);
    assert.match(labels[0], /^1\. Mathematical and Programming Foundations/);
    assert.match(labels[7], /^8\. Latest Research/);
    await wb.screenshot('sidebar-tree');
  });

  it('Open Notes from the command palette shows the layer in the panel', async () => {
    const wb = workbench();
    const notes = await NotesPanel.open(wb, 'Deep Learning Core', 'Deep Learning Core');
    assert.equal(await notes.context(), 'Layer 3');
    assert.match(await notes.goal(), /^Goal: /);
    await wb.screenshot('notes-panel-layer');
  });
});

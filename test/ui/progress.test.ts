import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dashboard, layerDescription, ProgressStatusBar, RoadmapTree, useWorkbench } from './pages';

/** The first layer's row after one of its topics is done. */
const ONE_DONE = layerDescription('foundations', 1);

describe('Checking off a topic in real VS Code', () => {
  const workbench = useWorkbench();

  it('ticking a checkbox updates the layer count and the status bar, and survives a window reload', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    const status = new ProgressStatusBar(wb.page);
    await tree.open();
    const layer = /^1\. Mathematical/;
    assert.equal(await tree.description(layer), layerDescription('foundations', 0));
    await tree.expand(layer);
    const topic = /^Linear algebra/;
    await tree.row(topic).waitFor();
    await tree.clickCheckbox(topic);
    await tree.waitText(ONE_DONE);
    assert.equal(await tree.description(layer), ONE_DONE);
    await status.waitText(/Roadmap 1%/);
    assert.match(await status.accessibleLabel(), /^AI Roadmap progress: 1 percent, 1 of \d+ topics done$/, 'the status bar item says what it shows');
    await wb.screenshot('tree-progress');

    // A reload deactivates the extension and starts a new extension host.
    await wb.reload();
    await tree.open();
    await tree.waitText(ONE_DONE);
    await tree.expand(layer);
    assert.equal(await tree.checkbox(topic).getAttribute('aria-checked'), 'true');
  });

  it('the status bar opens the dashboard with the overall count, layer bars and next topics', async () => {
    const wb = workbench();
    await new ProgressStatusBar(wb.page).click();
    const dashboard = await Dashboard.find(wb, /^1 \/ \d+$/);
    assert.equal(await dashboard.layers().count(), 8);
    assert.ok((await dashboard.nextTopics().count()) > 0);
    assert.equal(await dashboard.weekColumns().count(), 12);
    assert.equal(await dashboard.fact('streak'), '1 day');
    await wb.screenshot('dashboard');
  });
});

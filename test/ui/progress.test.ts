import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerDescription, progressStatus, RoadmapTree, webviewFrame, useWorkbench } from './support/workbench';

/** The first layer's row after one of its topics is done. */
const ONE_DONE = layerDescription('foundations', 1);

describe('Checking off a topic in real VS Code', () => {
  const workbench = useWorkbench();

  it('ticking a checkbox updates the layer count and the status bar, and survives a window reload', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    const layer = /^1\. Mathematical/;
    assert.equal(await tree.description(layer), layerDescription('foundations', 0));
    await tree.expand(layer);
    const topic = /^Linear algebra/;
    await tree.row(topic).waitFor();
    await tree.checkbox(topic).click();
    await wb.page.waitForFunction((d) => document.querySelector('[id="workbench.view.extension.aiRoadmap"]')?.textContent?.includes(d), ONE_DONE, { timeout: 60_000 });
    assert.equal(await tree.description(layer), ONE_DONE);
    await progressStatus(wb.page).getByText(/Roadmap 1%/).waitFor();
    await wb.screenshot('tree-progress');

    // A reload deactivates the extension and starts a new extension host.
    const reloaded = wb.page.waitForEvent('load'); // listen first: the reload can be quick
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.activitybar').waitFor({ timeout: 90_000 });
    await tree.open();
    await wb.page.waitForFunction((d) => document.querySelector('[id="workbench.view.extension.aiRoadmap"]')?.textContent?.includes(d), ONE_DONE, { timeout: 60_000 });
    await tree.expand(layer);
    assert.equal(await tree.checkbox(topic).getAttribute('aria-checked'), 'true');
  });

  it('the status bar opens the dashboard with the overall count, layer bars and next topics', async () => {
    const wb = workbench();
    await progressStatus(wb.page).click();
    const frame = await webviewFrame(wb.page, '[data-fact="done"]', /^1 \/ \d+$/);
    assert.equal(await frame.locator('.layers li').count(), 8);
    assert.ok((await frame.locator('.next li').count()) > 0);
    assert.equal(await frame.locator('.weeks .col').count(), 12);
    assert.equal(await frame.locator('[data-fact="streak"]').textContent(), '1 day');
    await wb.screenshot('dashboard');
  });
});

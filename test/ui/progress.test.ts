import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressStatus, RoadmapTree, webviewFrame, useWorkbench } from './support/workbench';

describe('Checking off a topic in real VS Code', () => {
  const workbench = useWorkbench();

  it('ticking a checkbox updates the layer count and the status bar, and survives a window reload', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    const layer = /^1\. Mathematical/;
    assert.equal(await tree.description(layer), '0/6 · 0%');
    await tree.expand(layer);
    const topic = /^Linear algebra/;
    await tree.row(topic).waitFor();
    await tree.checkbox(topic).click();
    await wb.page.waitForFunction(() => document.querySelector('[id="workbench.view.extension.aiRoadmap"]')?.textContent?.includes('1/6 · 16%'));
    assert.equal(await tree.description(layer), '1/6 · 16%');
    await progressStatus(wb.page).getByText(/Roadmap 1%/).waitFor();
    await wb.screenshot('tree-progress');

    // A reload deactivates the extension and starts a new extension host.
    const reloaded = wb.page.waitForEvent('load'); // listen first: the reload can be quick
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.activitybar').waitFor({ timeout: 30_000 });
    await tree.open();
    await wb.page.waitForFunction(() => document.querySelector('[id="workbench.view.extension.aiRoadmap"]')?.textContent?.includes('1/6 · 16%'), undefined, { timeout: 30_000 });
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

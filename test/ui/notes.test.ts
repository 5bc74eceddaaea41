import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerDescription, notesFrame, progressStatus, RoadmapTree, useWorkbench } from './support/workbench';

/** The first layer's row after one of its topics is done. */
const ONE_DONE = layerDescription('foundations', 1);

describe('Topic notes in real VS Code', () => {
  const workbench = useWorkbench();

  it('renders math with KaTeX and code with highlighting, and the status control changes the tree', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    await wb.runCommand('AI Roadmap: Open Notes');
    await wb.pickQuickItem('Linear algebra: vectors');
    const frame = await notesFrame(wb.page, 'Linear algebra: vectors, matrices, eigendecomposition');
    assert.ok((await frame.locator('.notes .katex').count()) > 3, 'KaTeX rendered the math');
    assert.ok((await frame.locator('.notes pre.hljs .hljs-keyword').count()) > 0, 'highlight.js marked the code');
    assert.equal(await frame.locator('.notes h2#key-ideas').count(), 1, 'headings have anchors');
    await wb.screenshot('notes-topic');

    await frame.locator('vscode-radio[data-status="done"]').click();
    await wb.page.waitForFunction((d) => document.querySelector('[id="workbench.view.extension.aiRoadmap"]')?.textContent?.includes(d), ONE_DONE, { timeout: 60_000 });
    await progressStatus(wb.page).getByText(/Roadmap 1%/).waitFor();

    // And back: a change in the tree moves the panel's control.
    await tree.expand(/^1\. Mathematical/);
    await tree.checkbox(/^Linear algebra/).click();
    await frame.waitForFunction(() => (document.querySelector('vscode-radio[data-status="not-started"]') as { checked?: boolean } | null)?.checked === true);
  });
});

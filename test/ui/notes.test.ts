import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerDescription, NotesPanel, ProgressStatusBar, RoadmapTree, useWorkbench } from './pages';

/** The first layer's row after one of its topics is done. */
const ONE_DONE = layerDescription('foundations', 1);

describe('Topic notes in real VS Code', () => {
  const workbench = useWorkbench();

  it('renders math with KaTeX and code with highlighting, and the status control changes the tree', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    const notes = await NotesPanel.open(wb, 'Linear algebra: vectors', 'Linear algebra: vectors, matrices, eigendecomposition');
    assert.ok((await notes.math().count()) > 3, 'KaTeX rendered the math');
    assert.equal(await notes.mathml().count(), await notes.math().count(), 'every formula keeps its MathML for screen readers');
    assert.ok((await notes.codeKeywords().count()) > 0, 'highlight.js marked the code');
    assert.equal(await notes.heading2('key-ideas').count(), 1, 'headings have anchors');
    await wb.screenshot('notes-topic');

    await notes.setStatus('done');
    await tree.waitText(ONE_DONE);
    await new ProgressStatusBar(wb.page).waitText(/Roadmap 1%/);

    // And back: a change in the tree moves the panel's control.
    await tree.expand(/^1\. Mathematical/);
    await tree.clickCheckbox(/^Linear algebra/);
    await notes.waitStatusChecked('not-started');
  });
});

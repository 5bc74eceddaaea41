import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../tools/host/codeServer';
import { NoteSnippets, NotesPanel, useWorkbench } from './pages';

describe('Runnable notes in real VS Code', () => {
  const workbench = useWorkbench({
    copy: { 'snippet-roadmap': join(repoRoot, 'test', 'fixtures', 'roadmaps', 'snippets') },
    settings: { 'aiRoadmap.roadmapFile': 'snippet-roadmap/roadmap.yaml', 'aiRoadmap.pythonPath': process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3' },
  });
  let snippets: NoteSnippets;

  it('Run shows a block’s output under it, as text', async () => {
    const wb = workbench();
    const notes = await NotesPanel.open(wb, 'Run me', 'Run me');
    snippets = new NoteSnippets(notes.frame);
    assert.equal(await snippets.frame.locator('.snippet').count(), 5, 'a Run button on each Python block, none on bash');
    await snippets.run(0);
    await snippets.waitOutput(0, /hello from block 0/);
    assert.match(await snippets.waitEnded(0, 'Done'), /Finished\./);
    assert.match((await snippets.block(0).locator('.snippet-interpreter').textContent()) ?? '', /python3 \(the aiRoadmap\.pythonPath setting\)/);

    await snippets.run(3);
    await snippets.waitEnded(3, 'Done');
    assert.match((await snippets.log(3).textContent()) ?? '', /^<b>not bold<\/b>\n/);
    assert.equal(await snippets.log(3).locator('b').count(), 0, 'output is never markup');
    assert.match((await snippets.log(3).locator('.snippet-note').textContent()) ?? '', /Output cut at 100,000 characters/);
  });

  it('a matplotlib figure appears, from the run folder through the webview’s own resource URI', async () => {
    const wb = workbench();
    await snippets.run(1);
    assert.match(await snippets.waitEnded(1, 'Done'), /One figure saved/);
    assert.equal(await snippets.figures(1).count(), 1, 'the figure, not the link named like one');
    const src = (await snippets.figures(1).getAttribute('src')) ?? '';
    assert.match(src, /^https:\/\/.*ai-roadmap-figures-[0-9a-f]+\/run-\d+\/1-figure\.png$/);
    await snippets.frame.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.snippet-figures img')).every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 60_000 });
    assert.deepEqual(await snippets.figuresLoaded(1), [true]);
    await snippets.figures(1).scrollIntoViewIfNeeded();
    await wb.screenshot('runnable-notes-figure');
  });

  it('Stop cancels a long run, by keyboard', async () => {
    await snippets.run(4);
    await snippets.waitOutput(4, /started/);
    assert.equal((await snippets.runButton(4).textContent())?.trim(), 'Stop');
    await snippets.runButton(4).focus();
    await snippets.frame.page().keyboard.press('Enter');
    assert.match(await snippets.waitEnded(4, 'Stopped'), /Stopped\./);
    assert.equal((await snippets.runButton(4).textContent())?.trim(), 'Run');
  });

  it('a missing package is named with its install hint', async () => {
    await snippets.run(2);
    assert.match(await snippets.waitEnded(2, 'Error'), /no module named "no_such_module_xyz"\. Install it with: .*-m pip install no_such_module_xyz\./);
  });

  it('Open as Notebook writes the note as a notebook and opens it; back in the panel the runs show as they were; a second time it asks', async () => {
    const wb = workbench();
    await snippets.openNotebookButton().click();
    await wb.editorTab('run-me.ipynb').waitFor({ timeout: 90_000 });
    const file = join(wb.workspace, 'notebooks', 'run-me.ipynb');
    assert.ok(existsSync(file));

    // Again, over a notebook the learner changed: VS Code's dialog asks, and Cancel keeps it.
    writeFileSync(file, '{"mine": true}\n');
    // The notebook took the panel's place: its page comes back when its tab is chosen again.
    await wb.editorTab('Run me').click();
    snippets = new NoteSnippets((await NotesPanel.find(wb, 'Run me')).frame);
    // The rebuilt page shows the runs as they were: the output, and the figure from its kept file.
    await snippets.waitOutput(0, /hello from block 0/);
    await snippets.frame.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.snippet-figures img')).some((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 60_000 });
    await snippets.openNotebookButton().click();
    const dialog = wb.page.locator('.monaco-dialog-box', { hasText: 'notebooks/run-me.ipynb already exists in the workspace.' });
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    assert.equal(readFileSync(file, 'utf8'), '{"mine": true}\n');
  });
});

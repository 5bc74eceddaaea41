import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NotesPanel, RoadmapTree, Workbench } from './pages';

const LAYER = /^1\. Mathematical/;
const A_TOPIC = /^Linear algebra/;
const B_TOPIC = /^Calculus/;
const C_TOPIC = /^Probability and statistics/;

/** Ticks a topic's checkbox in one window's tree. */
async function tick(wb: Workbench, topic: RegExp, { treeShown = false } = {}) {
  const tree = new RoadmapTree(wb);
  // A click on the activity bar icon of a view already shown would hide the side bar.
  if (treeShown) await tree.ensureOpen();
  else await tree.open();
  await tree.expand(LAYER);
  await tree.row(topic).waitFor({ timeout: 60_000 });
  // A click that lands while the row is being redrawn (the other window's change arriving) is
  // lost, for a person as for the test: click again, once, only if the box never showed ticked.
  // A box that showed ticked and then went back is the bug this suite is for, and fails below.
  for (let attempt = 1; ; attempt++) {
    await tree.clickCheckbox(topic);
    const ticked = await tree.checkbox(topic).and(wb.page.locator('[aria-checked="true"]')).waitFor({ timeout: 20_000 }).then(() => true, () => false);
    if (ticked || attempt >= 2) break;
    process.stderr.write(`the click on ${topic} did not tick it; clicking again\n`);
  }
  await waitChecked(wb, topic);
}

/** Waits until a window's tree shows the topic ticked (the other window's change arrives by itself). */
async function waitChecked(wb: Workbench, topic: RegExp) {
  const tree = new RoadmapTree(wb);
  await tree.ensureOpen();
  await tree.row(LAYER).waitFor({ timeout: 90_000 });
  await tree.expand(LAYER);
  const deadline = Date.now() + 60_000;
  while ((await tree.checkbox(topic).getAttribute('aria-checked')) !== 'true') {
    if (Date.now() > deadline) {
      // What the window and the store say, so a failure under load can be read after the fact.
      await wb.screenshot(`two-windows-never-ticked-${Date.now()}`).catch(() => undefined);
      const toasts = await wb.page.locator('.notifications-toasts').allTextContents().catch(() => []);
      let file = '(no workspace file)';
      try { file = readFileSync(join(wb.workspace, '.vscode', 'ai-roadmap-progress.json'), 'utf8').slice(0, 1500); } catch { /* progress kept in global state: no file */ }
      throw new Error(`The tree never showed ${topic} ticked. Toasts: ${JSON.stringify(toasts)}. Progress file: ${file}`);
    }
    await wb.page.waitForTimeout(200);
  }
}

/**
 * Two windows on one workspace, each with its own extension host, tick different topics: both
 * changes are kept, and each window shows the other's, with progress in global state and in the
 * workspace file.
 */
for (const location of ['global', 'workspace'] as const) {
  describe(`Two windows ticking topics, progress in ${location === 'global' ? 'global state' : 'the workspace file'}`, () => {
    let a: Workbench;
    let b: Workbench;
    before(async () => {
      a = await Workbench.open({ settings: { 'aiRoadmap.progress.location': location } });
      b = await a.openSecondWindow();
    });
    after(async () => {
      await b?.close();
      await a?.close();
    });

    it('both changes survive and each window shows the other one', async () => {
      await tick(a, A_TOPIC);
      await tick(b, B_TOPIC);
      await waitChecked(a, B_TOPIC);
      await waitChecked(b, A_TOPIC);
      await a.screenshot(`two-windows-${location}`);
      if (location === 'workspace') {
        const saved = JSON.parse(readFileSync(join(a.workspace, '.vscode', 'ai-roadmap-progress.json'), 'utf8')) as { roadmaps: Record<string, { topics: Record<string, { status: string }> }> };
        const topics = Object.values(saved.roadmaps)[0].topics;
        assert.equal(topics['linear-algebra']?.status, 'done');
        assert.equal(topics.calculus?.status, 'done');
      }
      // A window opened afterwards reads both from the store.
      await b.close();
      b = await a.openSecondWindow();
      await waitChecked(b, A_TOPIC);
      await waitChecked(b, B_TOPIC);
    });

    // A refresh of a notes panel that had the focus once used to focus its heading again, which
    // pulled the focus out of a quick pick open over it and closed the pick.
    if (location === 'workspace') it('a quick pick open over the notes stays open while the other window\'s change redraws them', async () => {
      const notes = await NotesPanel.open(a, 'Linear algebra', 'Linear algebra: vectors, matrices, eigendecomposition');
      await notes.frame.locator('#root h1').evaluate((h) => ((h as HTMLElement & { stale?: boolean }).stale = true));
      await notes.frame.locator('#root a, #root button').first().focus();
      await a.page.keyboard.press('F1');
      await a.quickPick.waitOpen(60_000);
      await a.quickPick.input().pressSequentially('AI Roadmap'); // after the palette's own '>'
      await tick(b, C_TOPIC, { treeShown: true });
      // The change reaches window A: its notes panel draws the page anew (a new heading element).
      const deadline = Date.now() + 90_000;
      while (await notes.frame.locator('#root h1').evaluate((h) => Boolean((h as HTMLElement & { stale?: boolean }).stale)).catch(() => true)) {
        if (Date.now() > deadline) throw new Error('The notes panel of window A was never redrawn.');
        await a.page.waitForTimeout(200);
      }
      assert.ok(await a.quickPick.input().isVisible(), 'the quick pick closed when the notes panel was redrawn');
      assert.equal(await a.quickPick.input().inputValue(), '>AI Roadmap');
      await a.page.keyboard.press('Escape');
    });
  });
}

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RoadmapTree, Workbench } from './pages';

const LAYER = /^1\. Mathematical/;
const A_TOPIC = /^Linear algebra/;
const B_TOPIC = /^Calculus/;

/** Ticks a topic's checkbox in one window's tree. */
async function tick(wb: Workbench, topic: RegExp) {
  const tree = new RoadmapTree(wb);
  await tree.open();
  await tree.expand(LAYER);
  await tree.row(topic).waitFor({ timeout: 60_000 });
  await tree.checkbox(topic).click();
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
    if (Date.now() > deadline) throw new Error(`The tree never showed ${topic} ticked.`);
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
  });
}

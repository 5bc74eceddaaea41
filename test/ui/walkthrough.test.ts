import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notesFrame, RoadmapTree, useWorkbench, type Workbench } from './support/workbench';

const WALKTHROUGH = 'Learn AI with AI Roadmap';

/** The walkthrough page of the Welcome editor, as Get Started shows it. */
class Walkthrough {
  constructor(private readonly wb: Workbench) {}

  async open() {
    // Back to its tab when it is open (keys typed while a webview has focus would go to the webview).
    const tab = this.wb.page.locator('.tabs-container .tab', { hasText: /^(Welcome|Walkthrough)/ }).first();
    if (await tab.count()) {
      await tab.click();
      const title = this.wb.page.locator('.gettingStartedSlideDetails h2.category-title', { hasText: WALKTHROUGH });
      if (await title.isVisible()) return;
    }
    await this.wb.runCommand('Welcome: Open Walkthrough...');
    await this.wb.pickQuickItem(WALKTHROUGH);
    await this.wb.page.locator('.gettingStartedSlideDetails h2.category-title', { hasText: WALKTHROUGH }).waitFor({ timeout: 90_000 });
  }

  step(id: string) {
    return this.wb.page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
  }

  /** Expands a step and presses its button, as a learner does. */
  async press(id: string) {
    await this.open();
    const step = this.step(id);
    await step.click();
    await step.and(this.wb.page.locator('[aria-expanded="true"]')).waitFor({ timeout: 90_000 });
    const button = step.locator('.button-container a').first();
    await button.waitFor({ state: 'visible', timeout: 90_000 });
    await button.click();
  }

  /**
   * Presses a step's button and picks from the quick pick it opens. A panel that finishes loading
   * takes the focus, which closes a quick pick; then the learner presses again (at most 3 times).
   */
  async pressAndPick(id: string, item: string) {
    for (let attempt = 1; ; attempt++) {
      await this.press(id);
      const shown = await this.wb.page
        .locator('.quick-input-widget input')
        .waitFor({ state: 'visible', timeout: 30_000 })
        .then(() => true, () => false);
      if (shown) {
        const picked = await this.wb.pickQuickItem(item).then(() => true, (e: Error) => (attempt >= 3 ? Promise.reject(e) : false));
        if (picked) return;
      }
      assert.ok(attempt < 3, `the quick pick of "${id}" did not stay open in 3 presses`);
    }
  }

  async waitDone(id: string) {
    await this.open();
    await this.step(id).and(this.wb.page.locator('[aria-checked="true"]')).waitFor({ timeout: 90_000 });
  }
}

describe('The walkthrough', () => {
  const workbench = useWorkbench({ settings: { 'aiRoadmap.pythonPath': process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3' } });

  it('walks every step, each completing on what the learner does', async () => {
    const wb = workbench();
    const walk = new Walkthrough(wb);
    await walk.open();
    assert.equal(await wb.page.locator('.getting-started-step[data-step-id*="aiRoadmap.gettingStarted"]').count(), 7);

    await walk.press('openRoadmap');
    await new RoadmapTree(wb).rows().first().waitFor({ timeout: 90_000 });
    await walk.waitDone('openRoadmap');

    await walk.press('readTopic');
    await notesFrame(wb.page, 'Linear algebra: vectors, matrices, eigendecomposition', 90_000);
    await walk.waitDone('readTopic');

    await walk.press('tickTopic');
    await walk.waitDone('tickTopic');

    await walk.press('checkEnvironment');
    await walk.waitDone('checkEnvironment');

    await walk.pressAndPick('scaffoldExercise', 'Logistic regression from scratch');
    // Scaffolding opens the main file and the README preview; both must be open before the next
    // quick pick, which an editor opening later would close by taking the focus.
    await wb.page.locator('.tab', { hasText: 'logistic_regression.py' }).first().waitFor({ timeout: 90_000 });
    await wb.page.locator('.tab', { hasText: 'Preview README.md' }).first().waitFor({ timeout: 90_000 });
    await walk.waitDone('scaffoldExercise');

    await walk.pressAndPick('checkExercise', 'Logistic regression from scratch');
    await walk.waitDone('checkExercise');

    await walk.press('openDashboard');
    await walk.waitDone('openDashboard');
    await wb.screenshot('walkthrough');
  });
});

import type { Workbench } from './workbench';

const WALKTHROUGH = 'Learn AI with AI Roadmap';

/** The walkthrough page of the Welcome editor, as Get Started shows it. */
export class Walkthrough {
  constructor(private readonly wb: Workbench) {}

  async open() {
    // Back to its tab when it is open (keys typed while a webview has focus would go to the webview).
    const tab = this.wb.editorTab(/^(Welcome|Walkthrough)/);
    if (await tab.count()) {
      await tab.click();
      const title = this.wb.page.locator('.gettingStartedSlideDetails h2.category-title', { hasText: WALKTHROUGH });
      if (await title.isVisible()) return;
    }
    await this.wb.runCommandAndPick('Welcome: Open Walkthrough...', WALKTHROUGH);
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
   * Presses a step's button and picks from the quick pick it opens. Once: the steps complete on
   * what the learner did (a context key), not on the command starting, so the walkthrough no
   * longer moves on and takes the focus while the quick pick is open.
   */
  async pressAndPick(id: string, item: string) {
    await this.wb.quickPick.openAndPick(() => this.press(id), item, (rows) => rows.filter({ hasText: item }));
  }

  /**
   * Presses a step's button until the step shows done, up to 3 times, for a step whose command can
   * run twice: a press that lands while the page redraws the step list (the step before it just
   * completed) is lost, and a learner presses again.
   */
  async pressUntilDone(id: string) {
    for (let attempt = 1; ; attempt++) {
      await this.press(id);
      const done = await this.doneStep(id).waitFor({ timeout: 30_000 }).then(() => true, () => false);
      if (done) return;
      if (attempt >= 3) throw new Error(`The walkthrough step "${id}" never showed done after 3 presses.`);
      process.stderr.write(`the press on the "${id}" step did not complete it; pressing again\n`);
    }
  }

  /** The steps this extension contributes. */
  steps() {
    return this.wb.page.locator('.getting-started-step[data-step-id*="aiRoadmap.gettingStarted"]');
  }

  /** Whether a step shows as completed now. */
  async isDone(id: string): Promise<boolean> {
    return (await this.step(id).getAttribute('aria-checked')) === 'true';
  }

  async waitDone(id: string) {
    await this.open();
    await this.doneStep(id).waitFor({ timeout: 90_000 });
  }

  /** The step, once it shows as completed. */
  private doneStep(id: string) {
    return this.step(id).and(this.wb.page.locator('[aria-checked="true"]'));
  }
}

import type { Workbench } from './workbench';

/** The "Roadmap" view in the AI Roadmap sidebar. */
export class RoadmapTree {
  constructor(private readonly wb: Workbench) {}

  /**
   * Shows the view, from the activity bar, and waits for its rows. A click on the icon of the side
   * bar already shown hides it, and a window that restores our side bar may show it a moment after
   * the activity bar: so click only when neither the side bar nor the icon says it is shown, and
   * look again until the rows come (a click that hid a side bar being restored is undone by the next).
   */
  async open() {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const shown = (await this.sidebar().isVisible()) || (await this.wb.activityBarIcon().locator('xpath=..').getAttribute('class'))?.split(/\s+/).includes('checked');
      if (!shown) await this.wb.activityBarIcon().click();
      const rows = await this.rows().first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (rows) return;
      if (Date.now() > deadline) throw new Error('The Roadmap view showed no rows in 90 s.');
    }
  }

  /** The same: kept for the places that read better as "make sure it is open". */
  async ensureOpen() {
    await this.open();
  }

  /** The AI Roadmap side bar (the Roadmap, Study Plan and Papers views). */
  sidebar() {
    return this.wb.page.locator('[id="workbench.view.extension.aiRoadmap"]');
  }

  /**
   * "Focus on Roadmap View" from the palette, by keyboard. On a first run it opens the view while the
   * extension activates and the focus stays behind; a learner runs it again, and so does this.
   */
  async focusFromPalette() {
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.wb.runCommandByKeyboard('Focus on Roadmap View', /Focus on Roadmap View$/);
      await this.rows().first().waitFor({ timeout: 90_000 });
      if (await this.view().locator('.monaco-list:focus').count()) return;
    }
    throw new Error('The Roadmap view did not take the focus.');
  }

  /** The Roadmap pane alone: the sidebar holds the Study Plan and Papers views too. */
  view() {
    return this.sidebar().locator('.pane').filter({ has: this.wb.page.locator('.pane-header', { hasText: /^Roadmap/ }) });
  }

  rows() {
    return this.view().locator('.monaco-list-row');
  }

  async labels(): Promise<string[]> {
    return (await this.rows().locator('.label-name').allTextContents()).map((s) => s.trim());
  }

  row(label: string | RegExp) {
    return this.rows().filter({ has: this.wb.page.locator('.label-name', { hasText: label }) }).first();
  }

  /** The row after the one labelled `label`, and its label. */
  async rowAfter(label: string): Promise<{ row: ReturnType<RoadmapTree['row']>; label: string }> {
    const labelled = this.rows().filter({ has: this.wb.page.locator('.label-name') });
    const row = labelled.nth((await this.rows().allTextContents()).findIndex((t) => t.includes(label)) + 1);
    return { row, label: ((await row.locator('.label-name').textContent()) ?? '').trim() };
  }

  async expand(label: string | RegExp) {
    const row = this.row(label);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  }

  async collapse(label: string | RegExp) {
    const row = this.row(label);
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  }

  async description(label: string | RegExp): Promise<string> {
    return ((await this.row(label).locator('.label-description').textContent()) ?? '').trim();
  }

  /** How deep a row stands: 1 for a layer, 2 for a topic, 3 for a sub-topic or a topic's resource. */
  async level(label: string | RegExp): Promise<number> {
    return Number(await this.row(label).getAttribute('aria-level'));
  }

  checkbox(label: string | RegExp) {
    return this.row(label).locator('.custom-view-tree-node-item-checkbox');
  }

  /**
   * Clicks a row's checkbox as a person would after moving the mouse: the "Tick when done" hover
   * of the box clicked last opens below it, over the next row's box, and takes that click.
   */
  async clickCheckbox(label: string | RegExp) {
    await this.wb.page.mouse.move(1, 1);
    await this.wb.page.locator('.context-view .hover-contents').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await this.checkbox(label).click();
  }

  /** Waits until the view shows `text` somewhere (a layer's count after a change). */
  async waitText(text: string) {
    await this.wb.page.waitForFunction((d) => document.querySelector('[id="workbench.view.extension.aiRoadmap"]')?.textContent?.includes(d), text, { timeout: 60_000 });
  }

  /** The row that has the keyboard focus in the tree, and its label. */
  async focusedLabel(): Promise<string> {
    return ((await this.view().locator('.monaco-list-row.focused .label-name').first().textContent({ timeout: 60_000 })) ?? '').trim();
  }

  /** Moves the tree's focus down with the arrow key until the focused row is `label`. */
  async arrowTo(label: string | RegExp, max = 60) {
    const matches = (t: string) => (typeof label === 'string' ? t === label : label.test(t));
    for (let i = 0; i < max; i++) {
      if (matches(await this.focusedLabel())) return;
      await this.wb.page.keyboard.press('ArrowDown');
    }
    throw new Error(`The tree's focus did not reach "${label}" in ${max} presses.`);
  }
}

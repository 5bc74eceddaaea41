import type { Locator, Page } from 'playwright-core';

/** VS Code's quick input: the command palette and every quick pick. */
export class QuickPick {
  constructor(private readonly page: Page) {}

  input() {
    return this.page.locator('.quick-input-widget input');
  }

  widget() {
    return this.page.locator('.quick-input-widget');
  }

  /** The widget is reused: wait until something has shown it (a loaded machine can be slow). */
  async waitOpen(timeout = 90_000) {
    await this.input().waitFor({ state: 'visible', timeout });
  }

  async waitClosed(timeout = 60_000) {
    await this.widget().waitFor({ state: 'hidden', timeout });
  }

  rows() {
    return this.page.locator('.quick-input-list .monaco-list-row');
  }

  /** The message under the input: an input box's validation sentence. */
  message(text: string | RegExp) {
    return this.page.locator('.quick-input-widget .quick-input-message', { hasText: text });
  }

  /**
   * Opens the pick with `open` (a command, a button), types `filter` and clicks the row that
   * `row` finds. A loaded machine sometimes finishes opening an editor or a webview just after
   * the pick opened; it takes the focus and the pick closes before the click lands. Then it is
   * opened again, as a person would, up to 3 times. A pick that stays open without the row fails.
   */
  async openAndPick(open: () => Promise<unknown>, filter: string, row: (rows: Locator) => Locator) {
    for (let attempt = 1; ; attempt++) {
      await open();
      const shown = await this.input().waitFor({ state: 'visible', timeout: attempt === 1 ? 90_000 : 30_000 }).then(() => true, () => false);
      if (shown) {
        const filled = await this.input().fill(filter, { timeout: 15_000 }).then(() => true, () => false);
        if (filled) {
          const target = row(this.rows()).first();
          const clicked = await target.click({ timeout: 30_000 }).then(() => true, (e: Error) => e);
          if (clicked === true) return;
          if (await this.input().isVisible()) throw clicked;
        }
      }
      if (attempt >= 3) throw new Error(`The quick pick for "${filter}" closed before a row could be picked, 3 times.`);
      process.stderr.write(`quick pick for "${filter}" closed before the pick (attempt ${attempt}; ${await this.whereFocusIs()}); opening it again\n`);
    }
  }

  /** Says what holds the focus, for a pick that closed: the element and its nearest part of the workbench. */
  private async whereFocusIs(): Promise<string> {
    return this.page
      .evaluate(() => {
        const el = document.activeElement;
        if (!el) return 'no focus';
        const part = el.closest('[id^="workbench.parts"], .editor-group-container, .getting-started-step, .monaco-dialog-box, .notifications-toasts');
        return `focus on ${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 3).join('.')} in ${part ? part.id || part.className.split(' ').slice(0, 2).join('.') : 'the page'}`;
      })
      .catch(() => 'focus unknown');
  }

  /** Types `text` and clicks the first row that contains it. */
  async pick(text: string) {
    await this.waitOpen();
    await this.input().fill(text);
    await this.rows().filter({ hasText: text }).first().click();
  }

  /** Types `filter` and clicks the row whose label is exactly `label` (Enter would take the first fuzzy match). */
  async pickExact(filter: string, label: string) {
    await this.waitOpen();
    await this.input().fill(filter);
    await this.rows().filter({ has: this.page.getByText(label, { exact: true }) }).first().click();
  }

  /**
   * The keyboard way: types `filter`, moves down until the active row's label is `label`, presses
   * Enter. No mouse event.
   */
  async chooseByKeyboard(filter: string, label: string | RegExp, timeout = 60_000) {
    await this.waitOpen();
    // Keys go to the pick's input only: a pick closed by an editor taking the focus must not type into that editor.
    await this.input().pressSequentially(filter, { timeout });
    const active = this.page.locator('.quick-input-list .monaco-list-row.focused .label-name');
    const matches = (t: string) => (typeof label === 'string' ? t.trim() === label : label.test(t.trim()));
    // The list filters as the text arrives: wait for a row that matches before walking to it.
    await this.rows().filter({ hasText: filter.replace(/^>/, '') }).first().waitFor({ timeout });
    for (let i = 0; i < 30; i++) {
      const text = (await active.first().textContent({ timeout })) ?? '';
      if (matches(text)) return this.input().press('Enter', { timeout });
      await this.input().press('ArrowDown', { timeout });
    }
    throw new Error(`No quick pick row "${label}" for "${filter}".`);
  }

  /**
   * Answers the step whose title or prompt contains `prompt`: fills `value` (if given) and presses
   * Enter, then waits until that step has gone. Enter that lands while the widget is still being
   * filled in is lost on a loaded machine, so it is pressed again while the step stays.
   */
  async answer(prompt: string, value?: string, timeout = 90_000) {
    const step = this.page.locator('.quick-input-widget', { hasText: prompt });
    await step.waitFor({ state: 'visible', timeout });
    if (value !== undefined) await this.input().fill(value);
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.input().press('Enter');
      const gone = await step.waitFor({ state: 'hidden', timeout: 10_000 }).then(() => true, () => false);
      if (gone) return;
      if (Date.now() > deadline) throw new Error(`The quick input "${prompt}" did not take Enter.`);
    }
  }
}

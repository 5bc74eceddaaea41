import type { Page } from 'playwright-core';

/** The extension's status bar entry ("Roadmap 23%"). */
export class ProgressStatusBar {
  constructor(private readonly page: Page) {}

  item() {
    return this.page.locator('[id="ai-roadmap.ai-roadmap.aiRoadmap.progress"]');
  }

  async waitText(text: RegExp) {
    await this.item().getByText(text).waitFor({ timeout: 60_000 });
  }

  /** What a screen reader says for it: the label on its focusable anchor. */
  async accessibleLabel(): Promise<string> {
    return this.item().evaluate((e) => (e.getAttribute('aria-label') ?? e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? ''));
  }

  async click() {
    await this.item().click();
  }
}

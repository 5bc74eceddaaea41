import type { Workbench } from './workbench';

/** VS Code's Testing view and the test results it draws in the editor. */
export class TestExplorer {
  constructor(private readonly wb: Workbench) {}

  async open() {
    await this.wb.page.locator('.activitybar .action-item a[aria-label^="Testing"]').click();
  }

  private rows() {
    return this.wb.page.locator('.test-explorer .monaco-list-row');
  }

  row(label: string) {
    return this.rows().filter({ hasText: label }).first();
  }

  async expand(label: string) {
    await this.row(label).waitFor({ timeout: 90_000 });
    if ((await this.row(label).getAttribute('aria-expanded')) !== 'true') await this.row(label).locator('.monaco-tl-twistie').click();
  }

  /** Presses the Run button that shows on a test's row when the pointer is over it. */
  async run(label: string) {
    await this.row(label).hover();
    await this.row(label).locator('.action-label[aria-label^="Run Test"]').click();
  }

  async waitFailed(label: string, timeout = 120_000) {
    await this.wb.page.locator(`.test-explorer .monaco-list-row[aria-label*="${label}"][aria-label*="Failed"]`).waitFor({ timeout });
  }

  /** The failure message VS Code draws inline, in the editor, at the failing line. */
  inlineFailure(text: string) {
    return this.wb.page.locator('.monaco-editor .test-error-content-widget', { hasText: text }).first();
  }
}

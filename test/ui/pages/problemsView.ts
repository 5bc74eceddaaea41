import type { Workbench } from './workbench';

/** VS Code's Problems view, in the panel. */
export class ProblemsView {
  constructor(private readonly wb: Workbench) {}

  /** Opens it with the status bar's problems item, as a person clicks it (it toggles, so only when closed). */
  async open() {
    if (await this.view().isVisible()) return;
    await this.wb.page.locator('[id="status.problems"]').click();
    await this.view().waitFor({ timeout: 60_000 });
  }

  view() {
    return this.wb.page.locator('.markers-panel');
  }

  rows() {
    return this.view().locator('.monaco-list-row');
  }

  /** The row of the problem whose message matches. */
  row(message: string | RegExp) {
    return this.rows().filter({ hasText: message }).first();
  }

  /** Waits until the view lists at least `count` problems (file rows not counted), and gives their texts. */
  async waitProblems(count: number): Promise<string[]> {
    const problems = this.view().locator('.monaco-list-row .marker-message-details, .monaco-list-row .marker-message');
    await this.wb.page.waitForFunction(
      (n) => document.querySelectorAll('.markers-panel .monaco-list-row .marker-message-details, .markers-panel .monaco-list-row .marker-message').length >= n,
      count,
      { timeout: 90_000 },
    );
    return problems.allTextContents();
  }
}

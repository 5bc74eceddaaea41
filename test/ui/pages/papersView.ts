import type { Workbench } from './workbench';

/** The "Papers" view in the AI Roadmap sidebar. */
export class PapersView {
  constructor(private readonly wb: Workbench) {}

  pane() {
    return this.wb.page.locator('.pane', { has: this.header() });
  }

  private header() {
    return this.wb.page.locator('.pane-header', { hasText: /^Papers/ });
  }

  /** Shows the view's rows (it starts folded under the Roadmap view). */
  async expand() {
    await this.header().waitFor({ timeout: 90_000 });
    if ((await this.header().getAttribute('aria-expanded')) !== 'true') await this.header().click();
  }

  row(label: string | RegExp) {
    return this.pane().locator('.monaco-list-row').filter({ has: this.wb.page.locator('.label-name', { hasText: label }) }).first();
  }

  async description(label: string | RegExp): Promise<string> {
    return ((await this.row(label).locator('.label-description').textContent()) ?? '').trim();
  }

  async waitDescription(label: string | RegExp, text: RegExp) {
    await this.row(label).locator('.label-description', { hasText: text }).waitFor({ timeout: 60_000 });
  }

  /** Ticks a checklist row and waits until the view shows it ticked. */
  async tick(label: string | RegExp) {
    await this.row(label).locator('.custom-view-tree-node-item-checkbox').click();
    await this.row(label).locator('.custom-view-tree-node-item-checkbox[aria-checked="true"]').waitFor({ timeout: 60_000 });
  }

  /** "AI Roadmap: Add Paper..." with `input` typed into its box; waits for the paper's row. */
  async addPaper(input: string, title: string | RegExp) {
    await this.wb.runCommand('AI Roadmap: Add Paper...');
    await this.wb.quickPick.waitOpen();
    await this.wb.quickPick.input().fill(input);
    await this.wb.quickPick.input().press('Enter');
    await this.row(title).waitFor({ timeout: 90_000 });
  }
}

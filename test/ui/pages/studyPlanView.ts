import type { Workbench } from './workbench';

/** The "Study Plan" view of the AI Roadmap sidebar. */
export class StudyPlanView {
  constructor(private readonly wb: Workbench) {}

  private pane() {
    return this.wb.page.locator('[id="workbench.view.extension.aiRoadmap"] .pane').filter({ has: this.wb.page.locator('.pane-header', { hasText: 'Study Plan' }) });
  }

  async expand() {
    const header = this.pane().locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.locator('h3.title').click();
  }

  /** Folds the other views of the sidebar (Roadmap, Papers), so the Study Plan has its height. */
  async foldRoadmap() {
    const headers = this.wb.page.locator('[id="workbench.view.extension.aiRoadmap"] .pane-header[aria-expanded="true"]').filter({ hasNotText: 'Study Plan' });
    // On its title: the middle of a header holds the view's action buttons.
    while ((await headers.count()) > 0) await headers.first().locator('h3.title').click();
  }

  /** Drags the sidebar's edge to the right, so the dates in the rows can be read whole. */
  async widen(width: number) {
    const box = await this.wb.page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const edge = box.x + box.width;
    await this.wb.page.mouse.move(edge - 1, box.y + box.height / 2);
    await this.wb.page.mouse.down();
    await this.wb.page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
    await this.wb.page.mouse.up();
  }

  row(label: string | RegExp) {
    return this.pane().locator('.monaco-list-row').filter({ has: this.wb.page.locator('.label-name', { hasText: label }) }).first();
  }

  rows() {
    return this.pane().locator('.monaco-list-row');
  }

  /** The first row whose description matches. */
  rowDescribed(description: RegExp) {
    return this.rows().filter({ has: this.wb.page.locator('.label-description', { hasText: description }) }).first();
  }

  async descriptions(): Promise<string[]> {
    return (await this.rows().locator('.label-description').allTextContents()).map((d) => d.trim());
  }

  async isExpanded(label: string | RegExp): Promise<boolean> {
    return (await this.row(label).getAttribute('aria-expanded')) === 'true';
  }

  /** Folds or unfolds a row by its twistie. */
  async toggle(row: ReturnType<StudyPlanView['row']>) {
    await row.locator('.monaco-tl-twistie').click();
  }
}

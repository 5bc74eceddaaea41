import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench';
import { webviewFrame } from './webview';

/** The progress dashboard's page, inside its webview frame. */
export class Dashboard {
  private constructor(readonly frame: Frame) {}

  /** The dashboard once its "Topics done" fact reads `done` ("1 / 98" or a pattern). */
  static async find(wb: Workbench, done: string | RegExp = /^\d+ \/ \d+$/, timeoutMs?: number): Promise<Dashboard> {
    return new Dashboard(await webviewFrame(wb.page, '[data-fact="done"]', done, timeoutMs));
  }

  /** The dashboard once its study plan line reads `summary`. */
  static async findPlan(wb: Workbench, summary: string | RegExp, timeoutMs?: number): Promise<Dashboard> {
    return new Dashboard(await webviewFrame(wb.page, '[data-fact="plan"]', summary, timeoutMs));
  }

  static async open(wb: Workbench): Promise<Dashboard> {
    await wb.runCommand('AI Roadmap: Open Progress Dashboard');
    return Dashboard.find(wb);
  }

  layers() {
    return this.frame.locator('.layers li');
  }

  nextTopics() {
    return this.frame.locator('.next li');
  }

  weekColumns() {
    return this.frame.locator('.weeks.check-offs .col');
  }

  /** The burn-down's polylines, as their `points` attributes. */
  async burnDownPoints(): Promise<{ planned: string; actual: string }> {
    const points = async (kind: string) => (await this.frame.locator(`.burn polyline.${kind}`).getAttribute('points')) ?? '';
    return { planned: await points('planned'), actual: await points('actual') };
  }

  async scrollToSection(heading: string) {
    await this.frame.locator('h2', { hasText: heading }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  }

  async fact(name: 'done' | 'streak' | 'hours' | 'plan' | 'finish'): Promise<string> {
    return ((await this.frame.locator(`[data-fact="${name}"]`).textContent()) ?? '').trim();
  }

  /** Every control a learner can reach, in document order, as the focus would describe it. */
  controls() {
    return this.frame.locator('#root button, #root vscode-button');
  }
}

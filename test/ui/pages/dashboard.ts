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

  /** A fact of the page: progress, the plan, or the reviews ('due' today, 'retention', 'reviews' over 30 days). */
  async fact(name: 'done' | 'streak' | 'hours' | 'plan' | 'finish' | 'due' | 'retention' | 'reviews'): Promise<string> {
    return ((await this.frame.locator(`[data-fact="${name}"]`).textContent()) ?? '').trim();
  }

  /** A layer's mastery bar, read from its words: "3/5", or "none" when no topic of it can have the fact. */
  async mastery(layerId: string, fact: 'read' | 'quizzed' | 'verified'): Promise<string> {
    return ((await this.frame.locator(`.mastery-layers [data-layer="${layerId}"] [data-fact="${fact}"] .meta`).textContent()) ?? '').trim();
  }

  /** The bars of the 30-day answers chart or the 14-day forecast. */
  chartColumns(chart: 'reviews-per-day' | 'forecast') {
    return this.frame.locator(`svg.weeks.${chart} .col`);
  }

  /** Every control a learner can reach, in document order, as the focus would describe it. */
  controls() {
    return this.frame.locator('#root button, #root vscode-button');
  }
}

import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench';
import { webviewFrame } from './webview';

/** The quiz and review panel's page, inside its webview frame. */
export class QuizPanel {
  private constructor(readonly frame: Frame) {}

  /** The panel once it shows a question whose context line matches (e.g. /question 1 of 5/) or a heading. */
  static async find(wb: Workbench, context: string | RegExp, timeoutMs?: number): Promise<QuizPanel> {
    return new QuizPanel(await webviewFrame(wb.page, '#root .context, #root > h1', context, timeoutMs));
  }

  /** "AI Roadmap: Take Quiz" and the topic picked by keyboard. */
  static async take(wb: Workbench, topic: string): Promise<QuizPanel> {
    await wb.runCommandByKeyboard('AI Roadmap: Take Quiz');
    await wb.quickPick.chooseByKeyboard(topic, new RegExp(`^${topic}`), 60_000);
    return QuizPanel.find(wb, /question 1 of \d+/);
  }

  async waitQuestion(position: number) {
    await this.frame.locator('#root .context', { hasText: new RegExp(`question ${position} of \\d+`) }).waitFor({ timeout: 60_000 });
  }

  /** Presses keys on the page the way a learner does, with the focus where the page put it. */
  async press(...keys: string[]) {
    for (const k of keys) await this.frame.locator(':focus').press(k);
  }

  async type(text: string) {
    await this.frame.locator(':focus').pressSequentially(text);
  }

  /** The verdict shown after an answer: "Right" or "Not right". */
  async waitVerdict(): Promise<{ correct: boolean; text: string }> {
    const v = this.frame.locator('.verdict');
    await v.waitFor({ timeout: 60_000 });
    return { correct: (await v.getAttribute('data-correct')) === 'true', text: ((await v.textContent()) ?? '').trim() };
  }

  explanation() {
    return this.frame.locator('.explanation');
  }

  showSectionButton() {
    return this.frame.locator('#show-section');
  }

  async waitModelAnswer() {
    await this.frame.locator('.model-answer').waitFor({ timeout: 60_000 });
  }

  /** The summary's score line, once shown. */
  async waitScore(): Promise<string> {
    const s = this.frame.locator('[data-fact="score"]');
    await s.waitFor({ timeout: 60_000 });
    return ((await s.textContent()) ?? '').trim();
  }

  /** Whether the page holds any answer text it should not have yet (before an answer is sent). */
  async html(): Promise<string> {
    return this.frame.evaluate(() => document.getElementById('root')?.innerHTML ?? '');
  }
}

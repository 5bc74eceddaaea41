import type { Frame } from 'playwright-core';

export type RunOutcomeWord = 'Done' | 'Error' | 'Time limit' | 'Stopped' | 'Not run';

/** Runnable notes in a notes panel's page: each Python block's buttons and output (blocks count from 0). */
export class NoteSnippets {
  constructor(readonly frame: Frame) {}

  block(n: number) {
    return this.frame.locator(`.snippet[data-block="${n}"]`);
  }

  /** Run, or Stop while the block runs. */
  runButton(n: number) {
    return this.block(n).locator('vscode-button.snippet-run');
  }

  copyButton(n: number) {
    return this.block(n).locator(`vscode-button[data-focus-key="copy:${n}"]`);
  }

  openNotebookButton() {
    return this.frame.locator('vscode-button[data-focus-key="notebook"]');
  }

  log(n: number) {
    return this.block(n).locator('.snippet-log');
  }

  summary(n: number) {
    return this.block(n).locator('.snippet-summary');
  }

  figures(n: number) {
    return this.block(n).locator('.snippet-figures img');
  }

  async run(n: number) {
    await this.runButton(n).click();
  }

  /** Waits until the block's output shows `text`. */
  async waitOutput(n: number, text: RegExp, timeoutMs = 120_000) {
    await this.frame.waitForFunction(
      ([block, source]) => new RegExp(source).test(document.querySelector(`.snippet[data-block="${block}"] .snippet-log`)?.textContent ?? ''),
      [n, text.source] as const,
      { timeout: timeoutMs },
    );
  }

  /** Waits until the block's run ended with this outcome; returns the sentence shown. */
  async waitEnded(n: number, outcome: RunOutcomeWord, timeoutMs = 120_000): Promise<string> {
    await this.frame.waitForFunction(
      ([block, word]) => (document.querySelector(`.snippet[data-block="${block}"] .snippet-summary strong`)?.textContent ?? '') === `${word}: `,
      [n, outcome] as const,
      { timeout: timeoutMs },
    );
    return ((await this.summary(n).textContent()) ?? '').trim();
  }

  /** Whether each figure of the block loaded (a decoded image, not a broken one). */
  async figuresLoaded(n: number): Promise<boolean[]> {
    return this.figures(n).evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => i.complete && i.naturalWidth > 0));
  }
}

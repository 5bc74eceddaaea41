import type { Frame } from 'playwright-core';
import type { RoadmapTree } from './roadmapTree';
import type { Workbench } from './workbench';
import { webviewFrame } from './webview';

export type Status = 'not-started' | 'in-progress' | 'done' | 'skipped';

/** The notes panel's page, inside its webview frame. */
export class NotesPanel {
  private constructor(readonly frame: Frame) {}

  /** The notes panel showing the layer or topic with this heading. */
  static async find(wb: Workbench, heading: string, timeoutMs?: number): Promise<NotesPanel> {
    return new NotesPanel(await webviewFrame(wb.page, '#root h1', heading, timeoutMs));
  }

  /** Opens a layer or topic through "AI Roadmap: Open Notes" and its quick pick. */
  static async open(wb: Workbench, pick: string, heading: string): Promise<NotesPanel> {
    // Over a webview that is settling (a theme just changed), the quick pick can close as it
    // opens; a learner runs the command again, and so does this, up to three times.
    for (let attempt = 1; ; attempt++) {
      await wb.runCommand('AI Roadmap: Open Notes');
      const picked = await wb.quickPick
        .waitOpen(30_000)
        .then(() => wb.quickPick.input().fill(pick, { timeout: 30_000 }))
        .then(() => wb.quickPick.rows().filter({ hasText: pick }).first().click({ timeout: 30_000 }))
        .then(() => true, (e: Error) => (attempt >= 3 ? Promise.reject(e) : false));
      if (picked) break;
      await wb.page.keyboard.press('Escape');
    }
    return NotesPanel.find(wb, heading);
  }

  /** Opens a topic by a click on its row in the Roadmap tree (its layer expanded first). */
  static async openFromTree(wb: Workbench, tree: RoadmapTree, layer: RegExp, topic: string | RegExp, heading: string): Promise<NotesPanel> {
    // A click on the activity bar icon of a view already shown would hide the side bar.
    if (!(await tree.rows().first().isVisible())) await tree.open();
    await tree.row(layer).waitFor({ timeout: 90_000 });
    await tree.expand(layer);
    await tree.row(topic).click();
    return NotesPanel.find(wb, heading);
  }

  /** The header's three facts of mastery (read, quizzed, verified), each as its mark and words. */
  async mastery(): Promise<string[]> {
    return (await this.frame.locator('.mastery-row [data-fact]').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  heading() {
    return this.frame.locator('#root h1');
  }

  /** "Layer 3" above a layer's heading. */
  async context(): Promise<string> {
    return ((await this.frame.locator('#root .context').textContent()) ?? '').trim();
  }

  async goal(): Promise<string> {
    return ((await this.frame.locator('#root .goal').textContent()) ?? '').trim();
  }

  notes() {
    return this.frame.locator('.notes');
  }

  async text(): Promise<string> {
    return (await this.notes().textContent()) ?? '';
  }

  math() {
    return this.frame.locator('.notes .katex');
  }

  /** KaTeX's MathML, what a screen reader reads for a formula. */
  mathml() {
    return this.frame.locator('.notes .katex math');
  }

  codeKeywords() {
    return this.frame.locator('.notes pre.hljs .hljs-keyword');
  }

  heading2(id: string) {
    return this.frame.locator(`.notes h2#${id}`);
  }

  links() {
    return this.frame.locator('.notes a');
  }

  /** The button beside a reference that adds the paper to the Papers view. */
  addPaperButton(title: string) {
    return this.frame.locator(`vscode-button[aria-label="Add \\"${title}\\" to your papers"]`);
  }

  /** The mark beside a reference whose paper is in the Papers view. */
  paperListed(arxivId: string) {
    return this.frame.locator(`.paper-listed[data-arxiv="${arxivId}"]`);
  }

  /** Elements no rendered note may contain (a picture the extension checked is an img.note-image). */
  dangerousElements() {
    return this.frame.locator('.notes img:not(.note-image), .notes iframe, .notes svg[onload], .notes details, .notes form');
  }

  /** Pictures shown from the roadmap folder. */
  pictures() {
    return this.frame.locator('.notes img.note-image');
  }

  /** Waits until every picture has loaded, and gives each one's alt text, address and drawn width. */
  async loadedPictures(count: number): Promise<Array<{ alt: string; src: string; width: number }>> {
    await this.frame.waitForFunction(
      (n) => {
        const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.notes img.note-image'));
        return imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0);
      },
      count,
      { timeout: 90_000 },
    );
    return this.pictures().evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => ({ alt: i.alt, src: i.src, width: i.getBoundingClientRect().width })));
  }

  /**
   * Scrolls the first picture into view. A redraw of the notes (the roadmap reloading after a
   * switch, a progress event) replaces its element, and Playwright does not look again for a
   * detached one: so do we, after the redrawn picture has loaded.
   */
  async scrollToFirstPicture(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pictures().first().scrollIntoViewIfNeeded({ timeout: 10_000 });
      } catch (e) {
        if (attempt === 3 || !/not attached/.test((e as Error).message)) throw e;
        await this.loadedPictures(await this.pictures().count());
      }
    }
  }

  /** The sentences shown for pictures that are not shown. */
  async refusedPictures(): Promise<string[]> {
    return this.frame.locator('.notes .note-image-refused').allTextContents();
  }

  /** The web pictures, shown as links with their addresses. */
  async webPictureLinks(): Promise<string[]> {
    return this.frame.locator('.notes .note-image-link a').allTextContents();
  }

  /** The links listed under a heading of the topic's side section ("Sub-topics", "Resources"). */
  sectionLinks(heading: string) {
    return this.frame.locator(`.topic-links h2:text-is("${heading}") + ul > li > button.link`);
  }

  /** Each resource's kind, in the words the panel shows beside its title. */
  async resourceKinds(): Promise<string[]> {
    return (await this.frame.locator('.topic-links .resource-kind').allTextContents()).map((s) => s.trim());
  }

  /** The link from a sub-topic up to its topic, in the line above the heading. */
  parentLink(title: string) {
    return this.frame.locator('#root .context button.link', { hasText: title });
  }

  /** Script elements other than VS Code's bootstrap (#_vscodeApiScript) and our nonce'd bundle. */
  foreignScripts() {
    return this.frame.locator('script:not([nonce]):not(#_vscodeApiScript)');
  }

  statusRadio(status: Status) {
    return this.frame.locator(`vscode-radio[data-status="${status}"]`);
  }

  async setStatus(status: Status) {
    await this.statusRadio(status).click();
  }

  async waitStatusChecked(status: Status) {
    await this.frame.waitForFunction((s) => (document.querySelector(`vscode-radio[data-status="${s}"]`) as { checked?: boolean } | null)?.checked === true, status, { timeout: 60_000 });
  }

  /** The live region's text once it matches: what a screen reader announces. */
  async waitAnnounced(text: RegExp): Promise<string> {
    const region = this.frame.locator('#announcer');
    await this.frame.waitForFunction((source) => new RegExp(source).test(document.getElementById('announcer')?.textContent ?? ''), text.source, { timeout: 90_000 });
    return ((await region.textContent()) ?? '').trim();
  }

  async bodyClasses(): Promise<string> {
    return this.frame.evaluate(() => document.body.className);
  }

  /** Text and background colours of the page. */
  async colours(): Promise<[string, string]> {
    return this.frame.evaluate(() => {
      const s = getComputedStyle(document.body);
      return [s.color, s.backgroundColor] as [string, string];
    });
  }

  /** Whether the page scrolls sideways as a whole (code and wide math scroll in their own box). */
  async scrollsSideways(): Promise<boolean> {
    return this.frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  }
}

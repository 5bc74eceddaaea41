// Page objects for the real VS Code workbench in Chromium: the session, the tree, the panel.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../../host/browser';
import { repoRoot, startCodeServer, webOnlyCopy, type CodeServer } from '../../host/codeServer';

export const resultsDir = join(repoRoot, 'test-results');

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    readonly workspace: string,
    private readonly url: string,
    /** A second window shares the first one's browser and server, and closes only its page. */
    private readonly owner = true,
  ) {}

  /** A fresh VS Code with this extension in development mode, opened on an empty workspace. */
  static async open(opts: { theme?: string; settings?: Record<string, unknown>; copy?: Record<string, string>; kind?: 'web' } = {}): Promise<Workbench> {
    const workspace = mkdtempSync(join(tmpdir(), 'ai-roadmap-ui-'));
    writeFileSync(join(workspace, 'README.md'), '# UI test workspace\n');
    // Folders to lay into the workspace: target (relative) -> source (absolute).
    for (const [to, from] of Object.entries(opts.copy ?? {})) cpSync(from, join(workspace, to), { recursive: true });
    const settings = { ...opts.settings };
    const server = await startCodeServer({ settings });
    const browser = await launchBrowser();
    // A context of its own (not browser.newPage's), so a second window can open in it.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    // The web kind runs the extension's `browser` bundle in the web worker host, as vscode.dev does.
    const url = server.workbenchUrl(workspace, opts.kind === 'web' ? { kind: 'web', developmentPath: webOnlyCopy(repoRoot) } : {});
    await Workbench.load(page, url);
    const wb = new Workbench(page, browser, server, workspace, url);
    // code-server's web client does not take workbench.colorTheme from the profile's settings file.
    if (opts.theme) await wb.setTheme(opts.theme);
    return wb;
  }

  private static async load(page: Page, url: string) {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Our icon in the activity bar means the extension's contributions are registered, so the
    // command palette (which lists commands as of its opening) will offer ours.
    await page.locator('.activitybar .action-item a[aria-label^="AI Roadmap"]').waitFor({ timeout: 60_000 });
  }

  /**
   * Another window on the same workspace and server: a second page of the same browser profile,
   * so it shares the first one's global state as two desktop windows do. It has its own extension host.
   */
  async openSecondWindow(): Promise<Workbench> {
    const page = await this.page.context().newPage();
    await Workbench.load(page, this.url);
    return new Workbench(page, this.browser, this.server, this.workspace, this.url, false);
  }

  async runCommand(title: string) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 90_000 });
    await input.fill(`>${title}`);
    // The row whose label is exactly the title: Enter would take the first fuzzy match.
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.getByText(title, { exact: true }) }).first();
    await row.click();
  }

  /** Switches the colour theme through its picker, as a person would. */
  async setTheme(theme: string) {
    await this.runCommand('Preferences: Color Theme');
    await this.pickQuickItem(theme);
    // Applied when the workbench carries the class of the theme's kind.
    const kind = /High Contrast Light/.test(theme) ? 'hc-light' : /High Contrast/.test(theme) ? 'hc-black' : /Light/.test(theme) ? 'vs' : 'vs-dark';
    await this.page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 60_000 });
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 60_000 });
  }

  async pickQuickItem(text: string) {
    const input = this.page.locator('.quick-input-widget input');
    // The widget is reused: wait until a command has shown it (a loaded machine can be slow).
    await input.waitFor({ state: 'visible', timeout: 90_000 });
    await input.fill(text);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
  }

  /** A picture of the workbench below its title bar, which names the test's temporary folder. */
  async screenshot(name: string) {
    mkdirSync(resultsDir, { recursive: true });
    const title = await this.page.locator('.part.titlebar').boundingBox();
    const viewport = this.page.viewportSize()!;
    const top = title ? Math.ceil(title.y + title.height) : 0;
    await this.page.screenshot({ path: join(resultsDir, `${name}.png`), clip: { x: 0, y: top, width: viewport.width, height: viewport.height - top } });
  }

  async close() {
    if (!this.owner) return this.page.close();
    await this.browser.close();
    await this.server.stop();
  }
}

/** The "Roadmap" view in the AI Roadmap sidebar. */
export class RoadmapTree {
  constructor(private readonly wb: Workbench) {}

  async open() {
    await this.wb.page.locator('.activitybar .action-item a[aria-label^="AI Roadmap"]').click();
    await this.rows().first().waitFor({ timeout: 90_000 });
  }

  rows() {
    return this.wb.page.locator('[id="workbench.view.extension.aiRoadmap"] .monaco-list-row');
  }

  async labels(): Promise<string[]> {
    return (await this.rows().locator('.label-name').allTextContents()).map((s) => s.trim());
  }

  row(label: string | RegExp) {
    return this.rows().filter({ has: this.wb.page.locator('.label-name', { hasText: label }) }).first();
  }

  async expand(label: string | RegExp) {
    const row = this.row(label);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  }

  async collapse(label: string | RegExp) {
    const row = this.row(label);
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  }

  async description(label: string | RegExp): Promise<string> {
    return ((await this.row(label).locator('.label-description').textContent()) ?? '').trim();
  }

  checkbox(label: string | RegExp) {
    return this.row(label).locator('.custom-view-tree-node-item-checkbox');
  }
}

/** The status bar entry of the extension. */
export function progressStatus(page: Page) {
  return page.locator('[id="ai-roadmap.ai-roadmap.aiRoadmap.progress"]');
}

/** A webview: VS Code nests the page in two iframes; find the one where `selector` shows `text`. */
export async function webviewFrame(page: Page, selector: string, text: string | RegExp, timeoutMs = 90_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      // $() does not wait, so frames without the element cost nothing (the timing bench relies on it).
      const found = await frame
        .$(selector)
        .then((h) => h?.textContent())
        .catch(() => undefined);
      const t = found?.trim();
      if (t !== undefined && (typeof text === 'string' ? t === text : text.test(t))) return frame;
    }
    await page.waitForTimeout(20);
  }
  throw new Error(`No webview frame shows "${text}" in ${selector}.`);
}

/** The notes panel showing the layer or topic with this heading. */
export function notesFrame(page: Page, heading: string, timeoutMs?: number): Promise<Frame> {
  return webviewFrame(page, '#root h1', heading, timeoutMs);
}

/** Opens a fresh workbench before the suite's tests and closes it after; returns a getter. */
export function useWorkbench(opts?: Parameters<typeof Workbench.open>[0]): () => Workbench {
  let wb: Workbench | undefined;
  before(async () => {
    wb = await Workbench.open(opts);
  });
  after(async () => {
    await wb?.close();
  });
  return () => wb!;
}

/** A layer row's description ("1/9 · 11%") after `done` of its topics, from the built roadmap, so content can grow. */
export function layerDescription(layerId: string, done: number): string {
  const roadmap = JSON.parse(readFileSync(join(repoRoot, 'dist', 'roadmap.json'), 'utf8')) as { layers: Array<{ id: string; topics: unknown[] }> };
  const total = roadmap.layers.find((l) => l.id === layerId)!.topics.length;
  return `${done}/${total} · ${Math.floor((done / total) * 100)}%`;
}

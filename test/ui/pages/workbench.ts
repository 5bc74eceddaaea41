// The real VS Code workbench in Chromium: one session per suite, driven as a person would.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../tools/host/browser';
import { repoRoot, startCodeServer, webOnlyCopy, type CodeServer } from '../../../tools/host/codeServer';
import { middayTimeZone } from '../../../tools/host/middayTimeZone';
import { QuickPick } from './quickPick';

export const resultsDir = join(repoRoot, 'test-results');

export interface WorkbenchOptions {
  theme?: string;
  settings?: Record<string, unknown>;
  /** Folders to lay into the workspace: target (relative) -> source (absolute). */
  copy?: Record<string, string>;
  /** Settings of the workspace (.vscode/settings.json), which the extension's own updates change, unlike the user's. */
  workspaceSettings?: Record<string, unknown>;
  kind?: 'web';
  /** Lets the accessibility audit inject axe-core into the webviews; for that suite only. */
  bypassCsp?: boolean;
  /**
   * Runs the host and the page in a zone where it is about noon now (middayTimeZone), for a suite
   * that counts by local day (cards due today), so it does not change day under the test.
   */
  midday?: boolean;
}

export class Workbench {
  readonly quickPick: QuickPick;

  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    readonly workspace: string,
    private readonly url: string,
    /** A second window shares the first one's browser and server, and closes only its page. */
    private readonly owner = true,
  ) {
    this.quickPick = new QuickPick(page);
  }

  /** A fresh VS Code with this extension in development mode, opened on an empty workspace. */
  static async open(opts: WorkbenchOptions = {}): Promise<Workbench> {
    const workspace = mkdtempSync(join(tmpdir(), 'ai-roadmap-ui-'));
    writeFileSync(join(workspace, 'README.md'), '# UI test workspace\n');
    for (const [to, from] of Object.entries(opts.copy ?? {})) cpSync(from, join(workspace, to), { recursive: true });
    if (opts.workspaceSettings) {
      mkdirSync(join(workspace, '.vscode'), { recursive: true });
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(opts.workspaceSettings, null, 2));
    }
    const timezoneId = opts.midday ? middayTimeZone() : undefined;
    const server = await startCodeServer({ settings: { ...opts.settings }, env: timezoneId ? { TZ: timezoneId } : {} });
    const browser = await launchBrowser();
    // A context of its own (not browser.newPage's), so a second window can open in it.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: opts.bypassCsp ?? false, timezoneId })).newPage();
    // The web kind runs the extension's `browser` bundle in the web worker host, as vscode.dev does.
    const url = server.workbenchUrl(workspace, opts.kind === 'web' ? { kind: 'web', developmentPath: webOnlyCopy(repoRoot) } : {});
    const wb = new Workbench(page, browser, server, workspace, url);
    try {
      await wb.load();
      // code-server's web client does not take workbench.colorTheme from the profile's settings file.
      if (opts.theme) await wb.setTheme(opts.theme);
    } catch (e) {
      // The suite's `after` never gets this object: left running, the server and browser would keep the test file alive.
      await wb.close().catch(() => undefined);
      throw e;
    }
    return wb;
  }

  private async load() {
    // The first page load compiles the workbench; a loaded machine takes well over the default 30 s.
    await this.page.goto(this.url, { timeout: 120_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Our icon in the activity bar means the extension's contributions are registered, so the
    // command palette (which lists commands as of its opening) will offer ours.
    await this.activityBarIcon().waitFor({ timeout: 60_000 });
  }

  /**
   * Another window on the same workspace and server: a second page of the same browser profile,
   * so it shares the first one's global state as two desktop windows do. It has its own extension host.
   */
  async openSecondWindow(): Promise<Workbench> {
    const second = new Workbench(await this.page.context().newPage(), this.browser, this.server, this.workspace, this.url, false);
    await second.load();
    return second;
  }

  /**
   * The "AI Roadmap" output's log file of the newest extension host on this server (each window
   * has its own host: exthost1, exthost2...), or '' before the extension has written it.
   */
  extensionLog(): string {
    const logs = join(this.server.profileDir, 'user-data', 'logs');
    const hosts = existsSync(logs)
      ? readdirSync(logs).flatMap((session) => readdirSync(join(logs, session)).filter((d) => /^exthost\d+$/.test(d)).map((d) => join(logs, session, d)))
      : [];
    const newest = hosts.sort((a, b) => Number(a.match(/(\d+)$/)![1]) - Number(b.match(/(\d+)$/)![1])).at(-1);
    const file = newest && join(newest, 'ai-roadmap.ai-roadmap', 'AI Roadmap.log');
    return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  activityBarIcon() {
    return this.page.locator('.activitybar .action-item a[aria-label^="AI Roadmap"]');
  }

  /** Runs a command from the palette, clicking the row whose label is exactly `title`. */
  async runCommand(title: string) {
    await this.quickPick.openAndPick(() => this.page.keyboard.press('F1'), `>${title}`, (rows) => rows.filter({ has: this.page.getByText(title, { exact: true }) }));
  }

  /**
   * Runs a command that asks with a quick pick, and picks the first row that contains `item`.
   * When the pick closes before the click (focus taken by an editor opening late), the command
   * runs again.
   */
  async runCommandAndPick(title: string, item: string) {
    await this.quickPick.openAndPick(() => this.runCommand(title), item, (rows) => rows.filter({ hasText: item }));
  }

  /** The same with the keyboard only; `label` when the row reads otherwise (a category before the title). */
  async runCommandByKeyboard(title: string, label: string | RegExp = title) {
    // An editor that finishes opening takes the focus and closes the palette; then press again, as a person does.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      const shown = await this.quickPick.waitOpen(30_000).then(() => true, () => false);
      if (shown) {
        const done = await this.quickPick.chooseByKeyboard(title, label, 20_000).then(() => true, (e: Error) => (attempt >= 3 ? Promise.reject(e) : false));
        if (done) return;
      }
      if (attempt >= 3) throw new Error(`The command palette did not stay open for "${title}" in 3 tries.`);
    }
  }


  /**
   * Runs a command that asks with a quick pick, and chooses `label` by typing `filter`, all by
   * keyboard. A pick that closes before the choice (an editor finishing its opening takes the
   * focus) is asked for again, as a person would, up to 3 times.
   */
  async runCommandAndChooseByKeyboard(title: string, filter: string, label: string | RegExp) {
    for (let attempt = 1; ; attempt++) {
      await this.runCommandByKeyboard(title);
      const chosen = await this.quickPick.waitOpen(30_000).then(() => this.quickPick.chooseByKeyboard(filter, label, 20_000)).then(() => true, (e: Error) => e);
      if (chosen === true) return;
      if (attempt >= 3 || (await this.quickPick.input().isVisible())) throw chosen;
      process.stderr.write(`the pick of "${title}" closed before "${filter}" was chosen (attempt ${attempt}); running it again\n`);
    }
  }

  /** Types `text` into the quick pick that is open and clicks the first row that contains it. */
  async pickQuickItem(text: string) {
    await this.quickPick.pick(text);
  }

  /** Switches the colour theme through its picker, as a person would. */
  async setTheme(theme: string) {
    await this.runCommandAndPick('Preferences: Color Theme', theme);
    await this.page.locator(`.monaco-workbench.${themeKind(theme)}`).waitFor({ timeout: 60_000 });
    await this.quickPick.waitClosed();
  }

  async reload() {
    const reloaded = this.page.waitForEvent('load'); // listen first: the reload can be quick
    await this.runCommand('Developer: Reload Window');
    await reloaded;
    await this.page.locator('.activitybar').waitFor({ timeout: 90_000 });
  }

  editorTab(text: string | RegExp) {
    return this.page.locator('.tabs-container .tab', { hasText: text }).first();
  }

  /**
   * Closes the editor tab that shows `text` with its own close button, whichever group is active
   * (a command such as "Close Editors in Other Groups" acts on the active group, which a panel
   * opened beside may have taken).
   */
  async closeTab(text: string | RegExp) {
    const tab = this.editorTab(text);
    await tab.hover();
    await tab.locator('.tab-actions .codicon-close').click();
    await tab.waitFor({ state: 'detached', timeout: 30_000 });
  }

  /** "Go to Line/Column..." in the active editor. */
  async goToLine(line: number) {
    await this.runCommand('Go to Line/Column...');
    await this.quickPick.waitOpen(60_000);
    await this.quickPick.input().fill(`:${line}`);
    await this.quickPick.input().press('Enter');
  }

  /** A line of the active editor that shows `text`. */
  editorLine(text: string) {
    return this.page.locator('.monaco-editor .view-line', { hasText: text }).first();
  }

  /** Folds or unfolds a view of the side bar by its header's title. */
  async setViewExpanded(title: RegExp, expanded: boolean) {
    const header = this.page.locator('.pane-header', { hasText: title });
    // The title, not the middle of the header, where its action buttons sit.
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.locator('h3.title').click();
    await this.page.locator(`.pane-header[aria-expanded="${expanded}"]`, { hasText: title }).waitFor({ timeout: 60_000 });
  }

  /** The text area of the first code editor, which has the focus when a file opens. */
  editorTextArea() {
    return this.page.locator('.monaco-editor textarea').first();
  }

  /** An extension's activation time as "Developer: Show Running Extensions" prints it (open it first). */
  async runningExtensionActivationTime(name: string | RegExp): Promise<string> {
    const time = this.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: name }).first().locator('.activation-time');
    await time.waitFor({ timeout: 20_000 });
    return (await time.textContent()) ?? '';
  }

  /**
   * Counts the pointer events that reach the workbench from now on (a keyboard press makes none),
   * so a keyboard-only test can prove it used no mouse.
   */
  async countPointerEvents() {
    await this.page.evaluate(() => {
      const w = window as unknown as { aiRoadmapPointerEvents: number };
      w.aiRoadmapPointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'wheel']) window.addEventListener(type, () => w.aiRoadmapPointerEvents++, true);
    });
  }

  async pointerEvents(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { aiRoadmapPointerEvents: number }).aiRoadmapPointerEvents);
  }

  notification(text: string | RegExp) {
    return this.page.locator('.notifications-toasts', { hasText: text }).first();
  }

  /**
   * A picture of the workbench below its title bar, which names the test's temporary folder; with
   * `docs`, also written to docs/images/ for the documentation that shows it.
   */
  async screenshot(name: string, options: { docs?: boolean } = {}) {
    mkdirSync(resultsDir, { recursive: true });
    const title = await this.page.locator('.part.titlebar').boundingBox();
    const viewport = this.page.viewportSize()!;
    const top = title ? Math.ceil(title.y + title.height) : 0;
    const path = join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path, clip: { x: 0, y: top, width: viewport.width, height: viewport.height - top } });
    if (options.docs) cpSync(path, join(repoRoot, 'docs', 'images', `${name}.png`));
  }

  async close() {
    if (!this.owner) return this.page.close();
    await this.browser.close();
    await this.server.stop();
  }
}

/** The workbench class of a theme's kind, which it carries once the theme applies. */
export function themeKind(theme: string): string {
  return /High Contrast Light/.test(theme) ? 'hc-light' : /High Contrast/.test(theme) ? 'hc-black' : /Light/.test(theme) ? 'vs' : 'vs-dark';
}

/** Opens a fresh workbench before the suite's tests and closes it after; returns a getter. */
export function useWorkbench(opts?: WorkbenchOptions): () => Workbench {
  let wb: Workbench | undefined;
  before(async () => {
    wb = await Workbench.open(opts);
  });
  after(async () => {
    await wb?.close();
  });
  return () => wb!;
}

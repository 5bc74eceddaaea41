// Runs a mocha test module inside real VS Code 1.100.3: code-server serves the workbench, Chromium
// opens it with the test module in the payload, and the workbench reports the end through
// window.codeAutomationExit(code). The module writes its report to AI_ROADMAP_TEST_LOG.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../tools/host/browser';
import { repoRoot, startCodeServer, webOnlyCopy } from '../../tools/host/codeServer';
import { WEB_REPORT } from './webReport';

// Only a bound on a hang: a loaded 2-core machine has taken 11 minutes for the whole integration suite.
const TIMEOUT_MS = 30 * 60_000;
const GOTO_TIMEOUT_MS = 180_000;

export interface HostRun {
  /** The compiled test folder whose index.js exports run(). */
  testsPath: string;
  env?: Record<string, string>;
  untrusted?: boolean;
  /** The extension in development mode: this repository unless another folder is named. */
  developmentPath?: string;
  extensionsDir?: string;
  /** 'web': the web worker extension host. Its tests cannot write files, so they leave the report in the workspace. */
  kind?: 'web';
  /** Lays files into the fresh workspace before the window opens (what a suite cannot make itself). */
  prepareWorkspace?: (workspace: string) => void;
}


export async function runTestsInHost(run: HostRun): Promise<number> {
  const workspace = mkdtempSync(join(tmpdir(), 'ai-roadmap-ws-'));
  writeFileSync(join(workspace, 'README.md'), '# Test workspace\n');
  run.prepareWorkspace?.(workspace);
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'ai-roadmap-results-')), 'mocha.log');
  const server = await startCodeServer({ untrusted: run.untrusted, extensionsDir: run.extensionsDir, env: { AI_ROADMAP_TEST_LOG: resultsFile, ...run.env } });
  const browser = await launchBrowser();
  let code = 1;
  // With a Node host beside it, VS Code runs an extension that has both entries in the Node host;
  // vscode.dev has none and uses the `browser` entry alone. So the web kind gets a copy of the
  // extension without `main`, and the suite goes inside it: VS Code runs a test module in the
  // host of the extension whose folder holds it.
  let testsPath = run.testsPath;
  let developmentPath = run.developmentPath;
  if (run.kind === 'web') {
    developmentPath = webOnlyCopy(run.developmentPath ?? repoRoot);
    cpSync(run.testsPath, join(developmentPath, 'web-tests'), { recursive: true });
    testsPath = join(developmentPath, 'web-tests', 'index.js'); // the worker fetches a file, it cannot resolve a folder
  }
  try {
    const page = await browser.newPage();
    const workbenchErrors: string[] = [];
    const exit = new Promise<number>((res) => {
      void page.exposeFunction('codeAutomationExit', (c: number) => res(c));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (type === 'error') workbenchErrors.push(args.map(String).join(' '));
    });
    // The first load of the workbench compiles its scripts: on a loaded 2-core machine that can take a minute or more.
    await page.goto(server.workbenchUrl(workspace, { testsPath, developmentPath, kind: run.kind }), { timeout: GOTO_TIMEOUT_MS });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<number>((res) => (timer = setTimeout(() => res(124), TIMEOUT_MS)));
    code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    if (code === 124) console.error(`The tests did not finish within ${TIMEOUT_MS / 60000} minutes.`);
    if (code !== 0) console.error(`The window ended with exit code ${code}.`);
    if (code !== 0 && workbenchErrors.length) console.error(`Workbench errors:\n${workbenchErrors.slice(-20).join('\n')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
  const report = run.kind === 'web' ? join(workspace, WEB_REPORT) : resultsFile;
  const text = existsSync(report) ? readFileSync(report, 'utf8') : undefined;
  if (text !== undefined) process.stdout.write(text);
  else console.error('The test module wrote no results: it did not load in the extension host.');
  // mocha always ends its report with "N passing": a report without it stopped in the middle.
  if (text !== undefined && !/^\s*\d+ passing/m.test(text)) {
    console.error(`The report stops before mocha's summary (exit code ${code}): the extension host ended in the middle of the run.`);
    if (code === 0) code = 1;
  }
  return code;
}


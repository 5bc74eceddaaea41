// Runs the integration suite (out/test/integration) inside real VS Code 1.100.3: code-server
// serves the workbench, Chromium opens it with this extension and the test module in the
// payload, and the workbench reports the end through window.codeAutomationExit(code).
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { repoRoot, startCodeServer } from './codeServer';

const TIMEOUT_MS = 10 * 60_000;

async function main() {
  // Two passes: the main suite in a trusted workspace, then the restricted-mode suite in an untrusted one.
  const trusted = await runSuite('trusted');
  const untrusted = await runSuite('untrusted');
  process.exit(trusted !== 0 ? trusted : untrusted);
}

async function runSuite(suite: 'trusted' | 'untrusted'): Promise<number> {
  const workspace = mkdtempSync(join(tmpdir(), 'ai-roadmap-ws-'));
  writeFileSync(join(workspace, 'README.md'), '# Integration test workspace\n');
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'ai-roadmap-results-')), 'mocha.log');
  const server = await startCodeServer({
    untrusted: suite === 'untrusted',
    env: { AI_ROADMAP_TEST_LOG: resultsFile, AI_ROADMAP_TEST_SUITE: suite },
  });
  const browser = await launchBrowser();
  let code = 1;
  try {
    const page = await browser.newPage();
    const workbenchErrors: string[] = [];
    const exit = new Promise<number>((res) => {
      void page.exposeFunction('codeAutomationExit', (c: number) => res(c));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (type === 'error') workbenchErrors.push(args.map(String).join(' '));
    });
    await page.goto(server.workbenchUrl(workspace, { testsPath: join(repoRoot, 'out', 'test', 'integration') }));
    const timeout = new Promise<number>((res) => setTimeout(() => res(124), TIMEOUT_MS));
    code = await Promise.race([exit, timeout]);
    if (code === 124) console.error(`The integration tests did not finish within ${TIMEOUT_MS / 60000} minutes.`);
    if (code !== 0 && workbenchErrors.length) console.error(`Workbench errors:\n${workbenchErrors.slice(-20).join('\n')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
  if (existsSync(resultsFile)) process.stdout.write(readFileSync(resultsFile, 'utf8'));
  else console.error('The test module wrote no results: it did not load in the extension host.');
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  return code;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

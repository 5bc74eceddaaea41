// `npm run test:desktop`: the same integration suite in desktop VS Code through
// @vscode/test-electron, for machines with internet (it downloads VS Code). Each run gets a fresh
// copy of the sample workspace and fresh user-data and extensions folders, so a second run starts
// where the first did (no scaffolded exercises, settings or hint counters left behind).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main() {
  const root = resolve(__dirname, '..', '..', '..');
  const scratch = mkdtempSync(join(tmpdir(), 'ai-roadmap-desktop-'));
  const workspace = join(scratch, 'workspace');
  cpSync(resolve(root, 'test', 'fixtures', 'sample-workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: resolve(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(scratch, 'user-data')}`, `--extensions-dir=${join(scratch, 'extensions')}`],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

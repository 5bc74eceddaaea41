// `npm run test:desktop`: the same integration suite in desktop VS Code through
// @vscode/test-electron, for machines with internet (it downloads VS Code).
import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main() {
  const root = resolve(__dirname, '..', '..', '..');
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [resolve(root, 'test', 'fixtures', 'sample-workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

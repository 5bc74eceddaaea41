// Runs the integration suite (out/test/integration) inside real VS Code 1.100.3, twice: the main
// suite in a trusted workspace, then the restricted-mode suite in an untrusted one.
import { join } from 'node:path';
import { repoRoot } from '../../tools/host/codeServer';
import { middayTimeZone } from '../../tools/host/middayTimeZone';
import { runTestsInHost } from './runInHost';

async function main() {
  const testsPath = join(repoRoot, 'out', 'test', 'integration');
  // The quiz tests count cards due today (a miss is due 10 minutes later): a host at about noon
  // never crosses midnight under them.
  const trusted = await runTestsInHost({ testsPath, env: { AI_ROADMAP_TEST_SUITE: 'trusted', TZ: middayTimeZone() } });
  const untrusted = await runTestsInHost({ testsPath, untrusted: true, env: { AI_ROADMAP_TEST_SUITE: 'untrusted' } });
  process.exit(trusted !== 0 ? trusted : untrusted);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

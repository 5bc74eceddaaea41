// The web suite (out/test/web) in the web worker extension host of VS Code 1.100.3: the
// extension's `browser` bundle, with no Node module, as VS Code for the Web runs it.
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { runTestsInHost } from './runInHost';

runTestsInHost({ testsPath: join(repoRoot, 'out', 'test', 'web'), kind: 'web' })
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

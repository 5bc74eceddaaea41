// The web suite (out/test/web) in the web worker extension host of VS Code 1.100.3: the
// extension's `browser` bundle, with no Node module, as VS Code for the Web runs it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../tools/host/codeServer';
import { runTestsInHost } from './runInHost';

/** Links and a pipe for the suite to meet: the web worker cannot make them itself. */
function prepareWorkspace(workspace: string) {
  const secret = join(mkdtempSync(join(tmpdir(), 'ai-roadmap-outside-')), 'secret.md');
  writeFileSync(secret, '# TOP SECRET\n');
  mkdirSync(join(workspace, 'web-links', 'notes'), { recursive: true });
  symlinkSync(secret, join(workspace, 'web-links', 'notes', 'first.md'));
  mkdirSync(join(workspace, 'web-pipe'));
  execFileSync('mkfifo', [join(workspace, 'web-pipe', 'roadmap.yaml')]);
}

runTestsInHost({ testsPath: join(repoRoot, 'out', 'test', 'web'), kind: 'web', prepareWorkspace })
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

// The smoke suite against what a learner installs: the packaged vsix (npm run package) is installed
// into an empty extensions folder with --install-extension. VS Code runs a test module only beside
// an extension in development mode, so an empty harness extension takes that place: the AI Roadmap
// under test is the installed one.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installVsix, repoRoot } from '../../tools/host/codeServer';
import { runTestsInHost } from './runInHost';

async function main() {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(repoRoot, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first.`);
  const extensionsDir = join(mkdtempSync(join(tmpdir(), 'ai-roadmap-installed-')), 'extensions');
  const started = Date.now();
  console.log(installVsix(vsix, extensionsDir).trim());
  const harness = join(extensionsDir, '..', 'harness');
  mkdirSync(harness, { recursive: true });
  writeFileSync(join(harness, 'package.json'), JSON.stringify({ name: 'smoke-harness', publisher: 'ai-roadmap-tests', version: '0.0.0', engines: { vscode: '^1.90.0' } }));
  const code = await runTestsInHost({ testsPath: join(repoRoot, 'out', 'test', 'smoke'), developmentPath: harness, extensionsDir, env: { AI_ROADMAP_EXTENSIONS_DIR: extensionsDir } });
  console.log(`smoke suite against the installed extension: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

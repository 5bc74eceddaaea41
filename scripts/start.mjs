// `npm start`: builds, installs the VS Code host if needed, and serves VS Code 1.100.3 on
// 127.0.0.1 with this extension loaded and a sample workspace. Ctrl+C stops everything.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('bash', ['scripts/install-host.sh']);
run(process.execPath, ['esbuild.config.mjs']);

// A sample workspace the learner can scaffold exercises into; kept between runs.
const workspace = join(root, '.vscode-test', 'sample-workspace');
if (!existsSync(workspace)) cpSync(join(root, 'test', 'fixtures', 'sample-workspace'), workspace, { recursive: true });
const profileDir = join(root, '.vscode-test', 'start-profile');
mkdirSync(profileDir, { recursive: true });

const { startCodeServer } = await import(join(root, 'out', 'tools', 'host', 'codeServer.js'));
const port = Number(process.env.PORT ?? 8080);
const server = await startCodeServer({ port, profileDir });
console.log(`\nAI Roadmap is running in VS Code 1.100.3. Open this address in a browser:\n\n  ${server.workbenchUrl(workspace)}\n\nPress Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping VS Code...');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

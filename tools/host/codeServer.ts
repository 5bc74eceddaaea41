// Starts VS Code 1.100.3 (code-server, installed by scripts/install-host.sh) on loopback with a
// throw-away profile, for `npm start`, the integration, web, smoke and UI tests and the bench.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The folder of this extension's package.json, wherever the bundle that asks was built to. */
export const repoRoot = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ai-roadmap') return dir;
  }
  throw new Error(`No ai-roadmap package.json above ${from}.`);
}
export const codeServerDir = join(repoRoot, '.vscode-test', 'code-server-4.100.3');
const entry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface CodeServer {
  port: number;
  baseUrl: string;
  profileDir: string;
  /**
   * The workbench URL that opens `folder`, with this extension loaded in development mode (or
   * another folder in its place: see runSmoke).
   */
  workbenchUrl(folder: string, extra?: { testsPath?: string; developmentPath?: string; kind?: 'web' }): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Settings for the profile's User/settings.json. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host. */
  env?: Record<string, string>;
  /** Fixed port (npm start); a free one by default. */
  port?: number;
  /** Where the profile lives; a new temporary folder by default. */
  profileDir?: string;
  /** Echo the server's output (npm start). */
  verbose?: boolean;
  /** Leave workspace trust on, so the opened folder starts untrusted (restricted mode). */
  untrusted?: boolean;
  /** An extensions folder to use (one a vsix was installed into); a new empty one by default. */
  extensionsDir?: string;
}

export const defaultSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'window.restoreWindows': 'none',
  'chat.commandCenter.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/**
 * Starts code-server; a start that fails (on a loaded machine code-server sometimes exits with
 * "timed out" before it listens) is tried again, twice at most, in a fresh profile and port.
 */
export async function startCodeServer(opts: StartOptions = {}): Promise<CodeServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts);
    } catch (e) {
      if (attempt >= 3 || !existsSync(entry)) throw e;
      console.error(`code-server did not start (attempt ${attempt} of 3), trying again: ${(e as Error).message.split('\n').slice(-2).join(' ')}`);
    }
  }
}

async function startOnce(opts: StartOptions): Promise<CodeServer> {
  if (!existsSync(entry)) throw new Error('VS Code (code-server) is not installed: run `bash scripts/install-host.sh`.');
  const port = opts.port ?? (await freePort());
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'ai-roadmap-host-'));
  const userData = join(profileDir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  const extensionsDir = opts.extensionsDir ?? join(profileDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const trust = opts.untrusted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...defaultSettings, ...trust, ...opts.settings }, null, 2));

  const child = spawn(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', ...(opts.untrusted ? [] : ['--disable-workspace-trust'])],
    {
      // code-server writes config and data under XDG folders even with --user-data-dir: keep them in the profile.
      env: { ...process.env, XDG_CONFIG_HOME: join(profileDir, 'xdg-config'), XDG_DATA_HOME: join(profileDir, 'xdg-data'), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (b: Buffer) => {
    output += b.toString();
    if (opts.verbose) process.stdout.write(b);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  await waitForListening(child, port, () => output);

  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    port,
    baseUrl,
    profileDir,
    workbenchUrl(folder, extra = {}) {
      const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
      const payload: string[][] = [['extensionDevelopmentPath', remote(extra.developmentPath ?? repoRoot)]];
      // The web worker extension host, as in vscode.dev: the extension's `browser` bundle runs there.
      if (extra.kind === 'web') payload.push(['extensionDevelopmentKind', 'web']);
      if (extra.testsPath) payload.push(['extensionTestsPath', remote(extra.testsPath)]);
      return `${baseUrl}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    stop: () => stopChild(child),
  };
}

/** Installs a packaged extension into an extensions folder, as `code --install-extension` does. */
export function installVsix(vsix: string, extensionsDir: string): string {
  mkdirSync(extensionsDir, { recursive: true });
  return execFileSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: join(extensionsDir, '..', 'xdg-config'), XDG_DATA_HOME: join(extensionsDir, '..', 'xdg-data') },
  });
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

async function waitForListening(child: ChildProcess, port: number, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`code-server did not listen on ${port} within 30 s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      res();
    });
    child.kill('SIGTERM');
  });
}

/** The extension as vscode.dev sees it: its files, and a manifest with the `browser` entry only. */
export function webOnlyCopy(extensionDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'ai-roadmap-web-'));
  for (const entry of ['dist', 'media', 'roadmap', 'README.md', 'CHANGELOG.md', 'LICENSE']) cpSync(join(extensionDir, entry), join(copy, entry), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.main;
  writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
  return copy;
}

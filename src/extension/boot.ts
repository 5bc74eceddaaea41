// The Node host's entry (package.json "main"). It evaluates the startup bundle, dist/extension.js,
// with V8's code cache kept in the extension's global storage (src/node/codeCache.ts): a start
// after the first one skips compiling it. The cache is saved a while after a start that had none,
// once the views have drawn, so the functions they ran are in it too. The web worker host loads
// dist/web/extension.js directly: it has no code cache to keep.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { evaluateWithCodeCache } from '../node/codeCache';
import type { AiRoadmapApi } from './extension';

interface Main {
  activate(context: vscode.ExtensionContext): Promise<AiRoadmapApi>;
  deactivate(): Promise<void>;
  log(level: 'info' | 'warn', line: string): void;
}

/** Long enough after activation for the first views to have drawn. */
const SAVE_AFTER_MS = 5_000;

let main: Main | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AiRoadmapApi> {
  const called = performance.now();
  const storage = context.globalStorageUri;
  const cacheDir = storage.scheme === 'file' ? join(storage.fsPath, 'code-cache') : undefined;
  const bundle = evaluateWithCodeCache(join(__dirname, 'extension.js'), cacheDir, require);
  const evaluated = performance.now();
  main = bundle.exports as Main;
  const activating = main.activate(context);
  // The activate call VS Code times, measured from inside. VS Code's figure adds its code loading,
  // which holds boot.js's require (about 1 ms by the host's marks) and whatever the host ran before
  // it, such as another extension's module loaded in the same turn.
  const startup = { evaluateMs: round(evaluated - called), activateMs: round(performance.now() - evaluated) };
  const ownMs = round(startup.evaluateMs + startup.activateMs);
  const api = await activating;
  main.log('info', `Activation took ${ownMs} ms of this extension's own time: evaluating dist/extension.js ${startup.evaluateMs} ms (code cache: ${bundle.use}), activate until its first wait ${startup.activateMs} ms.`);
  // save() writes nothing after a start that used the cache, or where there is no storage folder.
  const timer = setTimeout(() => {
    const problem = bundle.save();
    // Only a slower start is lost: a warning in the log says why.
    if (problem) main?.log('warn', problem);
  }, SAVE_AFTER_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return Object.defineProperties(api, {
    codeCache: { value: { use: bundle.use, folder: cacheDir }, enumerable: true },
    startup: { value: { ownMs, ...startup }, enumerable: true },
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function deactivate(): Promise<void> | undefined {
  return main?.deactivate();
}

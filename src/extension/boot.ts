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
}

/** Long enough after activation for the first views to have drawn. */
const SAVE_AFTER_MS = 5_000;

let main: Main | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AiRoadmapApi> {
  const storage = context.globalStorageUri;
  const cacheDir = storage.scheme === 'file' ? join(storage.fsPath, 'code-cache') : undefined;
  const bundle = evaluateWithCodeCache(join(__dirname, 'extension.js'), cacheDir, require);
  main = bundle.exports as Main;
  const api = await main.activate(context);
  // save() writes nothing after a start that used the cache, or where there is no storage folder.
  const timer = setTimeout(() => {
    const problem = bundle.save();
    // Only a slower start is lost: the extension host's log is the place for it.
    if (problem) console.warn(`AI Roadmap: ${problem}`);
  }, SAVE_AFTER_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return Object.defineProperty(api, 'codeCache', { value: { use: bundle.use, folder: cacheDir }, enumerable: true });
}

export function deactivate(): Promise<void> | undefined {
  return main?.deactivate();
}

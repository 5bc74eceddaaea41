// The web suite's test module. It runs in the web worker extension host: no Node, no file system,
// so mocha is its browser build and the report goes to the workspace through workspace.fs.
import 'mocha/mocha';
import * as vscode from 'vscode';
import { WEB_REPORT } from '../host/webReport';

/** mocha's browser build, as a global. */
declare const mocha: { setup(o: Record<string, unknown>): void; run(done: (failures: number) => void): void };

/** The reporters print printf-style ("%s passing"), as node's util.format reads them. */
function format([first, ...rest]: unknown[]): string {
  const text = String(first ?? '').replace(/%[sdi]/g, () => String(rest.shift() ?? ''));
  return [text, ...rest.map(String)].join(' ');
}

export async function run(): Promise<void> {
  if (typeof (globalThis as { process?: unknown }).process !== 'undefined') {
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap');
    const why = `The web suite was started in the Node extension host, not the web worker (extension kind ${ext?.extensionKind}, active ${ext?.isActive}, at ${ext?.extensionUri.toString()}).`;
    await writeReport([why]);
    throw new Error(why);
  }
  const lines: string[] = [];
  const base = (globalThis as unknown as { Mocha: { reporters: { Base: { consoleLog: (...a: unknown[]) => void } } } }).Mocha.reporters.Base;
  base.consoleLog = (...args: unknown[]) => lines.push(format(args));
  // The per-test budget only bounds a hang on a loaded machine.
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 180_000, color: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./webHost.test');
  return new Promise<void>((resolve, reject) => {
    mocha.run(async (failures) => {
      await writeReport(lines);
      if (failures) reject(new Error(`${failures} web test(s) failed.`));
      else resolve();
    });
  });
}

async function writeReport(lines: string[]) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, WEB_REPORT), new TextEncoder().encode(`${lines.join('\n')}\n`));
}

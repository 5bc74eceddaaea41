// The smoke suite's test module: loaded by VS Code's extension host with only the installed vsix.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const logFile = process.env.AI_ROADMAP_TEST_LOG;
  if (logFile) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => appendFileSync(logFile, `${format(...args)}\n`);
  // The per-test budget only bounds a hang on a loaded machine.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 180_000, reporter: 'spec' });
  mocha.addFile(join(__dirname, 'installed.test.js'));
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} smoke test(s) failed.`)) : resolve())));
}

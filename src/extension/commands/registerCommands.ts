import * as vscode from 'vscode';
import { COMMANDS, commandId, type CommandHandlers, type CommandName } from './commandTable';
import type { Services } from './services';

/**
 * Registers every command of the table: the one place commands are registered. The handlers'
 * modules, and the services they use, are loaded on the first command, not at activation.
 */
export function registerCommands(services: () => Services): vscode.Disposable {
  let handlers: CommandHandlers | undefined;
  const run = (name: CommandName) => (...args: unknown[]) => {
    // A require, not an import: the bundler keeps the handlers' modules unevaluated until here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handlers ??= (require('./allCommands') as typeof import('./allCommands')).allHandlers(services());
    return (handlers[name] as (...a: unknown[]) => unknown)(...args);
  };
  return vscode.Disposable.from(...(Object.keys(COMMANDS) as CommandName[]).map((name) => vscode.commands.registerCommand(commandId(name), run(name))));
}

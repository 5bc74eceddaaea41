import * as vscode from 'vscode';
import { COMMANDS, commandId, type CommandHandlers, type CommandName } from './commandTable';
import { exerciseHandlers } from './exerciseCommands';
import { mapHandlers } from './mapCommands';
import { navigationHandlers } from './navigationCommands';
import { papersHandlers } from './papersCommands';
import { planHandlers } from './planCommands';
import { progressHandlers } from './progressCommands';
import { quizHandlers } from './quizCommands';
import { roadmapHandlers } from './roadmapCommands';
import { snippetHandlers } from './snippetCommands';
import type { Services } from './services';

/** Registers every command of the table, each with its handler: the one place commands are registered. */
export function registerCommands(services: Services): vscode.Disposable {
  const handlers: CommandHandlers = {
    ...navigationHandlers(services),
    ...progressHandlers(services),
    ...exerciseHandlers(services),
    ...roadmapHandlers(services),
    ...papersHandlers(services),
    ...planHandlers(services),
    ...quizHandlers(services),
    ...snippetHandlers(services),
    ...mapHandlers(services),
  };
  return vscode.Disposable.from(
    ...(Object.keys(COMMANDS) as CommandName[]).map((name) => vscode.commands.registerCommand(commandId(name), handlers[name] as (...args: unknown[]) => unknown)),
  );
}

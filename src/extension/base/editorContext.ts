import * as vscode from 'vscode';
import { CONTEXT_KEYS, type ContextKey } from './contextKeys';

/** Sets one of our context keys (a built-in command, so not one of ours going through the command table). */
export function setContext(key: ContextKey, value: boolean | readonly string[]): void {
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS[key], value);
}

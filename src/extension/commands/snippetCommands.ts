import * as vscode from 'vscode';
import type { NoteFileOptions, OnConflict } from '../panels/noteCode';
import { notesIdOf } from './commandArgs';
import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Open as Notebook, and Run and Copy to Workspace for one Python block of a topic's notes. */
export function snippetHandlers(s: Services): Pick<CommandHandlers, 'openNotebook' | 'runSnippet' | 'copySnippet'> {
  /** The topic given (an id or a tree row), else the one the notes panel shows, else the learner picks one. */
  const topicOf = async (target: unknown) => (typeof target === 'string' ? notesIdOf(target) : (s.notes.currentId ?? (await s.navigation.pickNotesTarget())));
  return {
    openNotebook: async (target, options) => {
      const id = await topicOf(target);
      return id ? s.notes.code.openNotebook(id, fileOptionsOf(options)) : undefined;
    },
    copySnippet: async (target, block, options) => {
      const id = await topicOf(target);
      return id ? s.notes.code.copyBlock(id, blockOf(block), fileOptionsOf(options)) : undefined;
    },
    runSnippet: async (target, block) => {
      const id = await topicOf(target);
      const n = blockOf(block);
      const found = id ? await s.notes.code.block(id, n) : undefined;
      if (!found) return undefined;
      const title = `Running Python block ${n + 1} of "${found.topic.title}"`;
      const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_p, token) => s.snippets.run(found.block.code, undefined, token));
      // Nothing shows the figures of a run from a command: they go at once.
      s.snippets.release(run);
      if (run.outcome !== 'ok') void vscode.window.showWarningMessage(`${title.replace('Running', 'Ran')}: ${run.summary}`);
      return run;
    },
  };
}

function blockOf(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : 0;
}

/** Only the answers a caller may give; anything else is asked for. */
function fileOptionsOf(value: unknown): NoteFileOptions {
  if (!value || typeof value !== 'object') return {};
  const o = value as Record<string, unknown>;
  const conflicts: OnConflict[] = ['ask', 'overwrite', 'keep', 'cancel'];
  return {
    onConflict: conflicts.find((c) => c === o.onConflict),
    open: o.open === false ? false : undefined,
  };
}

import * as vscode from 'vscode';
import type { Settings } from '../base/settings';
import { ExerciseTestTree } from './exerciseTestTree';
import { whyPythonCannotRun } from './pythonGuard';
import { pythonFor } from './pythonInterpreter';

/** The Python extension's debugger; without it there is no Debug profile. */
const DEBUGPY = 'ms-python.debugpy';

/**
 * The Debug profile, offered while the Python debugger is installed: pytest on the chosen items
 * under debugpy, stopping at the learner's breakpoints. Results stay with the Run profile.
 */
export function registerDebugProfile(tree: ExerciseTestTree, settings: Settings, log: vscode.LogOutputChannel): vscode.Disposable {
  let profile: vscode.TestRunProfile | undefined;
  const update = () => {
    const can = !!vscode.extensions.getExtension(DEBUGPY);
    if (can && !profile) profile = tree.controller.createRunProfile('Debug', vscode.TestRunProfileKind.Debug, (request, token) => debug(tree, request, token, settings, log), true);
    if (!can && profile) {
      profile.dispose();
      profile = undefined;
    }
  };
  update();
  return vscode.Disposable.from(vscode.extensions.onDidChange(update), { dispose: () => profile?.dispose() });
}

async function debug(tree: ExerciseTestTree, request: vscode.TestRunRequest, token: vscode.CancellationToken, settings: Settings, log: vscode.LogOutputChannel): Promise<void> {
  const groups = new Map<string, string[]>();
  for (const item of request.include ?? []) {
    const { exerciseId, nodeId } = ExerciseTestTree.nodeIdsOf(item);
    groups.set(exerciseId, [...(groups.get(exerciseId) ?? []), ...(nodeId ? [nodeId] : [])]);
  }
  const run = tree.controller.createTestRun(request, 'Debug', false);
  try {
    for (const [exerciseId, nodeIds] of groups) {
      const folder = tree.folderOf(exerciseId);
      if (!folder || token.isCancellationRequested || whyPythonCannotRun('Debugging exercise tests', folder)) continue;
      const python = await pythonFor(folder, settings, log);
      const config: vscode.DebugConfiguration = { name: `Debug ${exerciseId}`, type: 'debugpy', request: 'launch', module: 'pytest', args: ['-p', 'no:cacheprovider', ...nodeIds], cwd: folder.fsPath, python: python.command, justMyCode: true, console: 'internalConsole' };
      const ended = new Promise<void>((resolve) => {
        const sub = vscode.debug.onDidTerminateDebugSession((s) => s.configuration.name === config.name && (sub.dispose(), resolve()));
      });
      if (await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(folder), config)) await ended;
    }
  } finally {
    run.end();
  }
}

import * as vscode from 'vscode';
import type { RoadmapService } from '../roadmapService';

/** Open Roadmap File... (a teacher's own roadmap), Use Built-in Roadmap, Reload Roadmap. */
export function registerRoadmapCommands(roadmaps: RoadmapService): vscode.Disposable[] {
  const config = () => vscode.workspace.getConfiguration('aiRoadmap');
  const target = () => (vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);

  const open = vscode.commands.registerCommand('aiRoadmap.openRoadmapFile', async (uri?: vscode.Uri) => {
    const active = vscode.window.activeTextEditor?.document.uri;
    const file =
      uri ??
      (active && /\.ya?ml$/.test(active.path) && !active.path.endsWith('exercise.yaml')
        ? active
        : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Roadmap (YAML)': ['yaml', 'yml'] }, openLabel: 'Show This Roadmap' }))?.[0]);
    if (!file) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(file);
    // Relative to the workspace when it is inside one, so the setting can be committed.
    const value = folder ? vscode.workspace.asRelativePath(file, false) : file.fsPath;
    await config().update('roadmapFile', value, target());
    const index = await roadmaps.reload();
    if (roadmaps.authorRoadmap) void vscode.window.showInformationMessage(`Showing "${index.roadmap.title}" from ${value}.`);
    return index.roadmap.id;
  });

  const builtIn = vscode.commands.registerCommand('aiRoadmap.useBuiltInRoadmap', async () => {
    await config().update('roadmapFile', undefined, target());
    return (await roadmaps.reload()).roadmap.id;
  });

  const reload = vscode.commands.registerCommand('aiRoadmap.reloadRoadmap', async () => (await roadmaps.reload()).roadmap.id);
  return [open, builtIn, reload];
}

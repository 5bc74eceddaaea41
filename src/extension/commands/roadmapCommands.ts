import * as vscode from 'vscode';
import { stringOf, uriOf } from './commandArgs';
import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Open Roadmap File... (a teacher's own roadmap), Use Built-in Roadmap, Reload Roadmap, New Roadmap..., Import Outline as Roadmap... */
export function roadmapHandlers({ roadmaps, settings, authoring }: Services): Pick<CommandHandlers, 'openRoadmapFile' | 'useBuiltInRoadmap' | 'reloadRoadmap' | 'newRoadmap' | 'importOutline'> {
  return {
    newRoadmap: (folder) => authoring.newRoadmap(uriOf(folder) ?? stringOf(folder)),
    importOutline: (outline, folder) => authoring.importOutline(uriOf(outline), uriOf(folder) ?? stringOf(folder)),
    openRoadmapFile: async (uri) => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const file =
        uriOf(uri) ??
        (active && /\.ya?ml$/.test(active.path) && !active.path.endsWith('exercise.yaml')
          ? active
          : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Roadmap (YAML)': ['yaml', 'yml'] }, openLabel: 'Show This Roadmap' }))?.[0]);
      if (!file) return undefined;
      const folder = vscode.workspace.getWorkspaceFolder(file);
      // Relative to the workspace when it is inside one, so the setting can be committed.
      const value = folder ? vscode.workspace.asRelativePath(file, false) : file.fsPath;
      await settings.update('roadmapFile', value);
      const index = await roadmaps.reload();
      // A roadmap with problems has said so (and what stays on screen) already.
      if (roadmaps.authorRoadmap && !roadmaps.problems) void vscode.window.showInformationMessage(`Showing "${index.roadmap.title}" from ${value}.`);
      return index.roadmap.id;
    },
    useBuiltInRoadmap: async () => {
      await settings.update('roadmapFile', undefined);
      return (await roadmaps.reload()).roadmap.id;
    },
    reloadRoadmap: async () => (await roadmaps.reload()).roadmap.id,
  };
}

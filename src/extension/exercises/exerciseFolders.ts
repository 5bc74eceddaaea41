import * as vscode from 'vscode';
import type { ExerciseEntry } from '../../core/model';
import { defaultExerciseFolder } from '../../core/exercises/scaffoldPlan';
import type { RoadmapService } from '../roadmap/roadmapService';

/** The template folder of an exercise inside the shown roadmap. */
export function templateFolder(roadmaps: RoadmapService, exercise: ExerciseEntry): vscode.Uri {
  if (!exercise.path) throw new Error(`Exercise "${exercise.title}" has no template folder.`);
  return vscode.Uri.joinPath(roadmaps.contentRoot, ...exercise.path.split('/'));
}

/** Where an exercise goes: exercises/<id> in a workspace folder (asked for when there are several). */
export async function workspaceTarget(exerciseId: string, purpose: string): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  let base: vscode.Uri | undefined;
  if (folders.length === 1) base = folders[0].uri;
  else if (folders.length > 1) base = (await vscode.window.showWorkspaceFolderPick({ placeHolder: `Which folder ${purpose}?` }))?.uri;
  else {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use this folder', title: `No folder is open: choose the folder ${purpose}` });
    base = picked?.[0];
  }
  return base && vscode.Uri.joinPath(base, ...defaultExerciseFolder(exerciseId).split('/'));
}

/** A quick pick of the roadmap's exercises, grouped by layer, with difficulty and hours. */
export async function pickExercise(roadmaps: RoadmapService, placeHolder: string): Promise<ExerciseEntry | undefined> {
  const index = await roadmaps.current();
  const items: Array<vscode.QuickPickItem & { exercise?: ExerciseEntry }> = [];
  for (const layer of index.roadmap.layers) {
    const exercises = index.roadmap.exercises.filter((e) => index.layerOf(e.topic) === layer);
    if (!exercises.length) continue;
    items.push({ label: `Layer ${layer.number}: ${layer.title}`, kind: vscode.QuickPickItemKind.Separator });
    for (const e of exercises) {
      items.push({ label: `$(beaker) ${e.title}`, description: `${e.difficulty}${e.hours ? ` · ${e.hours} h` : ''} · ${index.topic(e.topic)?.title ?? ''}`, detail: e.summary, exercise: e });
    }
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.exercise;
}

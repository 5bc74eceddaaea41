import * as vscode from 'vscode';
import { planScaffold, type ConflictChoice } from '../../core/exercises/scaffoldPlan';
import type { ExerciseEntry } from '../../core/model';
import { changesOnScaffold } from '../../core/progress/exerciseRules';
import { setContext } from '../base/editorContext';
import { exists } from '../files/exists';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import { pickExercise, workspaceTarget } from './exerciseFolders';
import { prepareCopy } from './scaffoldFiles';

/** Answers tests and other features may give instead of prompts. */
export interface ScaffoldOptions {
  target?: vscode.Uri;
  onConflict?: ConflictChoice;
  open?: boolean;
  /** 'throw' hands a failure to the caller instead of showing it (other commands, tests). */
  onError?: 'show' | 'throw';
}

/**
 * "AI Roadmap: Scaffold Exercise": copies an exercise's template into the workspace through
 * workspace.fs. Nothing existing is overwritten without asking; if a write fails, every file
 * this run created is removed and every file it replaced is put back.
 */
export async function scaffoldExercise(roadmaps: RoadmapService, progress: ProgressStore, id: string | undefined, options: ScaffoldOptions = {}): Promise<vscode.Uri | undefined> {
  const index = await roadmaps.current();
  const exercise = id ? index.exercise(id) : await pickExercise(roadmaps, 'Scaffold which exercise into your workspace?');
  if (!exercise) {
    if (id) void vscode.window.showErrorMessage(`There is no exercise "${id}" in this roadmap.`);
    return undefined;
  }
  const folder = options.target ?? (await workspaceTarget(exercise.id, `to scaffold "${exercise.title}" into`));
  if (!folder) return undefined;
  try {
    const written = await scaffold(roadmaps, exercise, folder, options.onConflict);
    if (!written) return undefined;
    const changes = changesOnScaffold(progress.get(index.roadmap.id), exercise);
    if (changes.length) await progress.apply(index.roadmap.id, changes);
    if (options.open !== false) await openExercise(folder, exercise);
    setContext('exerciseScaffolded', true);
    return folder;
  } catch (e) {
    const message = `Could not scaffold "${exercise.title}": ${(e as Error).message}`;
    if (options.onError === 'throw') throw new Error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

async function scaffold(roadmaps: RoadmapService, exercise: ExerciseEntry, folder: vscode.Uri, onConflict?: ConflictChoice): Promise<boolean> {
  const copy = await prepareCopy(roadmaps, exercise, folder);
  const existing = new Set(copy.existing);

  let choice: ConflictChoice = onConflict ?? 'skip';
  if (existing.size > 0 && !onConflict) {
    const names = [...existing].slice(0, 5).join(', ') + (existing.size > 5 ? ', …' : '');
    const answer = await vscode.window.showWarningMessage(
      `${existing.size} file${existing.size === 1 ? '' : 's'} of "${exercise.title}" already exist${existing.size === 1 ? 's' : ''} in ${vscode.workspace.asRelativePath(folder)}.`,
      { modal: true, detail: `${names}\n\nSkip keeps your files and adds only the missing ones. Overwrite replaces them with the starter files.` },
      'Skip Existing',
      'Overwrite',
    );
    choice = answer === 'Overwrite' ? 'overwrite' : answer === 'Skip Existing' ? 'skip' : 'cancel';
  }
  if (choice === 'cancel') return false;
  const plan = planScaffold([...copy.sources.keys()], existing, choice);

  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Scaffolding ${exercise.title}`, cancellable: false }, async (report) => {
    const created: vscode.Uri[] = [];
    const replaced: Array<[vscode.Uri, Uint8Array]> = [];
    const todo = [...plan.write, ...plan.overwrite];
    try {
      for (const rel of todo) {
        report.report({ message: rel, increment: 100 / todo.length });
        const dest = copy.at(rel);
        if (plan.overwrite.includes(rel)) replaced.push([dest, await vscode.workspace.fs.readFile(dest)]);
        else created.push(dest);
        await vscode.workspace.fs.writeFile(dest, copy.sources.get(rel)!);
      }
    } catch (e) {
      // Leave no half-written exercise: undo this run, newest first.
      for (const uri of created.reverse()) await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
      for (const [uri, bytes] of replaced.reverse()) await vscode.workspace.fs.writeFile(uri, bytes).then(undefined, () => undefined);
      throw e;
    }
  });
  const notes: string[] = [];
  if (plan.skip.length) notes.push(`Kept your ${plan.skip.length} existing file${plan.skip.length === 1 ? '' : 's'}; added ${plan.write.length}.`);
  if (copy.left.length) notes.push(`Left out ${copy.left.length} entr${copy.left.length === 1 ? 'y' : 'ies'} of the template that ${copy.left.length === 1 ? 'is' : 'are'} not a plain file (links are never copied): ${copy.left.slice(0, 5).join(', ')}.`);
  if (notes.length) void vscode.window.showInformationMessage(notes.join(' '));
  return true;
}

/** The main file to work in, and the README beside it to read while working. */
async function openExercise(folder: vscode.Uri, exercise: ExerciseEntry) {
  if (exercise.template?.main) {
    const main = vscode.Uri.joinPath(folder, ...exercise.template.main.split('/'));
    if (await exists(main)) await vscode.window.showTextDocument(main, { preview: false, viewColumn: vscode.ViewColumn.One });
  }
  const readme = vscode.Uri.joinPath(folder, 'README.md');
  if (await exists(readme)) await vscode.commands.executeCommand('markdown.showPreviewToSide', readme);
}

import * as vscode from 'vscode';
import { MAX_TEMPLATE_FILE_BYTES } from '../../core/loading/limits';
import { join } from '../../core/util/posixPath';
import { exists } from '../files/exists';
import { containedFiles } from '../files/containedFiles';
import type { RoadmapService } from '../roadmap/roadmapService';
import { pickExercise, templateFolder, workspaceTarget } from './exerciseFolders';

const HINTS_SEEN = 'aiRoadmap.hintsSeen';

/** "Show Hint" reveals the next hint; "Show Solution" asks first, then diffs it against the learner's file. */
export class ExerciseHelp {
  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly state: vscode.Memento,
  ) {}

  private async exerciseFrom(id: string | undefined, placeHolder: string) {
    const index = await this.roadmaps.current();
    return id ? index.exercise(id) : pickExercise(this.roadmaps, placeHolder);
  }

  /** The number of the hint shown, counting those seen before. */
  async showHint(id?: string): Promise<number | undefined> {
    const exercise = await this.exerciseFrom(id, 'A hint for which exercise?');
    const hints = exercise?.template?.hints ?? [];
    if (!exercise) return undefined;
    if (!hints.length) return void vscode.window.showInformationMessage(`"${exercise.title}" has no hints.`);
    const seen = this.state.get<Record<string, number>>(HINTS_SEEN, {});
    const n = Math.min((seen[exercise.id] ?? 0) + 1, hints.length);
    await this.state.update(HINTS_SEEN, { ...seen, [exercise.id]: n });
    const more = n < hints.length ? ['Next Hint'] : [];
    void vscode.window.showInformationMessage(`Hint ${n} of ${hints.length} for "${exercise.title}"`, { modal: true, detail: hints[n - 1] }, ...more).then((c) => {
      if (c === 'Next Hint') void this.showHint(exercise.id);
    });
    return n;
  }

  /** Opens the solution beside the learner's file; asks first unless `confirmed`. */
  async showSolution(id?: string, confirmed?: boolean): Promise<vscode.Uri | undefined> {
    const exercise = await this.exerciseFrom(id, 'The solution of which exercise?');
    if (!exercise?.template) return undefined;
    if (confirmed !== true) {
      const answer = await vscode.window.showWarningMessage(
        `Show the reference solution of "${exercise.title}"?`,
        { modal: true, detail: 'Working it out yourself teaches the most; the hints may be enough. The solution opens side by side with your file, which stays as it is.' },
        'Show Solution',
      );
      if (answer !== 'Show Solution') return undefined;
    }
    const main = exercise.template.main;
    const solutionUri = vscode.Uri.joinPath(templateFolder(this.roadmaps, exercise), 'solution', ...main.split('/'));
    // The editor would follow a link anywhere: the solution must be a plain file inside the roadmap.
    try {
      await containedFiles(this.roadmaps.contentRoot, 'the roadmap folder').read(join(exercise.path!, 'solution', main), MAX_TEMPLATE_FILE_BYTES);
    } catch (e) {
      void vscode.window.showErrorMessage(`The solution of "${exercise.title}" cannot be shown: ${(e as Error).message}`);
      return undefined;
    }
    const folder = await workspaceTarget(exercise.id, `holding "${exercise.title}"`);
    const mine = folder && vscode.Uri.joinPath(folder, ...main.split('/'));
    if (mine && (await exists(mine))) await vscode.commands.executeCommand('vscode.diff', solutionUri, mine, `${main}: solution ↔ yours`);
    else await vscode.window.showTextDocument(solutionUri, { preview: true });
    return solutionUri;
  }
}

import * as vscode from 'vscode';
import { roadmapProblemNotice } from '../../core/views/roadmapProblemNotice';
import type { RoadmapService } from '../roadmap/roadmapService';

/** A line above the Roadmap tree while the author's roadmap has problems: what is shown, and where to look. */
export function followRoadmapProblems(view: vscode.TreeView<string>, roadmaps: RoadmapService): vscode.Disposable {
  const show = () => {
    const p = roadmaps.problems;
    view.message = p ? roadmapProblemNotice({ ...p, file: vscode.workspace.asRelativePath(p.file) }).treeMessage : undefined;
  };
  show();
  return roadmaps.onDidChangeProblems(show);
}

import * as vscode from 'vscode';
import type { PaperNode } from '../../core/papers/paperRows';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import { PaperNotes } from './paperNotes';
import { registerPapersCommands } from './papersCommands';
import { PapersTreeProvider } from './papersView';
import { ResearchNudge } from './researchNudge';

export interface Papers {
  tree: PapersTreeProvider;
  view: vscode.TreeView<PaperNode>;
  notes: PaperNotes;
  nudge: ResearchNudge;
  disposables: vscode.Disposable[];
  /** The notes panel's one click on a reference (the Papers commands are not in the command table yet). */
  addFromNote(arxivId: string, topicId: string, title: string): Promise<unknown>;
}

/** The Papers view, its commands, the habit's checkboxes and the monthly nudge. */
export function registerPapers(context: vscode.ExtensionContext, progress: ProgressStore, roadmaps: RoadmapService, log: vscode.LogOutputChannel): Papers {
  const tree = new PapersTreeProvider(progress);
  const view = vscode.window.createTreeView('aiRoadmap.papers', { treeDataProvider: tree, manageCheckboxStateManually: true });
  const notes = new PaperNotes(context.globalStorageUri);
  const nudge = new ResearchNudge(progress);
  const checkboxes = view.onDidChangeCheckboxState(async (e) => {
    for (const [node, state] of e.items) {
      if (node.kind === 'habit' && node.item !== 'papers') await vscode.commands.executeCommand('aiRoadmap.papers.checkHabit', node.item, state === vscode.TreeItemCheckboxState.Checked);
    }
  });
  const addFromNote = (arxivId: string, topicId: string, title: string) => Promise.resolve(vscode.commands.executeCommand('aiRoadmap.papers.add', `arXiv:${arxivId}`, { topicId, title, fetch: false }));
  return { tree, view, notes, nudge, addFromNote, disposables: [tree, view, nudge, checkboxes, ...registerPapersCommands(progress, roadmaps, notes, log)] };
}

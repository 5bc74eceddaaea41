import * as vscode from 'vscode';
import type { PaperNode } from '../../core/papers/paperRows';
import type { Settings } from '../base/settings';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import { PaperNotes } from './paperNotes';
import type { paperActions } from './paperActions';
import { PapersTreeProvider } from './papersView';
import { ResearchNudge } from './researchNudge';
import { checkHabit } from './researchHabit';

export interface Papers {
  tree: PapersTreeProvider;
  notes: PaperNotes;
  nudge: ResearchNudge;
  /** What the Papers commands run. */
  actions: ReturnType<typeof paperActions>;
  /** The notes panel's one click on a reference: added from what the note knows, without asking arXiv. */
  addFromNote(arxivId: string, topicId: string, title: string): Promise<unknown>;
  /** The view's habit checkboxes tick this month's checklist. */
  followCheckboxes(view: vscode.TreeView<PaperNode>): vscode.Disposable;
}

/** The Papers view's provider, its actions and the monthly nudge (the view itself is created with the others, in extension.ts). */
export function createPapers(storage: vscode.Uri, progress: ProgressStore, roadmaps: RoadmapService, settings: Settings, log: vscode.LogOutputChannel, openNoteCommand: string): Papers {
  const tree = new PapersTreeProvider(progress, settings, openNoteCommand);
  const notes = new PaperNotes(storage);
  const nudge = new ResearchNudge(progress, settings);
  let actions: ReturnType<typeof paperActions> | undefined;
  const followCheckboxes = (view: vscode.TreeView<PaperNode>) =>
    view.onDidChangeCheckboxState(async (e) => {
      for (const [node, state] of e.items) {
        if (node.kind === 'habit' && node.item !== 'papers') await checkHabit(progress, node.item, state === vscode.TreeItemCheckboxState.Checked);
      }
    });
  const papers: Papers = {
    tree, notes, nudge, followCheckboxes,
    // Built on the first Papers command or reference added: the view and the nudge need none of it.
    get actions() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (actions ??= (require('./paperActions') as typeof import('./paperActions')).paperActions(progress, roadmaps, notes, settings, log));
    },
    addFromNote: (arxivId, topicId, title) => papers.actions.add(`arXiv:${arxivId}`, { topicId, title, fetch: false }),
  };
  return papers;
}

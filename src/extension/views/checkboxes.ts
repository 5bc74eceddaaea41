import * as vscode from 'vscode';
import { parseElement } from '../../core/tree/treeRows';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmapService';

/** Ticking a topic's checkbox marks it done; unticking marks it not started. */
export function registerCheckboxes(views: Array<vscode.TreeView<string>>, roadmaps: RoadmapService, progress: ProgressStore): vscode.Disposable {
  return vscode.Disposable.from(
    ...views.map((view) =>
      view.onDidChangeCheckboxState(async (e) => {
        const index = await roadmaps.current();
        const changes = e.items.flatMap(([element, state]) => {
          const { kind, ref } = parseElement(element);
          if (kind !== 'topic' || !index.topic(ref)) return [];
          return [{ kind: 'topic' as const, id: ref, status: state === vscode.TreeItemCheckboxState.Checked ? ('done' as const) : ('not-started' as const) }];
        });
        if (changes.length) await progress.apply(index.roadmap.id, changes);
      }),
    ),
  );
}

import * as vscode from 'vscode';
import type { Change } from '../../core/progress/progressModel';
import { parseElement } from '../../core/views/elementIds';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

/** Ticking a topic's checkbox marks it done; unticking marks it not started. */
export function registerCheckboxes(views: Array<vscode.TreeView<string>>, roadmaps: RoadmapService, progress: ProgressStore): vscode.Disposable {
  return vscode.Disposable.from(
    ...views.map((view) =>
      view.onDidChangeCheckboxState(async (e) => {
        const index = await roadmaps.current();
        const changes = e.items.flatMap(([element, state]): Change[] => {
          const parts = parseElement(element);
          if (parts?.kind !== 'topic' || !index.topic(parts.ref)) return [];
          return [{ kind: 'topic', id: parts.ref, status: state === vscode.TreeItemCheckboxState.Checked ? 'done' : 'not-started' }];
        });
        if (changes.length) await progress.apply(index.roadmap.id, changes);
      }),
    ),
  );
}

import * as vscode from 'vscode';
import { parseElement } from '../../core/tree/treeRows';
import type { NotesPanels } from '../panels/notesPanels';
import type { RoadmapService } from '../roadmapService';

/** "AI Roadmap: Open Notes": from a tree row, a layer or topic id, or a quick pick. */
export function registerOpenNotes(roadmaps: RoadmapService, panel: NotesPanels): vscode.Disposable {
  return vscode.commands.registerCommand('aiRoadmap.openNotes', async (target?: unknown) => {
    const id = typeof target === 'string' ? idOf(target) : await pickId(roadmaps);
    if (!id) return;
    try {
      await panel.show(id);
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message);
    }
  });
}

/** "topic:calculus:2" (a tree row) or "calculus" (an id). */
function idOf(target: string): string | undefined {
  if (!target.includes(':')) return target;
  const { kind, ref } = parseElement(target);
  return kind === 'layer' || kind === 'topic' ? ref : undefined;
}

async function pickId(roadmaps: RoadmapService): Promise<string | undefined> {
  const index = await roadmaps.current();
  const items: Array<vscode.QuickPickItem & { id?: string }> = [];
  for (const layer of index.roadmap.layers) {
    items.push({ label: `Layer ${layer.number}: ${layer.title}`, kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `$(layers) ${layer.title}`, description: 'layer overview', id: layer.id });
    for (const t of layer.topics) items.push({ label: t.title, detail: t.summary, id: t.id });
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Open the notes of a layer or topic', matchOnDetail: true });
  return picked?.id;
}

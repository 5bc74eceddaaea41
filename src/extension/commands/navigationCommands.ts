import * as vscode from 'vscode';
import { nextTopics } from '../../core/progress/progressStats';
import type { TopicSearch } from '../../core/search/topicSearch';
import { topicSearch } from '../lazyModules';
import { parseElement } from '../../core/tree/treeRows';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmapService';
import { openWebLink } from '../openWebLink';
import type { TreeOptions } from '../../core/tree/treeRows';

/** Go to Topic, Show Next Topics, Open Resource, Hide/Show Completed. */
export function registerNavigationCommands(roadmaps: RoadmapService, progress: ProgressStore, trees: Array<{ setOptions(options: Partial<TreeOptions>): void }>): vscode.Disposable[] {
  let search: Promise<TopicSearch> | undefined;
  // Built on first use (MiniSearch is a bundle of its own): it reads every note, which activation must not do.
  const getSearch = () => (search ??= Promise.all([roadmaps.current(), topicSearch()]).then(([index, m]) => m.TopicSearch.build(index, (p) => roadmaps.readNotes(p))));
  const dropSearch = roadmaps.onDidChange(() => (search = undefined));

  const goToTopic = vscode.commands.registerCommand('aiRoadmap.goToTopic', async (query?: string) => {
    const index = await roadmaps.current();
    const all = index.topicOrder.map((t) => ({ label: t.title, description: index.layerOf(t.id)?.title, detail: t.summary, id: t.id }));
    if (typeof query === 'string') {
      // Non-interactive form, for tests and links: open the best hit.
      const hit = (await getSearch()).search(query)[0];
      if (hit) await vscode.commands.executeCommand('aiRoadmap.openNotes', hit.id);
      return hit?.id;
    }
    const pick = vscode.window.createQuickPick<(typeof all)[number]>();
    pick.placeholder = 'Search topics by title, tag or anything in their notes';
    pick.matchOnDescription = true;
    pick.items = all;
    pick.onDidChangeValue(async (value) => {
      if (!value.trim()) return (pick.items = all);
      pick.busy = true;
      const hits = (await getSearch()).search(value);
      if (pick.value !== value) return;
      // alwaysShow: hits found in the notes text do not contain the query in their label.
      pick.items = hits.flatMap((h) => {
        const item = all.find((a) => a.id === h.id);
        return item ? [{ ...item, alwaysShow: true, detail: `matches: ${h.terms.join(', ')}` }] : [];
      });
      pick.busy = false;
    });
    const chosen = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.id));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (chosen) await vscode.commands.executeCommand('aiRoadmap.openNotes', chosen);
    return chosen;
  });

  const showNext = vscode.commands.registerCommand('aiRoadmap.showNextTopics', async (opts?: { pick?: false }) => {
    const index = await roadmaps.current();
    const ids = nextTopics(index, progress.get(index.roadmap.id), 20);
    if (opts?.pick === false) return ids;
    if (ids.length === 0) {
      void vscode.window.showInformationMessage('Every topic is done or skipped. Congratulations!');
      return ids;
    }
    const chosen = await vscode.window.showQuickPick(
      ids.map((id) => {
        const t = index.topic(id)!;
        return { label: t.title, description: `${index.layerOf(id)?.title ?? ''}${t.hours ? ` · ${t.hours} h` : ''}`, detail: t.summary, id };
      }),
      { placeHolder: 'Topics whose prerequisites are done, in roadmap order' },
    );
    if (chosen) await vscode.commands.executeCommand('aiRoadmap.openNotes', chosen.id);
    return ids;
  });

  const openResource = vscode.commands.registerCommand('aiRoadmap.openResource', async (element?: string) => {
    if (typeof element !== 'string') return;
    const index = await roadmaps.current();
    const { ref, extra } = parseElement(element);
    const url = index.topic(ref)?.resources[Number(extra)]?.url;
    if (url) await openWebLink(url);
  });

  const setHidden = (hide: boolean) => {
    for (const t of trees) t.setOptions({ hideCompleted: hide });
    void vscode.commands.executeCommand('setContext', 'aiRoadmap.hideCompleted', hide);
  };
  const hide = vscode.commands.registerCommand('aiRoadmap.hideCompleted', () => setHidden(true));
  const show = vscode.commands.registerCommand('aiRoadmap.showCompleted', () => setHidden(false));

  const collapse = vscode.commands.registerCommand('aiRoadmap.collapseAll', async () => {
    for (const view of ['aiRoadmap.roadmap', 'aiRoadmap.studyPlan']) await vscode.commands.executeCommand(`workbench.actions.treeView.${view}.collapseAll`);
  });

  return [goToTopic, showNext, openResource, hide, show, collapse, dropSearch];
}

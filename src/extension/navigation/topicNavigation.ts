import * as vscode from 'vscode';
import { nextTopics } from '../../core/progress/progressStats';
import type { TopicSearch } from '../../core/search/topicSearch';
import { subtopicsOf } from '../../core/topicUnits';
import { topicPicks, whereIs } from '../../core/views/topicPicks';
import { topicSearch } from '../base/lazyModules';
import { Disposable } from '../base/lifecycle';
import { openWebLink } from '../base/openWebLink';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

const ALL_DONE = 'Every topic is done or skipped. Congratulations!';

/**
 * Finding a topic and going there: Go to Topic (search), Show Next Topics, Open Next Topic, the
 * quick pick of Open Notes, and a topic's resources. `open` shows a layer's or topic's notes.
 */
export class TopicNavigation extends Disposable {
  private search: Promise<TopicSearch> | undefined;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly open: (id: string) => Promise<void>,
  ) {
    super();
    this._register(roadmaps.onDidChange(() => (this.search = undefined)));
  }

  // Built on first use (MiniSearch is a bundle of its own): it reads every note, which activation must not do.
  private getSearch(): Promise<TopicSearch> {
    return (this.search ??= Promise.all([this.roadmaps.current(), topicSearch()]).then(([index, m]) => m.TopicSearch.build(index, (p) => this.roadmaps.readNotes(p))));
  }

  /** The topic ids the search finds for a query, best first: Go to Topic's search, for the map's filter. */
  async searchIds(query: string): Promise<string[]> {
    return (await this.getSearch()).search(query, 10_000).map((h) => h.id);
  }

  /** With a query (tests, links), opens the best hit; without, a quick pick that searches as you type. */
  async goToTopic(query?: string): Promise<string | undefined> {
    const index = await this.roadmaps.current();
    const all = topicPicks(index);
    if (query !== undefined) {
      const hit = (await this.getSearch()).search(query)[0];
      if (hit) await this.open(hit.id);
      return hit?.id;
    }
    const pick = vscode.window.createQuickPick<(typeof all)[number]>();
    pick.placeholder = 'Search topics by title, tag or anything in their notes';
    pick.matchOnDescription = true;
    pick.items = all;
    pick.onDidChangeValue(async (value) => {
      if (!value.trim()) return (pick.items = all);
      pick.busy = true;
      const hits = (await this.getSearch()).search(value);
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
    if (chosen) await this.open(chosen);
    return chosen;
  }

  /** The topics whose prerequisites are done; with `pick`, a quick pick that opens the chosen one. */
  async showNextTopics(pick = true): Promise<string[]> {
    const index = await this.roadmaps.current();
    const ids = nextTopics(index, this.progress.get(index.roadmap.id), 20);
    if (!pick) return ids;
    if (ids.length === 0) {
      void vscode.window.showInformationMessage(ALL_DONE);
      return ids;
    }
    const chosen = await vscode.window.showQuickPick(
      ids.map((id) => {
        const t = index.topic(id)!;
        return { label: t.title, description: `${whereIs(index, id)}${t.hours ? ` · ${t.hours} h` : ''}`, detail: t.summary, id };
      }),
      { placeHolder: 'Topics whose prerequisites are done, in roadmap order' },
    );
    if (chosen) await this.open(chosen.id);
    return ids;
  }

  async openNextTopic(): Promise<void> {
    const index = await this.roadmaps.current();
    const [next] = nextTopics(index, this.progress.get(index.roadmap.id), 1);
    if (next) await this.open(next);
    else void vscode.window.showInformationMessage(ALL_DONE);
  }

  /** A layer or topic id from a quick pick, grouped by layer. */
  async pickNotesTarget(): Promise<string | undefined> {
    const index = await this.roadmaps.current();
    const items: Array<vscode.QuickPickItem & { id?: string }> = [];
    for (const layer of index.roadmap.layers) {
      items.push({ label: `Layer ${layer.number}: ${layer.title}`, kind: vscode.QuickPickItemKind.Separator });
      items.push({ label: `$(layers) ${layer.title}`, description: 'layer overview', id: layer.id });
      for (const t of layer.topics) {
        items.push({ label: t.title, detail: t.summary, id: t.id });
        // Sub-topics under their topic, indented, and said so for screen readers and filtering.
        for (const s of subtopicsOf(t)) items.push({ label: `$(indent) ${s.title}`, description: `sub-topic of ${t.title}`, detail: s.summary, id: s.id });
      }
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Open the notes of a layer, topic or sub-topic', matchOnDetail: true });
    return picked?.id;
  }

  async openResource(topicId: string, n: number): Promise<void> {
    const index = await this.roadmaps.current();
    const url = index.topic(topicId)?.resources[n]?.url;
    if (url) await openWebLink(url);
  }
}

import * as vscode from 'vscode';
import { buildMapGraph, type MapGraph } from '../../core/map/mapGraph';
import type { PlacedBand } from '../../core/map/mapLayout';
import { mapStates, masteryBadges, nodesTouched, reviewsDueBadges, type MapBadgeSource } from '../../core/map/mapStates';
import { mapPicture, mapSvg, safePalette } from '../../core/map/mapSvg';
import type { RoadmapIndex } from '../../core/roadmapIndex';
import { parseElement } from '../../core/views/elementIds';
import { isFromMap, isMapState, type FromMap, type MapData, type MapState, type StatePairs, type ToMap } from '../../webview/map/protocol';
import { mapLayout } from '../base/lazyModules';
import { Disposable } from '../base/lifecycle';
import { PANELS } from '../base/viewIds';
import { WebviewHost, type WebviewSpec } from '../base/webviewHost';
import type { ProgressChange, ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';

const MAP: WebviewSpec<FromMap, MapState> = {
  viewType: PANELS.map,
  name: 'map',
  title: 'Roadmap Map',
  script: 'dist/webview/map.js',
  styles: ['media/webview/base.css', 'media/webview/map.css'],
  isMessage: isFromMap,
  isState: isMapState,
  imgSrc: ['blob:'],
};

/** Cycles named in the page's warning; the rest are counted there. */
const CYCLES_SHOWN = 5;
/** How long a slice of layout work may hold the extension host before it gives the thread back. */
const SLICE_MS = 30;
const EXPORT_TIMEOUT_MS = 120_000;

/** What the map's clicks and questions do; wired by the caller so panels need no navigation code. */
export interface MapActions {
  /** Opens a topic's notes beside the map's column. */
  openNotes(id: string, besideColumn: vscode.ViewColumn | undefined): Promise<unknown>;
  /** The topic ids Go to Topic's search finds for a query, best first. */
  search(query: string): Promise<string[]>;
}

export interface MapRendered {
  version: number;
  stateVersion: number;
  nodes: number;
  /** After states: the nodes painted again, and the next topics by the page's states. */
  painted?: number;
  nextTopics?: number;
}

interface Layout {
  index: RoadmapIndex;
  graph: MapGraph;
  data: MapData;
  version: number;
  bands: PlacedBand[];
  done: boolean;
  finished: Promise<void>;
  /** Wall time from the graph to the last band, for the log and the bench. */
  ms?: number;
}

/**
 * The roadmap as a map: one panel (restored after a reload), laid out band by band in the
 * extension host with dagre (a lazy bundle), giving the thread back between chunks; the page
 * draws each band as it comes. The layout is kept per roadmap; a status change only sends the
 * states that changed.
 */
export class MapPanel extends Disposable implements vscode.WebviewPanelSerializer {
  static readonly viewType = MAP.viewType;
  private host: WebviewHost<FromMap, ToMap> | undefined;
  private layout: Layout | undefined;
  private version = 0;
  private stateVersion = 0;
  private readonly badgeSources: MapBadgeSource[] = [masteryBadges, reviewsDueBadges(() => new Date())];
  private readonly renderedEmitter = this._register(new vscode.EventEmitter<MapRendered>());
  /** The page drew a layout or a state version: for the tests and the bench. */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: MapRendered | undefined;
  private readonly exports = new Map<number, (m: Extract<FromMap, { type: 'exportData' }>) => void>();
  private nextRequest = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly actions: MapActions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(progress.onDidChange((e) => void this.onProgress(e)));
    // An answer moves quizzed and the reviews due of its topic; the event does not name it, so all are sent.
    this._register(progress.onDidChangeReview((roadmapId) => (roadmapId === this.layout?.index.roadmap.id ? void this.sendAllStates() : undefined)));
    this._register(
      roadmaps.onDidChange(() => {
        this.layout = undefined;
        if (this.host) void this.start();
      }),
    );
    this._register({ dispose: () => this.host?.dispose() });
  }

  /** Another source of badges (a quiz passed, reviews due): the page draws any kind with its words. */
  addBadgeSource(source: MapBadgeSource): vscode.Disposable {
    this.badgeSources.push(source);
    void this.sendAllStates();
    return new vscode.Disposable(() => {
      const i = this.badgeSources.indexOf(source);
      if (i >= 0) this.badgeSources.splice(i, 1);
      void this.sendAllStates();
    });
  }

  get isOpen(): boolean {
    return !!this.host;
  }

  /** Opens the map (or brings it forward), with `id` selected when given. */
  async show(id?: string): Promise<void> {
    if (this.host) this.host.panel.reveal(undefined, false);
    else this.attach(WebviewHost.createPanel(this.extensionUri, MAP));
    const layout = await this.start();
    if (id && layout.index.topic(id)) await this.host?.post({ type: 'select', id });
  }

  /** VS Code restores a panel after a reload; tests call this too. The page restores its own view from its state. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    WebviewHost.restoredState(this.extensionUri, MAP, panel, state);
    return this.revive(panel);
  }

  private async revive(panel: vscode.WebviewPanel) {
    this.attach(panel);
    await this.start();
  }

  /** The tree's selection changed: the page selects the same topic when it follows the selection. */
  followSelection(elements: readonly string[]): void {
    const parts = elements.length ? parseElement(elements[0]) : undefined;
    if (parts?.kind === 'topic' && this.host?.isReady && this.layout?.index.topic(parts.ref)) void this.host.post({ type: 'select', id: parts.ref });
  }

  private attach(panel: vscode.WebviewPanel) {
    this.host?.dispose();
    const host = new WebviewHost<FromMap, ToMap>(
      panel,
      this.extensionUri,
      MAP,
      {
        open: async (m) => {
          const index = await this.roadmaps.current();
          if (index.topic(m.id)) await this.actions.openNotes(m.id, host.panel.viewColumn);
        },
        setStatus: async (m) => {
          const index = await this.roadmaps.current();
          if (index.topic(m.id)) await this.progress.apply(index.roadmap.id, [{ kind: 'topic', id: m.id, status: m.status }]);
        },
        search: async (m) => {
          const ids = m.query.trim() ? await this.actions.search(m.query) : [];
          await this.host?.post({ type: 'matches', query: m.query, ids });
        },
        export: (m) => this.exportMap(undefined, m.format),
        exportData: (m) => {
          this.exports.get(m.requestId)?.(m);
          this.exports.delete(m.requestId);
        },
        rendered: (m) => {
          this.lastRendered = { version: m.version, stateVersion: m.stateVersion, nodes: m.nodes, painted: m.painted, nextTopics: m.nextTopics };
          this.renderedEmitter.fire(this.lastRendered);
        },
      },
      () => this.resend(),
      this.log,
    );
    this.host = host;
    host.onDidClose(() => {
      if (this.host === host) this.host = undefined;
    });
  }

  /** The layout of the current roadmap: the one kept, or a new one started (its bands are posted as they come). */
  async start(): Promise<Layout> {
    const index = await this.roadmaps.current();
    if (this.layout?.index === index) return this.layout;
    const graph = buildMapGraph(index.roadmap);
    const data: MapData = {
      title: index.roadmap.title,
      bands: graph.bands.map((b) => ({ id: b.id, number: b.number, title: b.title })),
      nodes: graph.nodes.map((n) => ({ id: n.id, title: n.title, band: n.band, ...(n.parent === undefined ? {} : { parent: n.parent }) })),
      edges: graph.edges,
      cycles: graph.cycles.slice(0, CYCLES_SHOWN),
      unknownPrerequisites: graph.unknownPrerequisites,
    };
    const layout: Layout = { index, graph, data, version: ++this.version, bands: [], done: false, finished: Promise.resolve() };
    this.layout = layout;
    if (this.host) this.host.panel.title = `Map: ${index.roadmap.title}`;
    if (this.host?.isReady) void this.postGraph(layout);
    layout.finished = this.run(layout).catch((e: Error) => this.log.error(`The map's layout failed: ${e.message}`));
    return layout;
  }

  private async run(layout: Layout) {
    const started = Date.now();
    const { layoutWithDagre } = await mapLayout();
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    for await (const band of layoutWithDagre(layout.graph, { pause, sliceMs: SLICE_MS })) {
      if (this.layout !== layout) return; // another roadmap came meanwhile
      layout.bands.push(band);
      if (this.host?.isReady) void this.host.post({ type: 'band', version: layout.version, band });
    }
    layout.done = true;
    layout.ms = Date.now() - started;
    this.log.info(`Map of ${layout.graph.nodes.length} topics laid out in ${layout.ms} ms.`);
    if (this.host?.isReady) void this.host.post({ type: 'laidOut', version: layout.version });
  }

  /** The page (re)loaded: everything it needs, in order. */
  private async resend() {
    const layout = await this.start();
    if (this.layout !== layout || !this.host) return;
    this.host.panel.title = `Map: ${layout.index.roadmap.title}`;
    // The graph, the bands laid out so far and the end, in one turn: a band the layout adds after
    // them is posted once, by run(). With an await between the graph and the bands, run() (or a
    // second resend) could post a band after the graph that this loop then sent again, and the
    // page drew those nodes twice (12 nodes for 6 in a CI run).
    void this.postGraph(layout);
    for (const band of layout.bands) void this.host.post({ type: 'band', version: layout.version, band });
    if (layout.done) void this.host.post({ type: 'laidOut', version: layout.version });
  }

  private postGraph(layout: Layout) {
    return this.host?.post({ type: 'graph', version: layout.version, data: layout.data, stateVersion: ++this.stateVersion, states: this.states(layout.index, layout.graph.nodes.map((n) => n.id)) });
  }

  private states(index: RoadmapIndex, ids: readonly string[]): StatePairs {
    return mapStates(index, this.progress.get(index.roadmap.id), ids, this.badgeSources);
  }

  private async sendAllStates() {
    const layout = this.layout;
    if (!layout || !this.host?.isReady) return;
    await this.host.post({ type: 'states', stateVersion: ++this.stateVersion, states: this.states(layout.index, layout.graph.nodes.map((n) => n.id)) });
  }

  /** A mark anywhere (tree, notes, map, command): only the nodes it touches are sent again. */
  private async onProgress(e: ProgressChange) {
    const layout = this.layout;
    if (!layout || !this.host?.isReady || e.roadmapId !== layout.index.roadmap.id) return;
    if (e.changes === 'all') return this.sendAllStates();
    // The page works out itself what depends on these (next topics, the status filter, the summary).
    const ids = nodesTouched(layout.index, e.changes);
    if (ids.length) await this.host.post({ type: 'states', stateVersion: ++this.stateVersion, states: this.states(layout.index, ids) });
  }

  /** Resolves when the page has drawn every node of the current layout (or after `ms`, to whatever it drew). */
  async whenDrawn(ms = 60_000): Promise<MapRendered | undefined> {
    const layout = await this.start();
    await layout.finished;
    const drawn = () => this.lastRendered && this.lastRendered.version === layout.version && this.lastRendered.nodes === layout.graph.nodes.length;
    if (drawn()) return this.lastRendered;
    return new Promise((resolve) => {
      const timer = setTimeout(() => (sub.dispose(), resolve(this.lastRendered)), ms);
      const sub = this.onDidRender(() => {
        if (!drawn()) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(this.lastRendered);
      });
    });
  }

  /**
   * Export Map: the picture as SVG (built here from the layout, in the theme's colours the page
   * reports) or PNG (drawn by the page). Returns true, the sentence that refused, or undefined
   * when the learner cancelled.
   */
  async exportMap(file?: vscode.Uri, format?: 'svg' | 'png'): Promise<true | string | undefined> {
    const fmt =
      format ??
      (
        await vscode.window.showQuickPick(
          [
            { label: 'SVG', description: 'a drawing that scales, for slides and the web', format: 'svg' as const },
            { label: 'PNG', description: 'an image', format: 'png' as const },
          ],
          { placeHolder: 'Export the map as' },
        )
      )?.format;
    if (!fmt) return undefined;
    if (!this.host) await this.show();
    const drawn = await this.whenDrawn();
    const layout = this.layout;
    if (!layout || !drawn || drawn.version !== layout.version) return this.refuse('The map is not drawn yet; try again when it is.');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      file ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${layout.index.roadmap.id}-map.${fmt}`) : undefined,
        filters: fmt === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
        saveLabel: 'Export Map',
        title: 'Export Map',
      }));
    if (!uri) return undefined;
    const reply = await this.requestExport(fmt);
    if (!reply) return this.refuse('The map did not answer; the export was stopped.');
    if (reply.error) return this.refuse(reply.error);
    let bytes: Uint8Array;
    if (fmt === 'svg') {
      const states = new Map(this.states(layout.index, layout.graph.nodes.map((n) => n.id)));
      const picture = mapPicture(layout.data, layout.bands, (id) => states.get(id) ?? { status: 'not-started', badges: [] });
      bytes = new TextEncoder().encode(mapSvg(picture, safePalette(reply.palette)));
    } else {
      const png = reply.png ? decodeBase64(reply.png) : undefined;
      if (!png || !isPng(png)) return this.refuse('The map did not give a PNG image; export it as SVG instead.');
      bytes = png;
    }
    await vscode.workspace.fs.writeFile(uri, bytes);
    void vscode.window.showInformationMessage(`Map exported to ${vscode.workspace.asRelativePath(uri)}.`);
    return true;
  }

  private refuse(sentence: string): string {
    void vscode.window.showErrorMessage(sentence);
    return sentence;
  }

  private requestExport(format: 'svg' | 'png'): Promise<Extract<FromMap, { type: 'exportData' }> | undefined> {
    const requestId = ++this.nextRequest;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.exports.delete(requestId);
        resolve(undefined);
      }, EXPORT_TIMEOUT_MS);
      this.exports.set(requestId, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      void this.host?.post({ type: 'exportRequest', requestId, format });
    });
  }
}

function decodeBase64(s: string): Uint8Array | undefined {
  try {
    const binary = atob(s);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (b: Uint8Array) => b.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((x, i) => b[i] === x);

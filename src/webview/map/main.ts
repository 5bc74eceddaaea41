// Front end of the map: draws the bands as the extension lays them out, paints each node's
// state, and answers the learner: click or Enter opens notes, the arrows walk the graph, letters
// mark, the toolbar asks questions and filters. It keeps only its view (zoom, pan, selection,
// filter) with setState; the roadmap and the states come from the extension.
import { edgeKey, isNextTopic, nextTopicIds, nextTopicsTouched, prerequisiteChain, unlockChain, type Chain } from '../../core/map/mapChains';
import { filterNodes, isFilterEmpty } from '../../core/map/mapFilter';
import { adjacencyOf, requiredBefore, type Adjacency } from '../../core/map/mapGraph';
import { MAP_KEYS, MapNavigator, type MapKey } from '../../core/map/mapNavigation';
import { nodeLabel } from '../../core/map/mapScene';
import { mapPicture } from '../../core/map/mapSvg';
import { STATUS_LABELS } from '../../core/progress/statusWords';
import type { Status } from '../../core/progress/progressModel';
import { announce } from '../shared/announce';
import { el } from '../shared/dom';
import '../shared/keepFocus';
import { vscodeApi } from '../shared/vscodeApi';
import { pngOf, readPalette } from './exportImage';
import { FILTER_STATUSES, isMapState, isToMap, MARK_MEASURES, type FromMap, type MapData, type MapNodeState, type MapState, type PlacedBand, type ToMap } from './protocol';
import { drawBand, drawEdge, drawNode, markers, paintNode, svg } from './svgDraw';
import { Viewport } from './viewport';

const vscode = vscodeApi<FromMap, MapState>();
const post = (m: FromMap) => vscode.postMessage(m);
const root = document.getElementById('root')!;
const saved = isMapState(vscode.getState()) ? vscode.getState() : undefined;

/** Letters that mark the focused topic, as the tree's context menu does. */
const MARK_KEYS: Record<string, Status> = { d: 'done', i: 'in-progress', s: 'skipped', n: 'not-started' };

// ---- the page --------------------------------------------------------------------------------
const button = (text: string, label: string, onClick: () => void, key?: string) => {
  const b = el('button', { text, cls: 'tool', attrs: { type: 'button', 'aria-label': label, title: label, ...(key ? { 'aria-keyshortcuts': key } : {}) } });
  b.addEventListener('click', onClick);
  return b;
};
const search = el('input', { attrs: { type: 'search', placeholder: 'Filter: search topics', 'aria-label': 'Filter topics by a search, as Go to Topic does' } });
const layerSelect = el('select', { attrs: { 'aria-label': 'Filter by layer' } });
const statusSelect = el('select', { attrs: { 'aria-label': 'Filter by status' } }, el('option', { text: 'Any status', attrs: { value: '' } }), ...FILTER_STATUSES.map((s) => el('option', { text: STATUS_LABELS[s], attrs: { value: s } })));
const follow = el('input', { attrs: { type: 'checkbox', id: 'follow' } });
const statusLine = el('p', { cls: 'status-line', attrs: { id: 'map-status' } });
const cycleLine = el('p', { cls: 'cycle-line', attrs: { role: 'note' } });
const surface = svg('svg', { class: 'surface', role: 'application', 'aria-roledescription': 'map', 'aria-describedby': 'map-keys map-status' });
const drawing = svg('g', { class: 'drawing' });
const layers = { bands: svg('g', { class: 'bands' }), edges: svg('g', { class: 'edges' }), nodes: svg('g', { class: 'nodes' }) };
drawing.append(layers.bands, layers.edges, layers.nodes);
surface.append(markers(), drawing);

const heading = el('h1', { cls: 'visually-hidden', text: 'Map' });
root.append(
  heading,
  el(
    'div',
    { cls: 'toolbar', attrs: { role: 'group', 'aria-label': 'Map tools' } },
    search,
    layerSelect,
    statusSelect,
    el('span', { cls: 'sep' }),
    button('Before', 'Before: what do I need before this? Highlights the prerequisite chain of the selected topic', () => highlight('before'), 'B'),
    button('Unlocks', 'Unlocks: what does this unlock? Highlights the topics that need the selected topic', () => highlight('unlocks'), 'U'),
    button('Next topics', 'Next topics: highlights the topics whose prerequisites are done', () => highlight('next'), 'X'),
    button('Clear', 'Clear the highlight', () => clearHighlight(), 'Escape'),
    el('span', { cls: 'sep' }),
    button('−', 'Zoom out', () => viewport.zoomBy(1 / 1.25), '-'),
    button('+', 'Zoom in', () => viewport.zoomBy(1.25), '+'),
    button('Fit', 'Fit the map to the window', () => fitAll(), '0'),
    button('100%', '100%: actual size, around the selected topic', () => actualSize(), '1'),
    el('label', { cls: 'follow' }, follow, el('span', { text: ' Follow selection' })),
    el('span', { cls: 'sep' }),
    button('SVG', 'Export the map as SVG', () => post({ type: 'export', format: 'svg' })),
    button('PNG', 'Export the map as PNG', () => post({ type: 'export', format: 'png' })),
  ),
  statusLine,
  cycleLine,
  el('p', { cls: 'keys', attrs: { id: 'map-keys' }, text: 'Keys: ↑ prerequisite (from a sub-topic, its topic), ↓ what it unlocks (from a topic with sub-topics, the first of them), ← → along the layer or the sub-topics, Page Up/Down other layers, Enter opens notes, D I S N mark done, in progress, skipped, not started, B before, U unlocks, X next topics, Esc clears, + − zoom, 0 fits, 1 is actual size.' }),
  el('div', { cls: 'canvas' }, surface),
);

// ---- what the page knows ---------------------------------------------------------------------
let version = -1;
let stateVersion = 0;
let data: MapData | undefined;
let adjacency: Adjacency = { prerequisites: new Map(), unlocks: new Map(), parents: new Map(), children: new Map(), needsParent: new Set() };
let bandIds: string[] = [];
const titles = new Map<string, string>();
const bandOfNode = new Map<string, number>();
const states = new Map<string, MapNodeState>();
const nodeEls = new Map<string, SVGGElement>();
const edgeEls: SVGPathElement[] = [];
const placedBands: PlacedBand[] = [];
const boxes = new Map<string, { band: number; x: number; y: number; w: number; h: number }>();
let laidOut = false;
let navigator: MapNavigator | undefined;
let selected: string | undefined = saved?.selected;
let mode: { kind: 'before' | 'unlocks' | 'next'; id?: string } | undefined;
const filter = { layers: saved?.layers ?? [], statuses: saved?.statuses ?? [], query: saved?.query ?? '', matches: undefined as string[] | undefined };
let visible: Set<string> | undefined;
/** While "Next topics" is highlighted: the ones it highlights, kept up to date mark by mark. */
let nextSet: Set<string> | undefined;
/** A mark key pressed on the map, until its state comes back: for the User Timing the bench reads. */
let markTiming: { id: string; key: number; arrived?: number } | undefined;
let restoredView = !!saved;

const viewport = new Viewport(surface, drawing, () => saveState());
if (saved) viewport.set(saved.zoom, saved.x, saved.y);
follow.checked = saved?.follow ?? true;
search.value = filter.query;
statusSelect.value = filter.statuses[0] ?? '';

const stateOf = (id: string): MapNodeState => states.get(id) ?? { status: 'not-started', badges: [] };

function labelOf(id: string): string {
  const b = bandOfNode.get(id);
  const band = b === undefined ? undefined : data?.bands[b];
  const s = stateOf(id);
  const parent = adjacency.parents.get(id);
  const subtopics = adjacency.children.get(id)?.length ?? 0;
  const base = nodeLabel({
    title: titles.get(id) ?? id,
    layer: band ? `Layer ${band.number}, ${band.title}` : '',
    status: s.status,
    badges: s.badges,
    // What it waits for (a sub-topic: its topic's prerequisites too) and what needs it, sub-topics apart.
    needs: requiredBefore(adjacency, id).length,
    unlocks: (adjacency.unlocks.get(id)?.length ?? 0) - subtopics,
    cycle: nodeEls.get(id)?.classList.contains('cycle') ?? false,
    parent: parent === undefined ? undefined : (titles.get(parent) ?? parent),
    subtopics,
  });
  return nodeEls.get(id)?.classList.contains('in-chain') ? `${base} Highlighted.` : base;
}

// ---- messages --------------------------------------------------------------------------------
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToMap(msg)) return console.warn('AI Roadmap: ignored a message the map does not understand', msg);
  void handle(msg);
});

async function handle(msg: ToMap) {
  switch (msg.type) {
    case 'graph':
      return startGraph(msg.version, msg.data, msg.stateVersion, msg.states);
    case 'band':
      if (msg.version === version) addBand(msg.band);
      return;
    case 'laidOut':
      if (msg.version === version) finishLayout();
      return;
    case 'states':
      if (markTiming) markTiming.arrived = performance.now();
      return applyStates(msg.stateVersion, msg.states);
    case 'select':
      if (follow.checked && nodeEls.has(msg.id)) select(msg.id, false);
      return;
    case 'matches':
      if (msg.query === filter.query) {
        filter.matches = msg.ids;
        applyFilter();
      }
      return;
    case 'exportRequest':
      return answerExport(msg.requestId, msg.format);
  }
}

function startGraph(v: number, d: MapData, sv: number, pairs: Array<[string, MapNodeState]>) {
  const sameRoadmap = data?.title === d.title && data.nodes.length === d.nodes.length;
  version = v;
  data = d;
  adjacency = adjacencyOf(d);
  bandIds = d.bands.map((b) => b.id);
  titles.clear();
  bandOfNode.clear();
  for (const n of d.nodes) {
    titles.set(n.id, n.title);
    bandOfNode.set(n.id, n.band);
  }
  states.clear();
  for (const [id, s] of pairs) states.set(id, s);
  stateVersion = sv;
  for (const layer of Object.values(layers)) layer.replaceChildren();
  nodeEls.clear();
  edgeEls.length = 0;
  placedBands.length = 0;
  boxes.clear();
  laidOut = false;
  navigator = undefined;
  if (!sameRoadmap) {
    mode = undefined;
    if (selected && !titles.has(selected)) selected = undefined;
  }
  document.title = `Map: ${d.title}`;
  heading.textContent = `Map of ${d.title}`;
  surface.setAttribute('aria-label', `Map of ${d.title}: ${counted(d)} in ${d.bands.length} layers`);
  layerSelect.replaceChildren(el('option', { text: 'All layers', attrs: { value: '' } }), ...d.bands.map((b) => el('option', { text: `${b.number}. ${b.title}`, attrs: { value: b.id } })));
  layerSelect.value = filter.layers.find((l) => bandIds.includes(l)) ?? '';
  cycleLine.textContent = d.cycles.length ? `Prerequisites form a cycle: ${d.cycles.map((c) => [...c, c[0]].map((id) => titles.get(id) ?? id).join(' → ')).join('; ')}. The cycle is drawn dashed.` : '';
  cycleLine.hidden = !d.cycles.length;
  statusLine.textContent = `Laying out ${counted(d)}…`;
  if (filter.query.trim()) post({ type: 'search', query: filter.query });
}

function addBand(band: PlacedBand) {
  // A band already drawn for this layout is not drawn again (its nodes would be there twice).
  if (!data || placedBands.some((b) => b.index === band.index)) return;
  placedBands.push(band);
  const info = data.bands[band.index];
  layers.bands.append(drawBand(band, info ? `${info.number}. ${info.title}` : '', band.index));
  const onCycle = new Set(band.edges.filter((e) => e.cycle).flatMap((e) => [e.from, e.to]));
  for (const e of band.edges) {
    const path = drawEdge(e);
    edgeEls.push(path);
    layers.edges.append(path);
    for (const id of [e.from, e.to]) if (onCycle.has(id)) nodeEls.get(id)?.classList.add('cycle');
  }
  for (const n of band.nodes) {
    const g = drawNode(n, titles.get(n.id) ?? n.id, onCycle.has(n.id), adjacency.parents.has(n.id));
    if (n.id === selected) g.classList.add('selected');
    nodeEls.set(n.id, g);
    boxes.set(n.id, { band: band.index, x: n.x, y: n.y, w: n.w, h: n.h });
    layers.nodes.append(g);
  }
  // Labels count prerequisites that may sit in later bands: painted once every node of this band exists.
  for (const n of band.nodes) paintNode(nodeEls.get(n.id)!, stateOf(n.id), labelOf(n.id));
  navigator = undefined;
  stretchBands();
  if (band.index === 0 && !restoredView) viewport.fitWidth(bounds());
  statusLine.textContent = `Laying out ${counted(data)}: layer ${band.index + 1} of ${data.bands.length} drawn…`;
  applyFilter(false);
  if (mode) applyHighlight(false);
  updateRoving();
  rendered();
}

function finishLayout() {
  laidOut = true;
  if (!restoredView) viewport.fitWidth(bounds());
  restoredView = true;
  updateRoving();
  if (selected && nodeEls.has(selected)) viewport.reveal(boxes.get(selected)!);
  statusLine.textContent = summary();
  rendered();
}

function summary() {
  if (!data) return '';
  const done = data.nodes.filter((n) => stateOf(n.id).status === 'done').length;
  const unknown = data.unknownPrerequisites ? ` ${data.unknownPrerequisites} prerequisite${data.unknownPrerequisites === 1 ? ' names' : 's name'} no topic and ${data.unknownPrerequisites === 1 ? 'is' : 'are'} left out.` : '';
  const shown = visible ? ` ${visible.size} shown by the filter.` : '';
  return `${counted(data)} in ${data.bands.length} layers, ${done} done.${shown}${unknown}`;
}

/** "12 topics", or "12 topics and 5 sub-topics" when there are any. */
function counted(d: MapData): string {
  const subs = d.nodes.filter((n) => n.parent !== undefined).length;
  const topics = d.nodes.length - subs;
  return `${topics} topic${topics === 1 ? '' : 's'}${subs ? ` and ${subs} sub-topic${subs === 1 ? '' : 's'}` : ''}`;
}

/**
 * The states of some nodes (after a mark, only the nodes it touched): those nodes are painted
 * again, nothing is laid out or drawn anew, and what depends on a status is brought up to date:
 * the next topics re-checked around the changed nodes alone, the status filter, the summary.
 */
function applyStates(sv: number, pairs: Array<[string, MapNodeState]>) {
  if (sv <= stateVersion) return;
  stateVersion = sv;
  for (const [id, s] of pairs) {
    const before = states.get(id)?.status;
    states.set(id, s);
    const g = nodeEls.get(id);
    if (g) paintNode(g, s, labelOf(id));
    if (pairs.length === 1 && before !== s.status && id === selected) announce(`${titles.get(id)}: ${STATUS_LABELS[s.status]}`);
  }
  if (filter.statuses.length) applyFilter(false);
  if (nextSet) updateNextTopics(pairs.map(([id]) => id));
  if (laidOut) statusLine.textContent = summary();
  const timing = markTiming && pairs.some(([id]) => id === markTiming!.id) ? markTiming : undefined;
  if (timing) markTiming = undefined;
  rendered(pairs.length, (frame) => timing && measureMark(timing, frame));
}

/** The key's event to the frame that draws its state, and to the state's arrival (the round trip through the extension and the store). */
function measureMark(t: { key: number; arrived?: number }, frame: number) {
  performance.clearMeasures(MARK_MEASURES.toFrame);
  performance.clearMeasures(MARK_MEASURES.toMessage);
  performance.measure(MARK_MEASURES.toFrame, { start: t.key, end: frame });
  if (t.arrived !== undefined) performance.measure(MARK_MEASURES.toMessage, { start: t.key, end: t.arrived });
}

/** Tells the extension what is drawn, once the browser has had a frame to paint it; after states, how many nodes were painted and how many next topics there are now. */
function rendered(painted?: number, onFrame?: (frame: number) => void) {
  const report = () => {
    const nextTopics = painted === undefined || !data ? undefined : nextTopicIds(data.nodes.map((n) => n.id), adjacency, (id) => stateOf(id).status).length;
    post({ type: 'rendered', version, stateVersion, nodes: nodeEls.size, painted, nextTopics });
  };
  if (document.hidden) report();
  else
    requestAnimationFrame((frame) => {
      onFrame?.(frame);
      setTimeout(report, 0);
    });
}

// ---- geometry --------------------------------------------------------------------------------
function bounds() {
  const width = Math.max(0, ...placedBands.map((b) => b.width));
  const bottom = Math.max(0, ...placedBands.map((b) => b.y + b.height));
  return { x: -width / 2, y: 0, w: Math.max(width, 1), h: Math.max(bottom, 1) };
}

/** Every band's background as wide as the widest band so far. */
function stretchBands() {
  const { x, w } = bounds();
  for (const rect of layers.bands.querySelectorAll('.band-box')) {
    rect.setAttribute('x', String(x));
    rect.setAttribute('width', String(w));
  }
  for (const t of layers.bands.querySelectorAll('.band-title')) t.setAttribute('x', String(x + 16));
}

function fitAll() {
  viewport.fit(bounds());
}

/** Zoom 100 %, the selected topic (or the top of the map) in view. */
function actualSize() {
  const box = selected ? boxes.get(selected) : undefined;
  viewport.zoomBy(1 / viewport.zoom);
  if (box) viewport.reveal(box);
  else viewport.fitWidth({ ...bounds(), w: Math.min(bounds().w, 1) });
}

// ---- selection and keys ----------------------------------------------------------------------
function nav(): MapNavigator {
  navigator ??= new MapNavigator(
    [...boxes].map(([id, b]) => ({ id, ...b })),
    adjacency,
    visible,
  );
  return navigator;
}

/** One node is in the Tab order: the selected one, else the first. */
function updateRoving() {
  const target = selected && nodeEls.has(selected) && (!visible || visible.has(selected)) ? selected : nav().first();
  for (const g of layers.nodes.querySelectorAll('.node[tabindex="0"]')) if ((g as SVGGElement).dataset.id !== target) g.setAttribute('tabindex', '-1');
  if (target) nodeEls.get(target)?.setAttribute('tabindex', '0');
}

function select(id: string, focus: boolean) {
  const g = nodeEls.get(id);
  if (!g) return;
  if (selected) nodeEls.get(selected)?.classList.remove('selected');
  selected = id;
  g.classList.add('selected');
  updateRoving();
  viewport.reveal(boxes.get(id)!);
  if (focus) g.focus({ preventScroll: true });
  saveState();
}

function nodeOf(target: EventTarget | null): string | undefined {
  return ((target as Element | null)?.closest?.('.node') as SVGGElement | null)?.dataset.id;
}

surface.addEventListener('click', (e) => {
  const id = nodeOf(e.target);
  if (!id) return;
  select(id, true);
  post({ type: 'open', id });
});

surface.addEventListener('focusin', (e) => {
  const id = nodeOf(e.target);
  if (id && id !== selected) select(id, false);
});

surface.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const id = nodeOf(e.target) ?? selected;
  if ((MAP_KEYS as readonly string[]).includes(e.key)) {
    e.preventDefault();
    const to = id ? nav().move(id, e.key as MapKey) : nav().first();
    if (to) select(to, true);
    else announce(e.key === 'ArrowUp' ? 'No prerequisite here.' : e.key === 'ArrowDown' ? 'This unlocks nothing shown.' : id && nav().inSubtopics(id) ? 'The end of the sub-topics.' : 'The end of the layer.');
    return;
  }
  const key = e.key.toLowerCase();
  if ((e.key === 'Enter' || e.key === ' ') && id) {
    e.preventDefault();
    post({ type: 'open', id });
  } else if (Object.hasOwn(MARK_KEYS, key) && id) {
    e.preventDefault();
    markTiming = { id, key: e.timeStamp };
    post({ type: 'setStatus', id, status: MARK_KEYS[key] });
  } else if (key === 'b') highlight('before');
  else if (key === 'u') highlight('unlocks');
  else if (key === 'x') highlight('next');
  else if (e.key === 'Escape') clearHighlight();
  else if (e.key === '+' || e.key === '=') viewport.zoomBy(1.25);
  else if (e.key === '-') viewport.zoomBy(1 / 1.25);
  else if (e.key === '0') fitAll();
  else if (e.key === '1') actualSize();
  else return;
  e.preventDefault();
});

// ---- questions: chains and next topics --------------------------------------------------------
function highlight(kind: 'before' | 'unlocks' | 'next') {
  if (kind !== 'next' && !selected) return announce('Select a topic first: click it, or move to it with the arrow keys.');
  mode = { kind, id: kind === 'next' ? undefined : selected };
  applyHighlight(true);
}

function clearHighlight() {
  if (!mode) return;
  mode = undefined;
  applyHighlight(true);
}

function applyHighlight(speak: boolean) {
  let chain: Chain | undefined;
  nextSet = undefined;
  if (mode?.kind === 'before' && mode.id) chain = prerequisiteChain(adjacency, mode.id);
  else if (mode?.kind === 'unlocks' && mode.id) chain = unlockChain(adjacency, mode.id);
  else if (mode?.kind === 'next') {
    nextSet = new Set(nextTopicIds(data?.nodes.map((n) => n.id) ?? [], adjacency, (id) => stateOf(id).status));
    chain = { nodes: nextSet, edges: new Set() };
  }
  surface.classList.toggle('highlighting', !!chain);
  for (const [id, g] of nodeEls) {
    const inChain = !!chain?.nodes.has(id);
    const changed = g.classList.contains('in-chain') !== inChain;
    g.classList.toggle('in-chain', inChain);
    g.classList.toggle('chain-root', !!mode?.id && id === mode.id);
    if (changed) g.setAttribute('aria-label', labelOf(id));
  }
  for (const p of edgeEls) {
    const inChain = !!chain?.edges.has(edgeKey(p.dataset.from!, p.dataset.to!));
    p.classList.toggle('in-chain', inChain);
    if (!p.classList.contains('part')) p.setAttribute('marker-end', `url(#${inChain ? 'arrow-chain' : p.classList.contains('cycle') ? 'arrow-cycle' : 'arrow'})`);
  }
  if (!speak) return;
  if (!mode || !chain) return announce('Highlight cleared.');
  const title = mode.id ? titles.get(mode.id) : undefined;
  const n = chain.nodes.size - (mode.id ? 1 : 0);
  const count = `${n} topic${n === 1 ? '' : 's'}`;
  announce(mode.kind === 'before' ? `${title} needs ${count} before it; they are highlighted.` : mode.kind === 'unlocks' ? `${title} unlocks ${count}; they are highlighted.` : `${count} to study next; they are highlighted.`);
}

/** Next topics after a mark: only the changed nodes and what waits for them are checked and repainted (core/map/mapChains). */
function updateNextTopics(changed: readonly string[]) {
  for (const id of nextTopicsTouched(adjacency, changed)) {
    const g = nodeEls.get(id);
    if (!nextSet || !g) continue;
    const inChain = isNextTopic(adjacency, id, (x) => stateOf(x).status);
    if (inChain === nextSet.has(id)) continue;
    if (inChain) nextSet.add(id);
    else nextSet.delete(id);
    g.classList.toggle('in-chain', inChain);
    g.setAttribute('aria-label', labelOf(id));
  }
}

// ---- filter ----------------------------------------------------------------------------------
let searchTimer: number | undefined;
search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => {
    filter.query = search.value;
    if (!search.value.trim()) {
      filter.matches = undefined;
      applyFilter();
    } else post({ type: 'search', query: search.value });
    saveState();
  }, 200);
});
layerSelect.addEventListener('change', () => {
  filter.layers = layerSelect.value ? [layerSelect.value] : [];
  applyFilter();
});
statusSelect.addEventListener('change', () => {
  filter.statuses = statusSelect.value ? [statusSelect.value as Status] : [];
  applyFilter();
});
follow.addEventListener('change', () => saveState());

function applyFilter(speak = true) {
  if (!data) return;
  const f = { layers: filter.layers, statuses: filter.statuses, matches: filter.query.trim() ? filter.matches : undefined };
  visible = isFilterEmpty(f) ? undefined : new Set(filterNodes(data.nodes, bandIds, (id) => stateOf(id).status, f));
  for (const [id, g] of nodeEls) g.classList.toggle('filtered-out', !!visible && !visible.has(id));
  for (const p of edgeEls) p.classList.toggle('filtered-out', !!visible && !(visible.has(p.dataset.from!) && visible.has(p.dataset.to!)));
  navigator = undefined;
  updateRoving();
  if (laidOut) statusLine.textContent = summary();
  if (speak) announce(visible ? `${visible.size} topic${visible.size === 1 ? '' : 's'} shown.` : 'Every topic shown.');
  saveState();
}

// ---- export ----------------------------------------------------------------------------------
async function answerExport(requestId: number, format: 'svg' | 'png') {
  const palette = readPalette();
  if (format === 'svg' || !data) return post({ type: 'exportData', requestId, palette, png: undefined, error: data ? undefined : 'The map is not drawn yet.' });
  try {
    const png = await pngOf(mapPicture(data, placedBands, stateOf), palette);
    post({ type: 'exportData', requestId, palette, png, error: undefined });
  } catch (e) {
    post({ type: 'exportData', requestId, palette, png: undefined, error: (e as Error).message || 'The PNG could not be drawn; export the map as SVG instead.' });
  }
}

// ---- state -----------------------------------------------------------------------------------
let saveTimer: number | undefined;
function saveState() {
  clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => vscode.setState({ zoom: viewport.zoom, x: viewport.x, y: viewport.y, follow: follow.checked, selected, layers: filter.layers, statuses: filter.statuses, query: filter.query }), 150);
}

// Announce readiness only now, so the extension never posts into a page that is not listening.
post({ type: 'ready' });

// The map's SVG elements: bands, edges and nodes, built from the shared scene description
// (core/map/mapScene), every text through textContent.
import { edgePath, NODE_TEXT, nodeTitleLines, STATUS_ICON, statusLine, statusY } from '../../core/map/mapScene';
import type { MapNodeState, PlacedEdge, PlacedNode } from './protocol';

const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Array<Node | undefined>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) if (c) el.append(c);
  return el;
}

function text(tag: 'text' | 'tspan', attrs: Record<string, string | number>, content: string) {
  const el = svg(tag, attrs);
  el.textContent = content;
  return el;
}

/** Arrow heads for plain, cycle and highlighted edges (a marker does not take its path's colour). */
export function markers(): SVGDefsElement {
  const head = (id: string, cls: string) =>
    svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M0 0 L10 5 L0 10 Z', class: cls }));
  return svg('defs', {}, head('arrow', 'arrow-head'), head('arrow-cycle', 'arrow-head cycle'), head('arrow-chain', 'arrow-head chain'));
}

export function drawBand(band: { x: number; y: number; width: number; height: number }, name: string, index: number): SVGGElement {
  return svg(
    'g',
    { class: 'band', 'data-band': index },
    svg('rect', { class: 'band-box', x: band.x, y: band.y, width: band.width, height: band.height, rx: 8 }),
    text('text', { class: 'band-title', x: band.x + 16, y: band.y + 26 }, name),
  );
}

export function drawEdge(e: PlacedEdge): SVGPathElement {
  // A topic's link to its sub-topic has no arrow: it is no prerequisite.
  if (e.part) return svg('path', { class: 'edge part', d: edgePath(e), 'data-from': e.from, 'data-to': e.to, 'aria-hidden': 'true' });
  return svg('path', { class: `edge${e.cycle ? ' cycle' : ''}`, d: edgePath(e), 'data-from': e.from, 'data-to': e.to, 'marker-end': `url(#${e.cycle ? 'arrow-cycle' : 'arrow'})`, 'aria-hidden': 'true' });
}

export function drawNode(n: PlacedNode, title: string, cycle: boolean, sub: boolean): SVGGElement {
  const wrapped = nodeTitleLines(title, sub);
  // A space ends each line but the last, so the node's text reads as its title (speech input, copying).
  const lines = wrapped.map((line, i) => text('tspan', { x: NODE_TEXT.x, y: NODE_TEXT.firstLine + i * NODE_TEXT.lineHeight }, i < wrapped.length - 1 ? `${line} ` : line));
  const g = svg(
    'g',
    {
      class: `node${cycle ? ' cycle' : ''}${sub ? ' subtopic' : ''}`,
      transform: `translate(${n.x} ${n.y})`,
      'data-id': n.id,
      tabindex: -1,
      role: 'button',
      'aria-roledescription': sub ? 'sub-topic' : 'topic',
      // The same marks as the tree, from its context menu (package.json, webview/context).
      'data-vscode-context': JSON.stringify({ webviewSection: 'topic', topicId: n.id, preventDefaultContextMenuItems: true }),
    },
    svg('rect', { class: 'node-box', width: n.w, height: n.h, rx: sub ? 12 : 6 }),
    svg('g', { class: 'icon', transform: `translate(${NODE_TEXT.iconX} ${NODE_TEXT.iconY})`, 'aria-hidden': 'true' }, svg('circle', { class: 'icon-ring', cx: 8, cy: 8, r: 6 }), svg('path', { class: 'icon-fill' }), svg('path', { class: 'icon-mark' })),
    svg('text', { class: 'node-title', 'aria-hidden': 'true' }, ...lines),
    text('text', { class: 'node-status', x: NODE_TEXT.x, y: statusY(wrapped.length), 'aria-hidden': 'true' }, ''),
  );
  return g;
}

const STATUS_CLASSES = ['status-not-started', 'status-in-progress', 'status-done', 'status-skipped'];

/** Draws a node's state: its class (colours), its symbol and the words under its title. */
export function paintNode(g: SVGGElement, state: MapNodeState, label: string): void {
  g.classList.remove(...STATUS_CLASSES);
  g.classList.add(`status-${state.status}`);
  g.classList.toggle('verified', state.badges.some((b) => b.kind === 'verified'));
  const icon = STATUS_ICON[state.status];
  g.querySelector('.icon-fill')!.setAttribute('d', icon.fill ?? '');
  g.querySelector('.icon-mark')!.setAttribute('d', icon.mark ?? '');
  // The leading space (not drawn) keeps the title's last word and the status apart in the node's text.
  g.querySelector('.node-status')!.textContent = ` ${statusLine(state.status, state.badges)}`;
  g.setAttribute('aria-label', label);
}

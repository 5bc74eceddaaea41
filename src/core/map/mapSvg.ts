import type { Status } from '../progress/progressModel';
import type { PlacedBand, PlacedEdge } from './mapLayout';
import { edgePath, NODE_TEXT, nodeTitleLines, STATUS_ICON, statusLine, statusY } from './mapScene';
import type { MapBadge } from './mapStates';

/**
 * The map as a stand-alone SVG file, for a portfolio or a slide: the same picture as the panel,
 * in the colours of the theme it was exported from, with no script, no link and no external
 * resource (a generic font, and the arrow head defined inside).
 */
export interface MapPicture {
  title: string;
  bands: Array<{ number: number; title: string; x: number; y: number; width: number; height: number }>;
  /** `sub`: a sub-topic, drawn smaller and hung below its topic. */
  nodes: Array<{ title: string; x: number; y: number; w: number; h: number; status: Status; badges: readonly MapBadge[]; cycle: boolean; sub?: boolean }>;
  edges: Array<Pick<PlacedEdge, 'points' | 'curve' | 'cycle' | 'part'>>;
}

export const PALETTE_KEYS = ['background', 'foreground', 'description', 'bandBackground', 'bandBorder', 'nodeBackground', 'nodeBorder', 'edge', 'cycle', 'notStarted', 'inProgress', 'done', 'skipped'] as const;
export type MapPalette = Record<(typeof PALETTE_KEYS)[number], string>;

/** Used for any colour that is missing or not a plain colour value. */
export const DEFAULT_PALETTE: MapPalette = {
  background: '#ffffff', foreground: '#1f1f1f', description: '#616161', bandBackground: '#f3f3f3', bandBorder: '#d4d4d4',
  nodeBackground: '#ffffff', nodeBorder: '#8a8a8a', edge: '#8a8a8a', cycle: '#c72e0f',
  notStarted: '#616161', inProgress: '#bf8803', done: '#388a34', skipped: '#8a8a8a',
};

/** A colour the export may write into an attribute: hex, rgb() or rgba() only, so nothing else can slip in. */
export function isPlainColour(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && /^(#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+%?\s*)?\))$/.test(v);
}

/** The palette with every unusable value replaced by the default's. */
export function safePalette(p: Partial<Record<string, unknown>> | undefined): MapPalette {
  const out = { ...DEFAULT_PALETTE };
  for (const k of PALETTE_KEYS) {
    const v = p && Object.hasOwn(p, k) ? p[k] : undefined;
    if (isPlainColour(v)) out[k] = v;
  }
  return out;
}

const STATUS_COLOUR: Record<Status, keyof MapPalette> = { 'not-started': 'notStarted', 'in-progress': 'inProgress', done: 'done', skipped: 'skipped' };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n1 = (v: number) => String(Math.round(v * 10) / 10);
const MARGIN = 24;

export function mapSvg(picture: MapPicture, palette: MapPalette): string {
  const width = Math.max(0, ...picture.bands.map((b) => b.width));
  const minX = -width / 2 - MARGIN;
  const maxY = Math.max(0, ...picture.bands.map((b) => b.y + b.height));
  const vw = width + 2 * MARGIN;
  const vh = maxY + 2 * MARGIN;
  const c = palette;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n1(vw)}" height="${n1(vh)}" viewBox="${n1(minX)} ${-MARGIN} ${n1(vw)} ${n1(vh)}" font-family="sans-serif" role="img">`,
    `<title>${escapeXml(picture.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 Z" fill="${c.edge}"/></marker>`,
    `<marker id="arrow-cycle" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 Z" fill="${c.cycle}"/></marker></defs>`,
    `<rect x="${n1(minX)}" y="${-MARGIN}" width="${n1(vw)}" height="${n1(vh)}" fill="${c.background}"/>`,
  );
  for (const b of picture.bands) {
    out.push(
      `<rect x="${n1(-width / 2)}" y="${n1(b.y)}" width="${n1(width)}" height="${n1(b.height)}" rx="8" fill="${c.bandBackground}" stroke="${c.bandBorder}"/>`,
      `<text x="${n1(-width / 2 + 16)}" y="${n1(b.y + 26)}" font-size="15" font-weight="bold" fill="${c.foreground}">${escapeXml(`${b.number}. ${b.title}`)}</text>`,
    );
  }
  for (const e of picture.edges) {
    // A topic to its sub-topic: a dotted link with no arrow (it is no prerequisite).
    if (e.part) out.push(`<path d="${edgePath(e)}" fill="none" stroke="${c.edge}" stroke-width="1.3" stroke-dasharray="2 3"/>`);
    else out.push(`<path d="${edgePath(e)}" fill="none" stroke="${e.cycle ? c.cycle : c.edge}" stroke-width="1.3"${e.cycle ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#${e.cycle ? 'arrow-cycle' : 'arrow'})"/>`);
  }
  for (const n of picture.nodes) {
    const colour = c[STATUS_COLOUR[n.status]];
    const icon = STATUS_ICON[n.status];
    const wrapped = nodeTitleLines(n.title, !!n.sub);
    const lines = wrapped.map((l, i) => `<tspan x="${NODE_TEXT.x}" y="${NODE_TEXT.firstLine + i * NODE_TEXT.lineHeight}">${escapeXml(i < wrapped.length - 1 ? `${l} ` : l)}</tspan>`).join('');
    out.push(
      `<g transform="translate(${n1(n.x)} ${n1(n.y)})">`,
      `<rect width="${n.w}" height="${n.h}" rx="${n.sub ? 12 : 6}" fill="${c.nodeBackground}" stroke="${n.cycle ? c.cycle : colour}" stroke-width="${n.status === 'not-started' ? 1 : 2}"${n.cycle ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<g transform="translate(${NODE_TEXT.iconX} ${NODE_TEXT.iconY})"><circle cx="8" cy="8" r="6" fill="none" stroke="${colour}" stroke-width="1.5"/>`,
      icon.fill ? `<path d="${icon.fill}" fill="${colour}"/>` : '',
      icon.mark ? `<path d="${icon.mark}" fill="none" stroke="${n.status === 'done' ? c.nodeBackground : colour}" stroke-width="1.6"/>` : '',
      `</g><text font-size="12" fill="${c.foreground}">${lines}</text>`,
      `<text x="${NODE_TEXT.x}" y="${statusY(wrapped.length)}" font-size="11" fill="${c.description}">${escapeXml(statusLine(n.status, n.badges))}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** What the picture needs of the roadmap: its names. */
export interface PictureSource {
  title: string;
  bands: ReadonlyArray<{ number: number; title: string }>;
  nodes: ReadonlyArray<{ id: string; title: string; parent?: string }>;
}

/** The picture of a laid-out map in its current states, for mapSvg. */
export function mapPicture(source: PictureSource, placed: readonly PlacedBand[], stateOf: (id: string) => { status: Status; badges: readonly MapBadge[] }): MapPicture {
  const titles = new Map(source.nodes.map((n) => [n.id, n.title]));
  const subs = new Set(source.nodes.filter((n) => n.parent !== undefined).map((n) => n.id));
  const onCycle = new Set(placed.flatMap((b) => b.edges.filter((e) => e.cycle).flatMap((e) => [e.from, e.to])));
  return {
    title: source.title,
    bands: placed.map((b) => ({ number: source.bands[b.index]?.number ?? b.index + 1, title: source.bands[b.index]?.title ?? '', x: b.x, y: b.y, width: b.width, height: b.height })),
    nodes: placed.flatMap((b) => b.nodes.map((n) => ({ title: titles.get(n.id) ?? n.id, x: n.x, y: n.y, w: n.w, h: n.h, ...stateOf(n.id), cycle: onCycle.has(n.id), ...(subs.has(n.id) ? { sub: true } : {}) }))),
    edges: placed.flatMap((b) => b.edges),
  };
}

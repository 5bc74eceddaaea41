import type { Status } from '../progress/progressModel';
import { STATUS_LABELS } from '../progress/statusWords';
import type { PlacedEdge } from './mapLayout';
import type { MapBadge } from './mapStates';

/**
 * What a node and an edge look like, shared by the map's page (which draws them as SVG
 * elements) and the export (which writes the same picture as SVG text): the title's lines, the
 * status symbol, the words under the title, an edge's path.
 */
export const TITLE_CHARS = 30;
/** A topic's node is this wide; a sub-topic's is narrower, its title wrapped at fewer characters. */
export const NODE_W = 240;
export const SUB_W = 190;
export const SUB_TITLE_CHARS = 23;
/** Enough for every title of the built-in roadmap whole; a longer one ends in "…". */
export const TITLE_LINES = 4;
/** Positions inside a node (its top-left is 0, 0). */
export const NODE_TEXT = { x: 34, firstLine: 22, lineHeight: 15, iconX: 10, iconY: 9 } as const;

/** Where the status words sit under `lines` lines of title. */
export function statusY(lines: number): number {
  return NODE_TEXT.firstLine + Math.max(1, lines) * NODE_TEXT.lineHeight + 2;
}

export const nodeWidth = (sub: boolean) => (sub ? SUB_W : NODE_W);

/** A node's title in lines: a topic's at TITLE_CHARS, a sub-topic's at SUB_TITLE_CHARS. */
export const nodeTitleLines = (title: string, sub: boolean) => wrapTitle(title, sub ? SUB_TITLE_CHARS : TITLE_CHARS);

/** A node's height: its title's lines and the status words under them. */
export function nodeHeight(title: string, sub = false): number {
  return statusY(nodeTitleLines(title, sub).length) + 10;
}

/** Word-wraps a title into at most `lines` lines of about `chars` characters; the last ends in "…" when cut. */
export function wrapTitle(title: string, chars = TITLE_CHARS, lines = TITLE_LINES): string[] {
  const words = title.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  let cut = false;
  for (const w of words) {
    const word = w.length > chars ? `${w.slice(0, chars - 1)}…` : w;
    const longer = line ? `${line} ${word}` : word;
    if (longer.length <= chars) {
      line = longer;
      continue;
    }
    out.push(line);
    if (out.length === lines) {
      cut = true;
      break;
    }
    line = word;
  }
  if (!cut && line) out.push(line);
  if (cut) {
    const last = out[lines - 1];
    out[lines - 1] = `${last.length >= chars ? last.slice(0, chars - 1) : last}…`;
  }
  return out;
}

/**
 * The status symbol in a 16 px box: an outline circle for every status, plus a filled half
 * (in progress), a filled disc with a check (done) or a slash (skipped). The shape differs,
 * not only the colour.
 */
export const STATUS_ICON: Record<Status, { fill?: string; mark?: string }> = {
  'not-started': {},
  'in-progress': { fill: 'M8 2 A6 6 0 0 1 8 14 Z' },
  done: { fill: 'M8 2 A6 6 0 1 1 7.99 2 Z', mark: 'M5 8.3 L7.1 10.4 L11.2 6' },
  skipped: { mark: 'M4.2 11.8 L11.8 4.2' },
};

/** A few kinds of badge have a symbol; any other kind gets the generic one, and always its words. */
export const BADGE_SYMBOLS: Record<string, string> = { verified: '✔', quizzed: '?', 'reviews-due': '↻' };

export function badgeSymbol(kind: string): string {
  return Object.hasOwn(BADGE_SYMBOLS, kind) ? BADGE_SYMBOLS[kind] : '•';
}

/** The words under a node's title: its status and its badges. */
export function statusLine(status: Status, badges: readonly MapBadge[]): string {
  return [STATUS_LABELS[status], ...badges.map((b) => `${badgeSymbol(b.kind)} ${b.label}`)].join(' · ');
}

/**
 * The name a screen reader gives a node: title, state, where it stands (a sub-topic names its
 * topic), and how it connects (a topic counts its sub-topics).
 */
export function nodeLabel(n: { title: string; layer: string; status: Status; badges: readonly MapBadge[]; needs: number; unlocks: number; cycle: boolean; parent?: string; subtopics?: number }): string {
  const badges = n.badges.map((b) => `, ${b.label}`).join('');
  const links = `needs ${n.needs} topic${n.needs === 1 ? '' : 's'}, unlocks ${n.unlocks}`;
  const place = n.parent === undefined ? n.layer : `Sub-topic of ${n.parent}, ${n.layer}`;
  const subs = n.subtopics ? `, ${n.subtopics} sub-topic${n.subtopics === 1 ? '' : 's'}` : '';
  return `${n.title}. ${STATUS_LABELS[n.status]}${badges}. ${place}; ${links}${subs}.${n.cycle ? ' On a prerequisite cycle.' : ''}`;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** An edge's SVG path: the library's polyline, or the cubic curve drawn between bands. */
export function edgePath(edge: Pick<PlacedEdge, 'points' | 'curve'>): string {
  const p = edge.points;
  if (p.length === 0) return '';
  if (edge.curve && p.length === 4) return `M${r1(p[0].x)} ${r1(p[0].y)} C${r1(p[1].x)} ${r1(p[1].y)} ${r1(p[2].x)} ${r1(p[2].y)} ${r1(p[3].x)} ${r1(p[3].y)}`;
  return p.map((q, i) => `${i ? 'L' : 'M'}${r1(q.x)} ${r1(q.y)}`).join(' ');
}

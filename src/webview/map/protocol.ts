/**
 * The map panel's messages, both ways, and the state its page keeps. Both sides import this
 * file; each checks what it receives with the guards derived from these descriptions.
 */
import { isStatus, STATUSES, type Status } from '../../core/progress/progressModel';
import type { MapEdge, MapNode } from '../../core/map/mapGraph';
import type { PlacedBand } from '../../core/map/mapLayout';
import type { MapNodeState } from '../../core/map/mapStates';
import { isId, isNumber, isStringUpTo, messageGuard, objectGuard, oneOf, type Check, type MessageOf } from '../../core/util/messageSchema';

export type { PlacedBand, PlacedEdge, PlacedNode } from '../../core/map/mapLayout';
export type { MapNodeState } from '../../core/map/mapStates';

/** What the page is told of the roadmap before the layout: enough to name, filter and walk it. */
export interface MapData {
  title: string;
  bands: Array<{ id: string; number: number; title: string }>;
  /** `parent`: a sub-topic's topic. */
  nodes: Array<Pick<MapNode, 'id' | 'title' | 'band' | 'parent'>>;
  edges: MapEdge[];
  /** The first few cycles, each as node ids. */
  cycles: string[][];
  unknownPrerequisites: number;
}

/** Node states as [id, state] pairs: ids never become object keys. */
export type StatePairs = Array<[string, MapNodeState]>;

const isArrayOf = <T>(check: (v: unknown) => boolean) => ((v: unknown) => Array.isArray(v) && v.every(check)) as Check<T[]>;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const isMapData: Check<MapData> = (v): v is MapData => isObject(v) && typeof v.title === 'string' && Array.isArray(v.bands) && Array.isArray(v.nodes) && Array.isArray(v.edges) && Array.isArray(v.cycles);
const isPlacedBand: Check<PlacedBand> = (v): v is PlacedBand => isObject(v) && isNumber(v.index) && isNumber(v.y) && Array.isArray(v.nodes) && Array.isArray(v.edges);
const isStatePairs: Check<StatePairs> = isArrayOf<[string, MapNodeState]>((p) => Array.isArray(p) && p.length === 2 && isId(p[0]) && isObject(p[1]) && isStatus(p[1].status) && Array.isArray(p[1].badges));
const isIds: Check<string[]> = isArrayOf<string>(isId);
const isOptionalNumber = (v: unknown): v is number | undefined => v === undefined || isNumber(v);
const isBoolean: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
const isFormat = oneOf('svg', 'png');
/** The theme's colours as the page resolved them; the extension keeps only plain colour values (mapSvg.safePalette). */
const isPalette: Check<Record<string, string>> = (v): v is Record<string, string> => isObject(v) && Object.keys(v).length <= 40 && Object.values(v).every((x) => typeof x === 'string' && x.length < 100);
/** A PNG as base64, up to about 60 MB of image. */
export const MAX_PNG_BASE64 = 80_000_000;

const fromMap = {
  ready: {},
  open: { id: isId },
  setStatus: { id: isId, status: isStatus },
  /** The same search as Go to Topic; the answer comes back as `matches`. */
  search: { query: isStringUpTo(200) },
  /** The export buttons: the extension asks where to save, then for the picture. */
  export: { format: isFormat },
  /** The answer to `exportRequest`: the theme's colours, and for a PNG the image (or why there is none). */
  exportData: { requestId: isNumber, palette: isPalette, png: (v: unknown): v is string | undefined => v === undefined || isStringUpTo(MAX_PNG_BASE64)(v), error: (v: unknown): v is string | undefined => v === undefined || isStringUpTo(500)(v) },
  /**
   * The page drew a layout version and a state version: for the tests and the bench. After
   * states: how many nodes it painted again (a mark's delta: the nodes it touched) and how many
   * next topics its states give.
   */
  rendered: { version: isNumber, stateVersion: isNumber, nodes: isNumber, painted: isOptionalNumber, nextTopics: isOptionalNumber },
};

const toMap = {
  /** A roadmap to draw; its bands follow one by one as they are laid out. */
  graph: { version: isNumber, data: isMapData, stateVersion: isNumber, states: isStatePairs },
  band: { version: isNumber, band: isPlacedBand },
  laidOut: { version: isNumber },
  /** Some nodes' states changed (all of them after a reset or an import). */
  states: { stateVersion: isNumber, states: isStatePairs },
  /** The tree's selection, for "follow the selection". */
  select: { id: isId },
  matches: { query: isStringUpTo(200), ids: isIds },
  exportRequest: { requestId: isNumber, format: isFormat },
};

export type FromMap = MessageOf<typeof fromMap>;
export type ToMap = MessageOf<typeof toMap>;
export const isFromMap = messageGuard(fromMap);
export const isToMap = messageGuard(toMap);

const isStatuses: Check<Status[]> = isArrayOf<Status>(isStatus);

/** What the page keeps with setState, so a reloaded map comes back where it was. */
export const isMapState = objectGuard({
  zoom: isNumber,
  x: isNumber,
  y: isNumber,
  follow: isBoolean,
  selected: (v: unknown): v is string | undefined => v === undefined || isId(v),
  layers: isIds,
  statuses: isStatuses,
  query: isStringUpTo(200),
});
export type MapState = typeof isMapState extends Check<infer T> ? T : never;

export const FILTER_STATUSES: readonly Status[] = STATUSES;

/** The User Timing measures the page makes of a mark pressed on it (the bench reads them): the key to the frame that draws the new state, and to the state's arrival. */
export const MARK_MEASURES = { toFrame: 'ai-roadmap.map.mark-to-frame', toMessage: 'ai-roadmap.map.mark-to-message' } as const;

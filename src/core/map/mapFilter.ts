import type { Status } from '../progress/progressModel';
import type { MapNode } from './mapGraph';

/** What the map's filter keeps; an empty or absent part keeps everything. */
export interface MapFilter {
  /** Layer ids. */
  layers?: readonly string[];
  statuses?: readonly Status[];
  /** The hits of a search (the same search as Go to Topic); undefined when nothing is searched. */
  matches?: readonly string[];
}

export function isFilterEmpty(f: MapFilter): boolean {
  return !f.layers?.length && !f.statuses?.length && f.matches === undefined;
}

/** The ids the filter keeps, in the order given. */
export function filterNodes(nodes: ReadonlyArray<Pick<MapNode, 'id' | 'band'>>, bandIds: readonly string[], statusOf: (id: string) => Status, filter: MapFilter): string[] {
  const layers = filter.layers?.length ? new Set(filter.layers) : undefined;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : undefined;
  const matches = filter.matches ? new Set(filter.matches) : undefined;
  return nodes
    .filter((n) => (!layers || layers.has(bandIds[n.band])) && (!statuses || statuses.has(statusOf(n.id))) && (!matches || matches.has(n.id)))
    .map((n) => n.id);
}

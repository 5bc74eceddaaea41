import { dict, own, type HistoryEvent, type ProgressState, type RoadmapProgress } from './progressModel';

/**
 * A change this window wrote that it has not yet seen in the store. Two windows that read,
 * change and write the same store at nearly the same moment can each write over the other (no
 * lock spans processes); the loser finds its change missing on its next read and writes it again.
 */
export interface UnconfirmedChange {
  roadmapId: string;
  event: HistoryEvent;
}

/** More than this many unconfirmed changes means the store is not being written at all; the oldest go. */
const MAX_UNCONFIRMED = 1000;

/**
 * A window writes over another's change only in the moment between its read and its write. A
 * change missing from the store after this long was taken out on purpose (git, an import), not
 * raced, so it is not put back.
 */
export const CONFIRM_WITHIN_MS = 60_000;

/** The events a change added: applyChanges stamps a batch with one time and appends it. */
export function addedEvents(state: ProgressState, roadmapId: string, at: string): UnconfirmedChange[] {
  const history = own(state.roadmaps, roadmapId)?.history ?? [];
  const out: UnconfirmedChange[] = [];
  for (let i = history.length - 1; i >= 0 && history[i].at === at; i--) out.unshift({ roadmapId, event: history[i] });
  return out;
}

export function remember(pending: readonly UnconfirmedChange[], added: readonly UnconfirmedChange[]): UnconfirmedChange[] {
  const all = [...pending, ...added];
  return all.length > MAX_UNCONFIRMED ? all.slice(all.length - MAX_UNCONFIRMED) : all;
}

/**
 * Puts back into `stored` each unconfirmed change it lacks, unless a later change to the same
 * item is stored (that one wins, as in a merge). A change seen in the stored history is
 * confirmed and forgotten; one put back stays until a later read shows it.
 */
export function reassert(stored: ProgressState, pending: readonly UnconfirmedChange[], now: Date): { state: ProgressState; pending: UnconfirmedChange[] } {
  if (pending.length === 0) return { state: stored, pending: [] };
  const keep: UnconfirmedChange[] = [];
  const repaired = new Map<string, RoadmapProgress>();
  for (const p of pending) {
    const current = repaired.get(p.roadmapId) ?? own(stored.roadmaps, p.roadmapId);
    const history = current?.history ?? [];
    const t = Date.parse(p.event.at);
    if (now.getTime() - t > CONFIRM_WITHIN_MS) continue;
    if (history.some((e) => sameEvent(e, p.event))) continue;
    const table = current ? (p.event.kind === 'topic' ? current.topics : current.exercises) : undefined;
    const entry = own(table, p.event.id);
    const later = (entry && Date.parse(entry.updated) > t) || history.some((e) => e.kind === p.event.kind && e.id === p.event.id && Date.parse(e.at) > t);
    if (later) continue;
    keep.push(p);
    repaired.set(p.roadmapId, withEvent(current, p.event));
  }
  if (repaired.size === 0) return { state: stored, pending: keep };
  const roadmaps = dict(stored.roadmaps);
  for (const [id, r] of repaired) roadmaps[id] = r;
  return { state: { ...stored, roadmaps }, pending: keep };
}

function sameEvent(a: HistoryEvent, b: HistoryEvent): boolean {
  return a.kind === b.kind && a.id === b.id && a.to === b.to && Date.parse(a.at) === Date.parse(b.at);
}

function withEvent(current: RoadmapProgress | undefined, e: HistoryEvent): RoadmapProgress {
  const topics = dict(current?.topics);
  const exercises = dict(current?.exercises);
  const table = e.kind === 'topic' ? topics : exercises;
  if (e.to === 'not-started') delete table[e.id];
  else table[e.id] = { status: e.to, updated: e.at };
  const t = Date.parse(e.at);
  const history = [...(current?.history ?? [])];
  // Into its place by time, so the history stays in order for the charts.
  let i = history.length;
  while (i > 0 && Date.parse(history[i - 1].at) > t) i--;
  history.splice(i, 0, e);
  return { ...(current ?? { history: [] }), topics, exercises, history };
}

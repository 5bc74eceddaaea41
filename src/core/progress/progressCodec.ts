import { decodeResearch, mergeResearch } from '../papers/researchCodec';
import { emptyRoadmapProgress, isStatus, MAX_HISTORY, type HistoryEvent, type ProgressState, type RoadmapProgress, type StatusEntry } from './progressModel';

/** The file written by Export Progress and read by Import Progress. */
export interface ProgressFile {
  format: 'ai-roadmap-progress';
  version: 1;
  exportedAt: string;
  roadmaps: ProgressState['roadmaps'];
  research?: ProgressState['research'];
}

export interface Decoded {
  state: ProgressState;
  /** What was dropped, one sentence each, for the learner. */
  rejected: string[];
}

const MAX_REPORTED = 20;

export function encodeProgressFile(state: ProgressState, now: Date): string {
  const file: ProgressFile = { format: 'ai-roadmap-progress', version: 1, exportedAt: now.toISOString(), roadmaps: state.roadmaps, ...(state.research ? { research: state.research } : {}) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a stored or imported state leniently: whatever is well formed is kept, the rest is
 * listed in `rejected`. A corrupt store must never cost the learner the parts that are fine.
 */
export function decodeProgress(raw: unknown): Decoded {
  const rejected: string[] = [];
  const reject = (msg: string) => {
    if (rejected.length < MAX_REPORTED) rejected.push(msg);
    else if (rejected.length === MAX_REPORTED) rejected.push('… and more.');
  };
  const state: ProgressState = { version: 1, roadmaps: {} };
  if (!isObject(raw)) {
    reject('The data is not a JSON object.');
    return { state, rejected };
  }
  if (raw.version !== undefined && raw.version !== 1) reject(`Version ${String(raw.version)} is not supported; reading what looks familiar.`);
  if (raw.research !== undefined) {
    const research = decodeResearch(raw.research);
    state.research = research.state;
    research.rejected.forEach(reject);
  }
  if (!isObject(raw.roadmaps)) {
    reject('There is no "roadmaps" object.');
    return { state, rejected };
  }
  for (const [roadmapId, value] of Object.entries(raw.roadmaps)) {
    if (!isObject(value)) {
      reject(`Roadmap "${roadmapId}": not an object.`);
      continue;
    }
    const p = emptyRoadmapProgress();
    for (const kind of ['topics', 'exercises'] as const) {
      const table = value[kind];
      if (table === undefined) continue;
      if (!isObject(table)) {
        reject(`Roadmap "${roadmapId}": "${kind}" is not an object.`);
        continue;
      }
      for (const [id, entry] of Object.entries(table)) {
        if (isObject(entry) && isStatus(entry.status) && isIsoTime(entry.updated) && id.length <= 200) {
          if (entry.status !== 'not-started') p[kind][id] = { status: entry.status, updated: entry.updated };
        } else reject(`Roadmap "${roadmapId}": ${kind.slice(0, -1)} "${id.slice(0, 60)}" has no valid status and time.`);
      }
    }
    if (value.history !== undefined) {
      if (!Array.isArray(value.history)) reject(`Roadmap "${roadmapId}": "history" is not a list.`);
      else {
        let bad = 0;
        for (const e of value.history.slice(-MAX_HISTORY)) {
          if (isHistoryEvent(e)) p.history.push({ at: e.at, kind: e.kind, id: e.id, from: e.from, to: e.to });
          else bad++;
        }
        if (bad) reject(`Roadmap "${roadmapId}": ${bad} history event(s) were malformed.`);
      }
    }
    state.roadmaps[roadmapId] = p;
  }
  return { state, rejected };
}

/** Merge: per item the newer change wins; histories are united without duplicates, in time order. */
export function mergeStates(current: ProgressState, incoming: ProgressState): ProgressState {
  const roadmaps = { ...current.roadmaps };
  for (const [id, inc] of Object.entries(incoming.roadmaps)) {
    const cur = roadmaps[id];
    roadmaps[id] = cur ? mergeRoadmap(cur, inc) : inc;
  }
  const research = mergeResearch(current.research, incoming.research);
  return { version: 1, roadmaps, ...(research ? { research } : {}) };
}

function mergeRoadmap(a: RoadmapProgress, b: RoadmapProgress): RoadmapProgress {
  const newer = (x: Record<string, StatusEntry>, y: Record<string, StatusEntry>) => {
    const out = { ...x };
    for (const [id, e] of Object.entries(y)) if (!out[id] || out[id].updated < e.updated) out[id] = e;
    return out;
  };
  const seen = new Set<string>();
  const history: HistoryEvent[] = [];
  for (const e of [...a.history, ...b.history]) {
    const key = `${e.at}|${e.kind}|${e.id}|${e.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    history.push(e);
  }
  history.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return { topics: newer(a.topics, b.topics), exercises: newer(a.exercises, b.exercises), history: history.slice(-MAX_HISTORY) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIsoTime(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
}

function isHistoryEvent(e: unknown): e is HistoryEvent {
  return isObject(e) && isIsoTime(e.at) && (e.kind === 'topic' || e.kind === 'exercise') && typeof e.id === 'string' && isStatus(e.from) && isStatus(e.to);
}

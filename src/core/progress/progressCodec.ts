import { isValidId, MAX_ID_LENGTH } from '../ids';
import { decodeResearch, mergeResearch } from '../papers/researchCodec';
import { decodePlanField, mergePlans } from '../plan/planCodec';
import { decodeReviewField, mergeReview } from '../review/reviewCodec';
import { dict, emptyRoadmapProgress, isStatus, MAX_HISTORY, own, type HistoryEvent, type ProgressState, type RoadmapProgress, type StatusEntry } from './progressModel';
import { unionBy } from '../util/unionBy';

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
  /** What was dropped, one sentence per refused entry (up to a cap, then a count), for the learner. */
  rejected: string[];
  /** Study plans refused, one sentence each; an import with any is refused whole. */
  planRejected: string[];
}

/** Years of daily check-offs in several roadmaps fit in well under this; parsing it takes well under a second. */
export const MAX_PROGRESS_BYTES = 8 * 1024 * 1024;
/** Refused entries named one by one; beyond this the report gives their number. */
export const MAX_REPORTED = 200;
/** Times before this are not progress anyone made with this extension. */
const EARLIEST = Date.UTC(2000, 0, 1);
/** Clocks drift; a time further ahead than this would pin a status against every later change. */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function encodeProgressFile(state: ProgressState, now: Date): string {
  const file: ProgressFile = { format: 'ai-roadmap-progress', version: 1, exportedAt: now.toISOString(), roadmaps: state.roadmaps, ...(state.research ? { research: state.research } : {}) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * JSON text of a progress file or store: at most MAX_PROGRESS_BYTES (checked before parsing), a
 * UTF-8 byte order mark allowed. Says in a sentence why it cannot be read.
 */
export function parseProgressText(text: string): { ok: true; raw: unknown } | { ok: false; message: string } {
  if (text.length > MAX_PROGRESS_BYTES) return { ok: false, message: tooLarge(text.length) };
  try {
    return { ok: true, raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (e) {
    return { ok: false, message: `is not JSON (${(e as Error).message})` };
  }
}

export function tooLarge(bytes: number): string {
  return `is ${(bytes / 1048576).toFixed(1)} MB; progress files may be at most ${MAX_PROGRESS_BYTES / 1048576} MB`;
}

/** A time as stored: ISO 8601 in UTC, between 2000 and a day from now. */
export function isProgressTime(v: unknown, now = Date.now()): v is string {
  if (typeof v !== 'string' || !ISO_UTC.test(v)) return false;
  const t = Date.parse(v);
  // Date.parse rolls "2026-02-31" over; a time that does not round-trip is not a real date.
  return t >= EARLIEST && t <= now + FUTURE_SLACK_MS && new Date(t).toISOString().slice(0, 19) === v.slice(0, 19);
}

/**
 * Reads a stored or imported state leniently: whatever is well formed is kept, the rest is
 * listed in `rejected`. A corrupt store must never cost the learner the parts that are fine.
 */
export function decodeProgress(raw: unknown, now = Date.now()): Decoded {
  const rejected: string[] = [];
  let more = 0;
  const planRejected: string[] = [];
  const reject = (msg: string) => {
    if (rejected.length < MAX_REPORTED) rejected.push(msg);
    else more++;
  };
  const done = (state: ProgressState): Decoded => {
    if (more > 0) rejected.push(`… and ${more.toLocaleString('en-US')} more refused entries.`);
    return { state, rejected, planRejected };
  };
  const state: ProgressState = { version: 1, roadmaps: dict() };
  if (!isObject(raw)) {
    reject('The data is not a JSON object.');
    return done(state);
  }
  if (raw.version !== undefined && raw.version !== 1) reject(`Version ${String(raw.version)} is not supported; reading what looks familiar.`);
  if (raw.research !== undefined) {
    const research = decodeResearch(raw.research);
    state.research = research.state;
    research.rejected.forEach(reject);
  }
  if (!isObject(raw.roadmaps)) {
    reject('There is no "roadmaps" object.');
    return done(state);
  }
  for (const [roadmapId, value] of Object.entries(raw.roadmaps)) {
    if (!isValidId(roadmapId)) {
      reject(`Roadmap ${quote(roadmapId)}: not a valid roadmap id (lowercase kebab-case, at most ${MAX_ID_LENGTH} characters).`);
      continue;
    }
    if (!isObject(value)) {
      reject(`Roadmap "${roadmapId}": not an object.`);
      continue;
    }
    const p = emptyRoadmapProgress();
    for (const kind of ['topics', 'exercises'] as const) {
      const table = value[kind];
      const what = kind.slice(0, -1);
      if (table === undefined) continue;
      if (!isObject(table)) {
        reject(`Roadmap "${roadmapId}": "${kind}" is not an object.`);
        continue;
      }
      for (const [id, entry] of Object.entries(table)) {
        if (!isValidId(id)) reject(`Roadmap "${roadmapId}": ${what} ${quote(id)} is not a valid id.`);
        else if (!isObject(entry) || !isStatus(entry.status)) reject(`Roadmap "${roadmapId}": ${what} "${id}" has no valid status.`);
        else if (!isProgressTime(entry.updated, now)) reject(`Roadmap "${roadmapId}": ${what} "${id}" has time ${quote(entry.updated)}, not an ISO 8601 UTC time between 2000 and now.`);
        else if (entry.status !== 'not-started') p[kind][id] = { status: entry.status, updated: entry.updated };
      }
    }
    if (value.history !== undefined) {
      if (!Array.isArray(value.history)) reject(`Roadmap "${roadmapId}": "history" is not a list.`);
      else {
        value.history.forEach((e: unknown, i: number) => {
          const why = historyProblem(e, now);
          if (why) reject(`Roadmap "${roadmapId}": history event #${i + 1} ${why}.`);
          else {
            const h = e as HistoryEvent;
            p.history.push({ at: h.at, kind: h.kind, id: h.id, from: h.from, to: h.to });
          }
        });
        p.history = byTime(p.history);
      }
    }
    decodeReviewField(value.review, roadmapId, now, p, reject);
    decodePlanField(value.plan, roadmapId, new Date(now), p, (msg) => {
      planRejected.push(msg);
      reject(msg);
    });
    state.roadmaps[roadmapId] = p;
  }
  return done(state);
}

/** Merge: per item the newer change wins; histories are united without duplicates, in time order. */
export function mergeStates(current: ProgressState, incoming: ProgressState): ProgressState {
  const roadmaps = dict(current.roadmaps);
  for (const [id, inc] of Object.entries(incoming.roadmaps)) {
    const cur = own(roadmaps, id);
    roadmaps[id] = cur ? mergeRoadmap(cur, inc) : inc;
  }
  const research = mergeResearch(current.research, incoming.research);
  return { version: 1, roadmaps, ...(research ? { research } : {}) };
}

/** Replace: the file's roadmaps as they are, but a file without a study plan or review cards keeps the learner's. */
export function replaceRoadmaps(current: ProgressState, incoming: ProgressState): ProgressState {
  const roadmaps = dict(current.roadmaps);
  for (const [id, inc] of Object.entries(incoming.roadmaps)) {
    const mine = Object.hasOwn(current.roadmaps, id) ? current.roadmaps[id] : undefined;
    const plan = inc.plan ?? mine?.plan;
    const review = inc.review ?? mine?.review;
    roadmaps[id] = { ...inc, ...(plan ? { plan } : {}), ...(review ? { review } : {}) };
  }
  const research = incoming.research ?? current.research;
  return { version: 1, roadmaps, ...(research ? { research } : {}) };
}

function mergeRoadmap(a: RoadmapProgress, b: RoadmapProgress): RoadmapProgress {
  const newer = (x: Record<string, StatusEntry>, y: Record<string, StatusEntry>) => {
    const out = dict(x);
    for (const [id, e] of Object.entries(y)) {
      const cur = own(out, id);
      if (!cur || Date.parse(cur.updated) < Date.parse(e.updated)) out[id] = e;
    }
    return out;
  };
  const history = unionBy(a.history, b.history, (e) => `${Date.parse(e.at)}|${e.kind}|${e.id}|${e.to}`);
  const plan = mergePlans(a.plan, b.plan);
  const review = mergeReview(a.review, b.review);
  return { topics: newer(a.topics, b.topics), exercises: newer(a.exercises, b.exercises), history: byTime(history), ...(plan ? { plan } : {}), ...(review ? { review } : {}) };
}

/** Oldest first by time (stable for equal times), the newest MAX_HISTORY kept. */
function byTime(history: HistoryEvent[]): HistoryEvent[] {
  const sorted = history
    .map((e, i) => ({ e, t: Date.parse(e.at), i }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.e);
  return sorted.length > MAX_HISTORY ? sorted.slice(sorted.length - MAX_HISTORY) : sorted;
}

function historyProblem(e: unknown, now: number): string | undefined {
  if (!isObject(e)) return 'is not an object';
  if (!isProgressTime(e.at, now)) return `has time ${quote(e.at)}, not an ISO 8601 UTC time between 2000 and now`;
  if (e.kind !== 'topic' && e.kind !== 'exercise') return `has kind ${quote(e.kind)}, not "topic" or "exercise"`;
  if (!isValidId(e.id)) return `has id ${quote(e.id)}, not a valid id`;
  if (!isStatus(e.from) || !isStatus(e.to)) return 'has no valid statuses';
  return undefined;
}

/** A value shown in a report: quoted, cut short, control characters made visible. */
function quote(v: unknown): string {
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'a list' : 'an object';
  const s = String(v);
  // eslint-disable-next-line no-control-regex
  const shown = s.slice(0, 60).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${shown}${s.length > 60 ? '…' : ''}"`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

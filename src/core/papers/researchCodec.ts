/**
 * Reading and merging the "research" part of the progress store (papers and the monthly
 * habit). Kept apart from progressCodec so the roadmap progress format and this one evolve
 * separately; progressCodec calls these two functions.
 */
import { isPaperId } from './paperIds';
import { clampMeta, emptyResearch, isPaperStatus, LIMITS, MAX_PAPERS, cleanTags, type MonthChecks, type Paper, type ResearchState } from './paperModel';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Leniently: every well-formed paper and month is kept, the rest is named in `rejected`. */
export function decodeResearch(raw: unknown): { state: ResearchState; rejected: string[] } {
  const state = emptyResearch();
  const rejected: string[] = [];
  if (!isObject(raw)) return { state, rejected: ['"research" is not an object.'] };
  if (raw.papers !== undefined) {
    if (!isObject(raw.papers)) rejected.push('"research.papers" is not an object.');
    else {
      for (const [id, value] of Object.entries(raw.papers).slice(0, MAX_PAPERS)) {
        const paper = decodePaper(id, value);
        if (paper) state.papers[id] = paper;
        else rejected.push(`Paper "${id.slice(0, 60)}" is malformed or has an id that is not an arXiv id, a DOI or a generated id.`);
      }
    }
  }
  if (raw.months !== undefined) {
    if (!isObject(raw.months)) rejected.push('"research.months" is not an object.');
    else {
      for (const [month, value] of Object.entries(raw.months)) {
        if (!MONTH.test(month) || !isObject(value)) {
          rejected.push(`Month "${month.slice(0, 20)}" of the research habit is malformed.`);
          continue;
        }
        const checks: MonthChecks = {};
        if (isIsoTime(value.feed)) checks.feed = value.feed;
        if (isIsoTime(value.labs)) checks.labs = value.labs;
        state.months[month] = checks;
      }
    }
  }
  return { state, rejected };
}

function decodePaper(id: string, v: unknown): Paper | undefined {
  if (!isPaperId(id) || !isObject(v) || typeof v.title !== 'string' || !isPaperStatus(v.status) || !isIsoTime(v.added) || !isIsoTime(v.updated)) return undefined;
  const strings = (x: unknown, max: number) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string').slice(0, max) : []);
  const optional = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const meta = clampMeta({
    title: v.title,
    authors: strings(v.authors, LIMITS.authors),
    categories: strings(v.categories, LIMITS.categories),
    published: optional(v.published),
    abstract: optional(v.abstract),
    pdfUrl: optional(v.pdfUrl),
    url: optional(v.url),
    arxivId: optional(v.arxivId),
    doi: optional(v.doi),
  });
  const passes = Array.isArray(v.passes) ? v.passes.filter((p): p is Paper['passes'][number] => isObject(p) && isPaperStatus(p.status) && isIsoTime(p.at)).map((p) => ({ status: p.status, at: p.at })).slice(-LIMITS.passes) : [];
  return { ...meta, id, status: v.status, topics: strings(v.topics, LIMITS.topics).filter((t) => t.length <= 200), tags: cleanTags(strings(v.tags, LIMITS.tags)), added: v.added, updated: v.updated, passes };
}

/** Per paper the newer update wins; month checks are united, keeping the earlier time. */
export function mergeResearch(a: ResearchState | undefined, b: ResearchState | undefined): ResearchState | undefined {
  if (!a || !b) return a ?? b;
  const papers = { ...a.papers };
  for (const [id, p] of Object.entries(b.papers)) if (!papers[id] || papers[id].updated < p.updated) papers[id] = p;
  const months = { ...a.months };
  for (const [m, c] of Object.entries(b.months)) {
    const cur = months[m] ?? {};
    months[m] = { feed: earlier(cur.feed, c.feed), labs: earlier(cur.labs, c.labs) };
    for (const k of ['feed', 'labs'] as const) if (months[m][k] === undefined) delete months[m][k];
  }
  return { papers, months };
}

export function researchItemCount(r: ResearchState | undefined): number {
  return r ? Object.keys(r.papers).length + Object.keys(r.months).length : 0;
}

function earlier(x: string | undefined, y: string | undefined) {
  return x && y ? (x < y ? x : y) : (x ?? y);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIsoTime(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
}

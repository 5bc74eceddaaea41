/**
 * The learner's reading list and monthly research habit, kept in the progress store beside the
 * roadmaps. Plain data; functions return new states and never mutate their input.
 */
import { isPaperId } from './paperIds';

/** The three-pass method the notes teach, plus the two ends. */
export const PAPER_STATUSES = ['to-read', 'first-pass', 'second-pass', 'third-pass', 'done'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

export const PAPER_STATUS_LABELS: Record<PaperStatus, string> = {
  'to-read': 'To read',
  'first-pass': 'First pass',
  'second-pass': 'Second pass',
  'third-pass': 'Third pass',
  done: 'Done',
};

export interface PaperMetadata {
  title: string;
  authors: string[];
  /** YYYY-MM-DD */
  published?: string;
  abstract?: string;
  categories: string[];
  pdfUrl?: string;
  url?: string;
  arxivId?: string;
  doi?: string;
}

export interface Paper extends PaperMetadata {
  id: string;
  status: PaperStatus;
  topics: string[];
  tags: string[];
  /** ISO times. */
  added: string;
  updated: string;
  /** Every status change with its time: the passes and when they were made. */
  passes: Array<{ status: PaperStatus; at: string }>;
}

/** The checks of one month of the habit; each holds the ISO time it was ticked. */
export interface MonthChecks {
  feed?: string;
  labs?: string;
}

export interface ResearchState {
  papers: Record<string, Paper>;
  /** Keyed by the learner's local month, YYYY-MM. */
  months: Record<string, MonthChecks>;
}

export const MAX_PAPERS = 5_000;
export const LIMITS = { title: 500, author: 200, authors: 100, abstract: 5_000, categories: 20, tags: 30, tag: 60, topics: 50, url: 2_000, passes: 50 };

export function emptyResearch(): ResearchState {
  return { papers: {}, months: {} };
}

export function isPaperStatus(s: unknown): s is PaperStatus {
  return typeof s === 'string' && (PAPER_STATUSES as readonly string[]).includes(s);
}

/** The status after the next pass; done stays done. */
export function nextStatus(s: PaperStatus): PaperStatus {
  return PAPER_STATUSES[Math.min(PAPER_STATUSES.indexOf(s) + 1, PAPER_STATUSES.length - 1)];
}

/** Adds a paper, or (when its id is already listed) fills in metadata it lacked and keeps the rest. */
export function addPaper(state: ResearchState, id: string, meta: PaperMetadata, now: Date, topics: string[] = []): ResearchState {
  if (!isPaperId(id)) throw new Error(`"${id}" is not a paper id.`);
  const at = now.toISOString();
  const old = state.papers[id];
  if (!old && Object.keys(state.papers).length >= MAX_PAPERS) throw new Error(`The reading list holds at most ${MAX_PAPERS} papers.`);
  const paper: Paper = old
    ? { ...old, ...fillMissing(old, meta), topics: union(old.topics, topics).slice(0, LIMITS.topics), updated: at }
    : { ...clampMeta(meta), id, status: 'to-read', topics: topics.slice(0, LIMITS.topics), tags: [], added: at, updated: at, passes: [] };
  return { ...state, papers: { ...state.papers, [id]: paper } };
}

/** Metadata fetched later replaces what was typed by hand. */
export function withMetadata(state: ResearchState, id: string, meta: PaperMetadata, now: Date): ResearchState {
  const old = state.papers[id];
  if (!old) return state;
  return { ...state, papers: { ...state.papers, [id]: { ...old, ...clampMeta(meta), updated: now.toISOString() } } };
}

export function setPaperStatus(state: ResearchState, id: string, status: PaperStatus, now: Date): ResearchState {
  const old = state.papers[id];
  if (!old || old.status === status) return state;
  const at = now.toISOString();
  const passes = [...old.passes, { status, at }].slice(-LIMITS.passes);
  return { ...state, papers: { ...state.papers, [id]: { ...old, status, passes, updated: at } } };
}

export function updatePaper(state: ResearchState, id: string, change: { tags?: string[]; topics?: string[] }, now: Date): ResearchState {
  const old = state.papers[id];
  if (!old) return state;
  const next = { ...old, updated: now.toISOString() };
  if (change.tags) next.tags = cleanTags(change.tags);
  if (change.topics) next.topics = [...new Set(change.topics)].slice(0, LIMITS.topics);
  return { ...state, papers: { ...state.papers, [id]: next } };
}

/** Removes the paper from the list; its note file is kept (see PaperNotes). */
export function removePaper(state: ResearchState, id: string): ResearchState {
  if (!state.papers[id]) return state;
  const papers = { ...state.papers };
  delete papers[id];
  return { ...state, papers };
}

export function cleanTags(tags: string[]): string[] {
  const clean = tags.map((t) => t.trim().replace(/\s+/g, '-').slice(0, LIMITS.tag)).filter(Boolean);
  return [...new Set(clean)].slice(0, LIMITS.tags);
}

export function clampMeta(m: PaperMetadata): PaperMetadata {
  const text = (s: string | undefined, n: number) => (s === undefined ? undefined : s.replace(/\s+/g, ' ').trim().slice(0, n));
  const out: PaperMetadata = {
    title: text(m.title, LIMITS.title) || 'Untitled',
    authors: m.authors.map((a) => text(a, LIMITS.author)!).filter(Boolean).slice(0, LIMITS.authors),
    categories: m.categories.slice(0, LIMITS.categories).map((c) => c.slice(0, 40)),
  };
  if (m.published && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(m.published)) out.published = m.published;
  if (m.abstract) out.abstract = text(m.abstract, LIMITS.abstract);
  for (const k of ['pdfUrl', 'url'] as const) if (m[k] && /^https?:\/\//i.test(m[k]!) && m[k]!.length <= LIMITS.url) out[k] = m[k];
  if (m.arxivId) out.arxivId = m.arxivId;
  if (m.doi) out.doi = m.doi;
  return out;
}

function fillMissing(old: Paper, meta: PaperMetadata): Partial<PaperMetadata> {
  const m = clampMeta(meta);
  const out: Partial<PaperMetadata> = {};
  if (!old.authors.length && m.authors.length) out.authors = m.authors;
  for (const k of ['published', 'abstract', 'pdfUrl', 'url', 'arxivId', 'doi'] as const) if (!old[k] && m[k]) out[k] = m[k];
  return out;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

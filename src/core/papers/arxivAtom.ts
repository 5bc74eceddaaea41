/**
 * Reads an arXiv API response (Atom) with fast-xml-parser. The response is hostile until
 * checked: a size cap, no DOCTYPE (so no entity can be declared, let alone expanded), only the
 * five predefined entities and numeric references decoded, and an error feed or a web page
 * turned into one clear sentence.
 */
import { XMLParser } from 'fast-xml-parser';
import { arxivIdOf, doiOf } from './paperIds';
import { clampMeta, type PaperMetadata } from './paperModel';

import { MAX_ATOM_BYTES } from './limits';

export { MAX_ATOM_BYTES };
const MAX_ENTRIES = 200;

export type AtomResult = { ok: true; total: number; entries: PaperMetadata[] } | { ok: false; error: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

export function parseArxivAtom(text: string): AtomResult {
  if (text.length > MAX_ATOM_BYTES) return { ok: false, error: `The arXiv response is larger than ${MAX_ATOM_BYTES / 1_000_000} MB and was not read.` };
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (/^(<!doctype html|<html)/.test(head) || /<html[\s>]/.test(head)) return { ok: false, error: 'The server returned a web page, not an arXiv Atom feed. Check the arXiv API URL setting.' };
  if (/<!doctype|<!entity/i.test(text)) return { ok: false, error: 'The arXiv response declares a DOCTYPE or entities, which are refused.' };
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (e) {
    return { ok: false, error: `The arXiv response is not well-formed XML (${String((e as Error).message ?? e).slice(0, 120)}).` };
  }
  const feed = isObject(doc) ? doc.feed : undefined;
  if (!isObject(feed)) return { ok: false, error: 'The response is not an Atom feed.' };
  const rawEntries = Array.isArray(feed.entry) ? feed.entry.filter(isObject).slice(0, MAX_ENTRIES) : [];
  const error = rawEntries.find((e) => text_(e.id).includes('arxiv.org/api/errors'));
  if (error) return { ok: false, error: `arXiv refused the query: ${decode(text_(error.summary)) || 'no reason given'}.` };
  const total = Number(text_(feed.totalResults) || rawEntries.length);
  return { ok: true, total: Number.isFinite(total) ? total : rawEntries.length, entries: rawEntries.map(entryMetadata) };
}

function entryMetadata(e: Record<string, unknown>): PaperMetadata {
  const links = (Array.isArray(e.link) ? e.link : []).filter(isObject);
  const pdf = links.find((l) => l.title === 'pdf' || l.type === 'application/pdf');
  const abs = text_(e.id);
  const arxivId = arxivIdOf(abs.replace(/^http:/, 'https:'));
  const doi = doiOf(decode(text_(e.doi)));
  return clampMeta({
    title: decode(text_(e.title)),
    authors: (Array.isArray(e.author) ? e.author : []).filter(isObject).map((a) => decode(text_(a.name))),
    published: /^\d{4}-\d{2}-\d{2}/.exec(text_(e.published))?.[0],
    abstract: decode(text_(e.summary)),
    categories: (Array.isArray(e.category) ? e.category : []).filter(isObject).map((c) => text_(c.term)).filter(Boolean),
    pdfUrl: https(text_(pdf?.href)),
    url: https(abs),
    arxivId,
    doi,
  });
}

/** arXiv still writes http links; the same pages are served over https. */
function https(u: string): string | undefined {
  return /^https?:\/\/(export\.)?arxiv\.org\//.test(u) ? u.replace(/^http:/, 'https:') : undefined;
}

function text_(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v['#text'] === 'string') return v['#text'];
  return '';
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The predefined XML entities and numeric references; anything else stays as written. */
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (m, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? m;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

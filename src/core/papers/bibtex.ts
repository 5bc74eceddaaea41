/**
 * BibTeX export and import through citation-js. Import splits the file into entries first, so
 * one broken entry (unbalanced braces, no title) is refused with a sentence and the rest still
 * come in.
 */
import { plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { arxivIdOf, doiOf, isPaperId, paperIdOf } from './paperIds';
import { clampMeta, type Paper, type PaperMetadata } from './paperModel';

// Our keys are the stable paper ids (citationKey below), so citation-js neither invents nor rewrites them.
const bibtexConfig = plugins.config.get('@bibtex');
bibtexConfig.format.useIdAsLabel = true;
bibtexConfig.format.checkLabel = false;

export const MAX_BIBTEX_CHARS = 5_000_000;
const MAX_ENTRIES = 5_000;

/** The citation key: the paper id with characters BibTeX keys cannot hold replaced. */
export function citationKey(id: string): string {
  return id.replace(/[^A-Za-z0-9:._-]/g, '_');
}

export function paperToCsl(p: Paper): CslItem {
  const item: CslItem = { id: citationKey(p.id), type: 'article', title: p.title, author: p.authors.map(cslName) };
  const date = p.published?.split('-').map(Number);
  if (date?.length) item.issued = { 'date-parts': [date] };
  if (p.url ?? p.pdfUrl) item.URL = p.url ?? p.pdfUrl;
  if (p.doi) item.DOI = p.doi;
  if (p.arxivId) {
    item.note = `arXiv:${p.arxivId}`;
    item.publisher = 'arXiv';
    item.URL ??= `https://arxiv.org/abs/${p.arxivId}`;
  }
  return item;
}

export function cslToBibtex(items: CslItem[]): string {
  return plugins.output.format('bibtex', items, { format: 'text' });
}

export function papersToBibtex(papers: Paper[]): string {
  return cslToBibtex(papers.map(paperToCsl));
}

export interface BibtexImport {
  papers: Array<{ id: string; meta: PaperMetadata }>;
  /** One sentence per refused entry. */
  refused: string[];
}

export function parseBibtex(text: string): BibtexImport {
  const refused: string[] = [];
  const papers: BibtexImport['papers'] = [];
  if (text.length > MAX_BIBTEX_CHARS) return { papers, refused: [`The file is larger than ${MAX_BIBTEX_CHARS / 1_000_000} MB; nothing was read.`] };
  const { entries, problems } = splitEntries(text);
  refused.push(...problems);
  const seen = new Set<string>();
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    let items: CslItem[];
    try {
      items = plugins.input.chain(entry.text, { forceType: '@bibtex/text', generateGraph: false });
    } catch (e) {
      refused.push(`Entry "${entry.key}" (line ${entry.line}) could not be read: ${firstLine((e as Error).message)}`);
      continue;
    }
    for (const item of items) {
      const meta = cslToMeta(item);
      if (!meta) {
        refused.push(`Entry "${entry.key}" (line ${entry.line}) has no title.`);
        continue;
      }
      const id = meta.arxivId ? paperIdOf({ kind: 'arxiv', arxivId: meta.arxivId }) : meta.doi ? paperIdOf({ kind: 'doi', doi: meta.doi }) : paperIdOf({ kind: 'title', title: meta.title });
      if (!isPaperId(id)) {
        refused.push(`Entry "${entry.key}" (line ${entry.line}) has no usable id.`);
        continue;
      }
      if (seen.has(id)) {
        refused.push(`Entry "${entry.key}" (line ${entry.line}) repeats a paper already in the file.`);
        continue;
      }
      seen.add(id);
      papers.push({ id, meta });
    }
  }
  if (entries.length > MAX_ENTRIES) refused.push(`Only the first ${MAX_ENTRIES} entries were read.`);
  return { papers, refused };
}

function cslToMeta(item: CslItem): PaperMetadata | undefined {
  const title = stripRichText(typeof item.title === 'string' ? item.title : '').trim();
  if (!title) return undefined;
  const url = typeof item.URL === 'string' ? item.URL : undefined;
  const doiRaw = typeof item.DOI === 'string' ? doiOf(item.DOI) : undefined;
  const arxivFromDoi = doiRaw && /^10\.48550\/arxiv\.(.+)$/i.exec(doiRaw);
  const arxivId =
    (url && arxivIdOf(url)) ||
    (typeof item.note === 'string' && /arxiv:\s*([\w./-]+)/i.exec(item.note) ? arxivIdOf(/arxiv:\s*([\w./-]+)/i.exec(item.note)![1]) : undefined) ||
    (typeof item.number === 'string' && arxivIdOf(item.number)) ||
    (arxivFromDoi ? arxivIdOf(arxivFromDoi[1]) : undefined) ||
    undefined;
  const parts = item.issued?.['date-parts']?.[0]?.map(Number).filter((n) => Number.isFinite(n));
  const published = parts?.length ? [String(parts[0]).padStart(4, '0'), ...parts.slice(1, 3).map((n) => String(n).padStart(2, '0'))].join('-') : undefined;
  return clampMeta({
    title,
    authors: (item.author ?? []).map((a) => stripRichText(a.literal ?? [a.given, a.family].filter(Boolean).join(' '))),
    published,
    categories: [],
    url,
    arxivId,
    doi: arxivId ? undefined : doiRaw,
  });
}

function cslName(full: string) {
  const parts = full.trim().split(/\s+/);
  if (parts.length < 2) return { literal: full };
  return { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1] };
}

/** citation-js turns LaTeX formatting into a few HTML tags; the list keeps plain text. */
function stripRichText(s: string): string {
  return s.replace(/<\/?(i|b|sup|sub|sc)>|<span class="nocase">|<\/span>/g, '').replace(/\s+/g, ' ');
}

function firstLine(s: string) {
  return s.split('\n')[0].slice(0, 160);
}

/**
 * Entries by brace counting: each "@type{" (or "@type(") up to its balancing close. An entry
 * whose braces never balance is refused, and scanning goes on at the next line starting with "@".
 */
export function splitEntries(text: string): { entries: Array<{ key: string; line: number; text: string }>; problems: string[] } {
  const entries: Array<{ key: string; line: number; text: string }> = [];
  const problems: string[] = [];
  const start = /@\s*([A-Za-z]+)\s*([{(])/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(text))) {
    const type = m[1].toLowerCase();
    const line = text.slice(0, m.index).split('\n').length;
    const open = m[2];
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = -1;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '{' || (open === '(' && c === '(')) depth++;
      else if (c === '}' || (open === '(' && c === ')')) {
        depth--;
        if (depth === 0 && c === close) {
          end = i;
          break;
        }
        if (depth < 0) break;
      }
    }
    const key = /^[^,\s]*/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 100))![0] || '(no key)';
    if (end < 0) {
      problems.push(`Entry "${key.slice(0, 60)}" (line ${line}) has unbalanced braces.`);
      const next = text.slice(m.index + 1).search(/\n\s*@/);
      if (next < 0) break;
      start.lastIndex = m.index + 1 + next;
      continue;
    }
    start.lastIndex = end + 1;
    if (type === 'comment' || type === 'preamble') continue;
    if (type === 'string') {
      problems.push(`@string macro at line ${line} is not expanded; entries that use it may lose a field.`);
      continue;
    }
    entries.push({ key: key.slice(0, 60), line, text: text.slice(m.index, end + 1) });
  }
  return { entries, problems };
}

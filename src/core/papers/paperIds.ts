/**
 * Stable paper ids: "arxiv:<id without version>", "doi:<lowercased DOI>", or "paper:<hash of the
 * title>". They are object keys in the progress store and part of note file names, so anything
 * with path characters or outside these shapes is refused.
 */

export type PaperRef = { kind: 'arxiv'; arxivId: string } | { kind: 'doi'; doi: string } | { kind: 'title'; title: string };

const NEW_ARXIV = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ARXIV = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;
const DOI = /^10\.\d{4,9}\/[-._;()/:<>[\]A-Za-z0-9]+$/;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
export const PAPER_ID = /^(arxiv:(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})|doi:10\.\d{4,9}\/[-._;()/:<>[\]a-z0-9]+|paper:[0-9a-f]{8})$/;
const MAX_INPUT = 500;

/** An arXiv id without its version, from an id, "arXiv:" id or an arxiv.org abs/pdf URL; undefined otherwise. */
export function arxivIdOf(input: string): string | undefined {
  let s = input.trim();
  const url = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(s);
  if (url) s = url[1];
  else s = s.replace(/^arxiv:\s*/i, '');
  const m = NEW_ARXIV.exec(s) ?? OLD_ARXIV.exec(s);
  return m?.[1];
}

/** A DOI (lowercased: DOIs are case-insensitive) from a DOI, "doi:" DOI or a doi.org URL; undefined otherwise. */
export function doiOf(input: string): string | undefined {
  const s = input
    .trim()
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
  if (!DOI.test(s) || s.split('/').some((seg) => seg === '..' || seg === '.')) return undefined;
  return s.toLowerCase();
}

/**
 * What the learner typed, read as an arXiv id or URL, a DOI, or a title. Input that looks like an
 * id or a path but is not a valid one is refused with a sentence rather than taken as a title.
 */
export function parsePaperInput(input: string): PaperRef | { error: string } {
  const s = input.trim();
  if (!s) return { error: 'Type an arXiv id or URL, a DOI, or a title.' };
  if (s.length > MAX_INPUT) return { error: `That is ${s.length} characters; a title or id is at most ${MAX_INPUT}.` };
  const arxivId = arxivIdOf(s);
  if (arxivId) return { kind: 'arxiv', arxivId };
  const doi = doiOf(s);
  if (doi) {
    const viaArxiv = ARXIV_DOI.exec(doi);
    const inner = viaArxiv && arxivIdOf(viaArxiv[1]);
    return inner ? { kind: 'arxiv', arxivId: inner } : { kind: 'doi', doi };
  }
  if (/^(https?:|arxiv:|doi:|10\.\d)/i.test(s) || /[\\]|\.\.\/|^\/|\/\.\./.test(s) || /^[\w.-]*\/[\w./-]*$/.test(s)) {
    return { error: `"${s.slice(0, 80)}" is neither an arXiv id or URL (like 1706.03762 or hep-th/9901001) nor a DOI (like 10.1000/xyz).` };
  }
  return { kind: 'title', title: s.replace(/\s+/g, ' ') };
}

export function paperIdOf(ref: PaperRef): string {
  if (ref.kind === 'arxiv') return `arxiv:${ref.arxivId}`;
  if (ref.kind === 'doi') return `doi:${ref.doi}`;
  return `paper:${hash32(ref.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim())}`;
}

export function isPaperId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= 200 && PAPER_ID.test(id) && !id.split('/').some((seg) => seg === '..' || seg === '.');
}

/** A file name for the paper's note: readable, and with a hash so two ids never share one. */
export function noteFileName(id: string): string {
  return `${id.replace(/[^a-z0-9.-]+/gi, '_').slice(0, 80)}-${hash32(id)}.md`;
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and platforms. */
export function hash32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

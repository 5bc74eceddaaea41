/**
 * Asks the arXiv API for one paper's metadata. Uses the global fetch (Node and the web worker
 * both have it), a timeout, and a cap on the bytes read, so a hanging or flooding server costs
 * the learner a message, not the editor.
 */
import type { AtomResult } from './arxivAtom';
import { MAX_ATOM_BYTES } from './limits';

export interface ArxivRequest {
  /** The API base, e.g. https://export.arxiv.org/api (a setting, so tests point it at 127.0.0.1). */
  baseUrl: string;
  arxivId: string;
  timeoutMs: number;
  parse: (text: string) => AtomResult;
  fetchFn?: typeof fetch;
}

export function queryUrl(baseUrl: string, arxivId: string): string | undefined {
  let base: URL;
  try {
    base = new URL(baseUrl.replace(/\/+$/, '') + '/query');
  } catch {
    return undefined;
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return undefined;
  base.searchParams.set('id_list', arxivId);
  base.searchParams.set('max_results', '1');
  return base.toString();
}

export async function fetchArxivEntry(req: ArxivRequest): Promise<AtomResult> {
  const url = queryUrl(req.baseUrl, req.arxivId);
  if (!url) return { ok: false, error: `The arXiv API URL "${req.baseUrl.slice(0, 100)}" is not an http(s) URL.` };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  try {
    const res = await (req.fetchFn ?? fetch)(url, { signal: controller.signal, headers: { accept: 'application/atom+xml' }, redirect: 'follow' });
    if (!res.ok) return { ok: false, error: `The arXiv API answered ${res.status} ${res.statusText}.` };
    const type = res.headers.get('content-type') ?? '';
    if (/text\/html/i.test(type)) return { ok: false, error: 'The server returned a web page, not an arXiv Atom feed. Check the arXiv API URL setting.' };
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_ATOM_BYTES) return { ok: false, error: `The arXiv response is larger than ${MAX_ATOM_BYTES / 1_000_000} MB and was not read.` };
    const text = await readCapped(res, controller);
    if (text === undefined) return { ok: false, error: `The arXiv response is larger than ${MAX_ATOM_BYTES / 1_000_000} MB and was not read.` };
    return req.parse(text);
  } catch (e) {
    if (controller.signal.aborted) return { ok: false, error: `The arXiv API did not answer within ${req.timeoutMs >= 1000 ? `${Math.round(req.timeoutMs / 1000)} s` : `${req.timeoutMs} ms`}.` };
    return { ok: false, error: `The arXiv API could not be reached (${(e as Error).message}).` };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res: Response, controller: AbortController): Promise<string | undefined> {
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ATOM_BYTES) {
      controller.abort();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseArxivAtom } from '../../src/core/papers/arxivAtom';
import { fetchArxivEntry, queryUrl } from '../../src/core/papers/arxivClient';
import { fixture } from './support/paths';

const atom = (name: string) => readFileSync(fixture('arxiv', name), 'utf8');

describe('arXiv Atom responses (recorded format)', () => {
  it('reads one entry: title, authors, date, abstract, categories, PDF link, id without version', () => {
    const r = parseArxivAtom(atom('one-entry.xml'));
    assert.ok(r.ok);
    assert.equal(r.total, 1);
    const [e] = r.entries;
    assert.equal(e.title, 'Attention Is All You Need');
    assert.equal(e.authors.length, 8);
    assert.equal(e.authors[0], 'Ashish Vaswani');
    assert.equal(e.published, '2017-06-12');
    assert.match(e.abstract!, /^The dominant sequence transduction models .* entirely\.$/);
    assert.deepEqual(e.categories, ['cs.CL', 'cs.LG']);
    assert.equal(e.pdfUrl, 'https://arxiv.org/pdf/1706.03762v7');
    assert.equal(e.arxivId, '1706.03762');
  });

  it('reads several entries: old-style ids, DOIs, entities and numeric references, titles over two lines', () => {
    const r = parseArxivAtom(atom('several-entries.xml'));
    assert.ok(r.ok);
    assert.deepEqual(r.entries.map((e) => e.arxivId), ['2106.09685', 'hep-th/9711200', '2305.18290']);
    assert.equal(r.entries[1].doi, '10.1023/a:1026654312961');
    assert.match(r.entries[0].abstract!, /weights & injects/);
    assert.equal(r.entries[2].title, 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model');
    assert.match(r.entries[2].abstract!, /<b>DPO<\/b> is stable, performant and computationally lightweight — it/);
  });

  it('turns the error feed into a sentence, and empty results into no entries', () => {
    const err = parseArxivAtom(atom('error.xml'));
    assert.deepEqual(err, { ok: false, error: 'arXiv refused the query: incorrect id format for 1234.12345678.' });
    assert.deepEqual(parseArxivAtom(atom('empty.xml')), { ok: true, total: 0, entries: [] });
  });

  it('refuses entity declarations, web pages, malformed XML and huge responses with a sentence', () => {
    const hostile = parseArxivAtom(atom('hostile-entities.xml'));
    assert.ok(!hostile.ok && /DOCTYPE or entities/.test(hostile.error));
    const html = parseArxivAtom(atom('not-atom.html'));
    assert.ok(!html.ok && /web page/.test(html.error));
    const bad = parseArxivAtom(atom('malformed.xml'));
    assert.ok(!bad.ok && /not well-formed XML/.test(bad.error), JSON.stringify(bad));
    const huge = parseArxivAtom(`<feed>${'<entry><title>x</title></entry>'.repeat(80_000)}</feed>`);
    assert.ok(!huge.ok && /larger than 2 MB/.test(huge.error));
    assert.ok(!parseArxivAtom('<rss></rss>').ok);
  });

  it('keeps markup in a title as text and drops non-arXiv links', () => {
    const r = parseArxivAtom(atom('markup-title.xml'));
    assert.ok(r.ok);
    assert.equal(r.entries[0].title, '<img src=x onerror=alert(1)> Scaling <i>Laws</i> & Friends');
    assert.equal(r.entries[0].pdfUrl, undefined, 'a javascript: link is not kept');
  });
});

describe('asking the arXiv API', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];
  let mode: 'atom' | 'hang' | 'html' | 'flood' | '500' = 'atom';
  before(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (mode === 'hang') return; // never answers
      if (mode === '500') return res.writeHead(500, 'Internal Server Error').end();
      if (mode === 'html') return res.writeHead(200, { 'content-type': 'text/html' }).end(atom('not-atom.html'));
      if (mode === 'flood') {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        const chunk = 'x'.repeat(64 * 1024);
        const push = () => {
          while (res.write(chunk)) if (res.writableLength > 4_000_000) break;
        };
        res.on('drain', push);
        push();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(atom('one-entry.xml'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('builds the query URL from the base setting, and refuses non-http bases', () => {
    assert.equal(queryUrl('https://export.arxiv.org/api/', 'hep-th/9711200'), 'https://export.arxiv.org/api/query?id_list=hep-th%2F9711200&max_results=1');
    assert.equal(queryUrl('file:///etc', '1706.03762'), undefined);
    assert.equal(queryUrl('not a url', '1706.03762'), undefined);
  });

  it('fetches and parses one entry', async () => {
    mode = 'atom';
    const r = await fetchArxivEntry({ baseUrl: base, arxivId: '1706.03762', timeoutMs: 30_000, parse: parseArxivAtom });
    assert.ok(r.ok);
    assert.equal(r.entries[0].title, 'Attention Is All You Need');
    assert.equal(requests.at(-1), '/api/query?id_list=1706.03762&max_results=1');
  });

  it('gives up on a server that hangs, with a sentence', async () => {
    mode = 'hang';
    const r = await fetchArxivEntry({ baseUrl: base, arxivId: '1706.03762', timeoutMs: 300, parse: parseArxivAtom });
    assert.deepEqual(r, { ok: false, error: 'The arXiv API did not answer within 300 ms.' });
  });

  it('refuses a web page, an error status and a response past the size cap', async () => {
    mode = 'html';
    const html = await fetchArxivEntry({ baseUrl: base, arxivId: '1706.03762', timeoutMs: 30_000, parse: parseArxivAtom });
    assert.ok(!html.ok && /web page/.test(html.error));
    mode = '500';
    const status = await fetchArxivEntry({ baseUrl: base, arxivId: '1706.03762', timeoutMs: 30_000, parse: parseArxivAtom });
    assert.ok(!status.ok && /500/.test(status.error));
    mode = 'flood';
    const flood = await fetchArxivEntry({ baseUrl: base, arxivId: '1706.03762', timeoutMs: 60_000, parse: parseArxivAtom });
    assert.ok(!flood.ok && /larger than 2 MB/.test(flood.error), JSON.stringify(flood));
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseArxivAtom } from '../../src/core/papers/arxivAtom';
import { papersToBibtex, parseBibtex, splitEntries } from '../../src/core/papers/bibtex';
import { noteReferences } from '../../src/core/papers/noteReferences';
import { addPaper, emptyResearch, setPaperStatus, type Paper } from '../../src/core/papers/paperModel';
import { readingLog } from '../../src/core/papers/readingLog';
import { fixture, repoRoot } from './support/paths';

function listFromFixtures(): Paper[] {
  const r = parseArxivAtom(readFileSync(fixture('arxiv', 'several-entries.xml'), 'utf8'));
  assert.ok(r.ok);
  let state = emptyResearch();
  for (const e of r.entries) state = addPaper(state, `arxiv:${e.arxivId}`, e, new Date('2026-12-01T10:00:00Z'));
  state = addPaper(state, 'doi:10.1145/3442188.3445922', { title: 'On the Dangers of Stochastic Parrots: Can Language Models Be Too Big?', authors: ['Emily M. Bender', 'Timnit Gebru'], published: '2021-03-01', categories: [], doi: '10.1145/3442188.3445922' }, new Date('2026-12-01T10:00:00Z'));
  return Object.values(state.papers);
}

describe('BibTeX through citation-js', () => {
  it('round-trips titles, authors, dates, arXiv ids and DOIs, keyed by the same ids', () => {
    const papers = listFromFixtures();
    const bib = papersToBibtex(papers);
    assert.match(bib, /@article\{arxiv:2106\.09685,/);
    const back = parseBibtex(bib);
    assert.deepEqual(back.refused, []);
    assert.deepEqual(back.papers.map((p) => p.id), papers.map((p) => p.id));
    for (const [i, p] of back.papers.entries()) {
      assert.equal(p.meta.title, papers[i].title);
      assert.deepEqual(p.meta.authors, papers[i].authors);
      assert.equal(p.meta.published, papers[i].published);
      assert.equal(p.meta.arxivId, papers[i].arxivId);
    }
    assert.equal(back.papers[3].meta.doi, '10.1145/3442188.3445922');
  });

  it('refuses an entry with unbalanced braces or no title with a sentence, and keeps the others', () => {
    const bib = [
      '@article{good1, title={A {Good} Paper}, author={Doe, Jane}, year={2020}}',
      '@article{broken, title={Unbalanced {braces}, year={2021}',
      '@misc{notitle, author={Nobody}}',
      '@string{acl = "ACL"}',
      '@inproceedings{good2, title={Another One}, eprint={2106.09685}, note={arXiv:2106.09685}}',
    ].join('\n\n');
    const r = parseBibtex(bib);
    assert.deepEqual(r.papers.map((p) => p.id), [r.papers[0].id, 'arxiv:2106.09685']);
    assert.match(r.papers[0].id, /^paper:/);
    assert.equal(r.papers[0].meta.title, 'A Good Paper');
    assert.equal(r.refused.length, 3, r.refused.join(' | '));
    assert.ok(r.refused.some((s) => /"broken" \(line 3\) has unbalanced braces/.test(s)));
    assert.ok(r.refused.some((s) => /"notitle" .* has no title/.test(s)));
    assert.deepEqual(parseBibtex('@article{x, title={never closed').papers, []);
  });

  it('escapes markup in titles on export and shows it as text in the reading log', () => {
    let s = addPaper(emptyResearch(), 'paper:00000001', { title: '<script>alert(1)</script> *bold* [link](javascript:x)', authors: [], categories: [] }, new Date('2026-12-01T10:00:00Z'));
    s = setPaperStatus(s, 'paper:00000001', 'first-pass', new Date('2026-12-02T10:00:00Z'));
    const bib = papersToBibtex(Object.values(s.papers));
    assert.doesNotMatch(bib, /<script>/);
    const log = readingLog(Object.values(s.papers), () => undefined, () => 0);
    assert.doesNotMatch(log, /<script>|\[link\]\(javascript/);
    assert.match(log, /## 2026-12/);
    assert.match(log, /First pass; added 2026-12-01; first pass 2026-12-02/);
  });

  it('splits entries by brace counting, with escaped braces and parenthesised entries', () => {
    const { entries, problems } = splitEntries('junk @article(a, title={x \\} y}) @misc{b, title="q"}');
    assert.deepEqual(entries.map((e) => e.key), ['a', 'b']);
    assert.deepEqual(problems, []);
  });
});

describe('references in the notes', () => {
  it('finds the arXiv ids of the built-in notes with their quoted titles', () => {
    const md = readFileSync(`${repoRoot}/roadmap/notes/research-frontier/world-models.md`, 'utf8');
    const refs = noteReferences(md);
    assert.ok(refs.length >= 3);
    assert.deepEqual(refs[0], { arxivId: '1803.10122', title: 'World Models' });
  });

  it('ignores ids outside the References section and reads ids split over lines', () => {
    const refs = noteReferences('Text arXiv:1111.11111\n\n## References\n\n- A, "Title One", 2020,\n  arXiv:2301.04104.\n- B, https://arxiv.org/abs/hep-th/9711200v3\n\n## After\narXiv:2222.22222');
    assert.deepEqual(refs.map((r) => r.arxivId), ['2301.04104', 'hep-th/9711200']);
    assert.equal(refs[0].title, 'Title One');
  });
});

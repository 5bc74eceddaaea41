import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arxivIdOf, doiOf, isPaperId, noteFileName, paperIdOf, parsePaperInput } from '../../src/core/papers/paperIds';

describe('paper ids', () => {
  it('normalises new and old arXiv ids, versions and URLs to the id without version', () => {
    const cases: Array<[string, string]> = [
      ['1706.03762', '1706.03762'],
      ['1706.03762v7', '1706.03762'],
      ['arXiv:2305.18290v3', '2305.18290'],
      ['arxiv: 2106.09685', '2106.09685'],
      ['https://arxiv.org/abs/1706.03762v5', '1706.03762'],
      ['http://arxiv.org/pdf/1706.03762v7', '1706.03762'],
      ['https://arxiv.org/pdf/2501.12948.pdf', '2501.12948'],
      ['https://export.arxiv.org/abs/2501.12948?context=cs', '2501.12948'],
      ['https://www.arxiv.org/abs/0704.0001/', '0704.0001'],
      ['hep-th/9711200', 'hep-th/9711200'],
      ['hep-th/9711200v3', 'hep-th/9711200'],
      ['math.GT/0309136', 'math.GT/0309136'],
      ['https://arxiv.org/abs/cond-mat/0011267v1', 'cond-mat/0011267'],
    ];
    for (const [input, id] of cases) assert.equal(arxivIdOf(input), id, input);
    for (const bad of ['1706.037', '17060.3762', 'hep-th/971120', '../1706.03762', 'https://evil.example/abs/1706.03762', 'cs/../../etc']) assert.equal(arxivIdOf(bad), undefined, bad);
  });

  it('reads DOIs from doi: and doi.org forms, lowercased, and maps arXiv DOIs to arXiv ids', () => {
    assert.equal(doiOf('10.1145/3442188.3445922'), '10.1145/3442188.3445922');
    assert.equal(doiOf('https://doi.org/10.1023/A:1026654312961'), '10.1023/a:1026654312961');
    assert.equal(doiOf('doi:10.1000/XYZ'), '10.1000/xyz');
    assert.deepEqual(parsePaperInput('https://doi.org/10.48550/arXiv.1706.03762'), { kind: 'arxiv', arxivId: '1706.03762' });
    assert.deepEqual(parsePaperInput('10.1000/xyz'), { kind: 'doi', doi: '10.1000/xyz' });
  });

  it('refuses ids with path characters instead of taking them as titles', () => {
    for (const bad of ['../../etc/passwd', '10.1000/../../secret', '10.1000/a\\b', 'arXiv:../1706', '/etc/passwd', 'cs/../x', 'https://arxiv.org/abs/../../x']) {
      const r = parsePaperInput(bad);
      assert.ok('error' in r, bad);
    }
    assert.ok('error' in parsePaperInput(''));
    assert.ok('error' in parsePaperInput('x'.repeat(501)));
  });

  it('takes anything else as a title, with a stable generated id that ignores case and punctuation', () => {
    const a = parsePaperInput('  Attention   is all you need ');
    const b = parsePaperInput('ATTENTION IS ALL YOU NEED!');
    assert.deepEqual(a, { kind: 'title', title: 'Attention is all you need' });
    assert.ok(!('error' in a) && !('error' in b));
    assert.equal(paperIdOf(a as never), paperIdOf(b as never));
    assert.match(paperIdOf(a as never), /^paper:[0-9a-f]{8}$/);
  });

  it('ids are harmless object keys and note file names', () => {
    assert.ok(isPaperId('arxiv:1706.03762'));
    assert.ok(isPaperId('arxiv:hep-th/9711200'));
    assert.ok(isPaperId('doi:10.1023/a:1026654312961'));
    for (const bad of ['__proto__', 'constructor', 'arxiv:../x', 'doi:10.1000/../../x', 'doi:10.1000/a/./b', 'paper:zz', 'DOI:10.1000/X', '']) assert.equal(isPaperId(bad), false, bad);
    const name = noteFileName('arxiv:hep-th/9711200');
    assert.match(name, /^[\w.-]+\.md$/);
    assert.notEqual(noteFileName('doi:10.1000/a_b'), noteFileName('doi:10.1000/a/b'));
  });
});

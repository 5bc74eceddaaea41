import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeProgress, encodeProgressFile, mergeStates } from '../../src/core/progress/progressCodec';
import { applyChanges, emptyState } from '../../src/core/progress/progressModel';
import { addPaper, emptyResearch, nextStatus, PAPER_STATUSES, type PaperStatus, removePaper, setPaperStatus, updatePaper, withMetadata, type ResearchState } from '../../src/core/papers/paperModel';
import { decodeResearch } from '../../src/core/papers/researchCodec';

const t = (d: number) => new Date(Date.UTC(2026, 11, d, 12));
const meta = (title: string) => ({ title, authors: [], categories: [] });

describe('three-pass transitions', () => {
  it('moves to read → first → second → third pass → done, and done stays done', () => {
    const seen: PaperStatus[] = [PAPER_STATUSES[0]];
    while (seen.length < 6) seen.push(nextStatus(seen[seen.length - 1]));
    assert.deepEqual(seen, ['to-read', 'first-pass', 'second-pass', 'third-pass', 'done', 'done']);
  });

  it('records each pass with its date; setting the same status records nothing', () => {
    let r = addPaper(emptyResearch(), 'arxiv:1706.03762', meta('Attention'), t(1));
    assert.equal(r.papers['arxiv:1706.03762'].status, 'to-read');
    r = setPaperStatus(r, 'arxiv:1706.03762', 'first-pass', t(2));
    r = setPaperStatus(r, 'arxiv:1706.03762', 'second-pass', t(3));
    const same = setPaperStatus(r, 'arxiv:1706.03762', 'second-pass', t(4));
    assert.equal(same, r);
    assert.deepEqual(r.papers['arxiv:1706.03762'].passes, [
      { status: 'first-pass', at: t(2).toISOString() },
      { status: 'second-pass', at: t(3).toISOString() },
    ]);
    assert.equal(r.papers['arxiv:1706.03762'].added, t(1).toISOString());
  });

  it('adding a listed paper keeps its status and fills only missing metadata; metadata fetched later replaces typed text', () => {
    let r = addPaper(emptyResearch(), 'arxiv:1706.03762', meta('arXiv:1706.03762'), t(1));
    r = setPaperStatus(r, 'arxiv:1706.03762', 'first-pass', t(2));
    r = addPaper(r, 'arxiv:1706.03762', { ...meta('Other'), authors: ['A. Author'] }, t(3), ['attention']);
    const p = r.papers['arxiv:1706.03762'];
    assert.equal(p.status, 'first-pass');
    assert.equal(p.title, 'arXiv:1706.03762');
    assert.deepEqual(p.authors, ['A. Author']);
    assert.deepEqual(p.topics, ['attention']);
    r = withMetadata(r, 'arxiv:1706.03762', meta('Attention Is All You Need'), t(4));
    assert.equal(r.papers['arxiv:1706.03762'].title, 'Attention Is All You Need');
    assert.equal(r.papers['arxiv:1706.03762'].status, 'first-pass');
  });

  it('tags are cleaned and bounded; a bad id is refused; remove leaves the rest', () => {
    let r = addPaper(emptyResearch(), 'paper:0123abcd', meta('T'), t(1));
    r = updatePaper(r, 'paper:0123abcd', { tags: [' agents ', 'agents', '', 'world models'] }, t(2));
    assert.deepEqual(r.papers['paper:0123abcd'].tags, ['agents', 'world-models']);
    assert.throws(() => addPaper(r, '__proto__', meta('x'), t(1)), /not a paper id/);
    assert.deepEqual(Object.keys(removePaper(r, 'paper:0123abcd').papers), []);
  });
});

describe('papers in the progress store', () => {
  const research = (): ResearchState => setPaperStatus(addPaper(emptyResearch(), 'arxiv:2106.09685', meta('LoRA'), t(1)), 'arxiv:2106.09685', 'first-pass', t(2));

  it('round-trips through the progress export file, beside the roadmaps', () => {
    const state = { ...applyChanges(emptyState(), 'r', [{ kind: 'topic', id: 'a', status: 'done' }], t(1)).state, research: { ...research(), months: { '2026-12': { feed: t(3).toISOString() } } } };
    const { state: back, rejected } = decodeProgress(JSON.parse(encodeProgressFile(state, t(5))));
    assert.deepEqual(rejected, []);
    assert.deepEqual(back.research, state.research);
    assert.equal(back.roadmaps.r.topics.a.status, 'done');
  });

  it('old progress files without papers stay readable', () => {
    const old = { format: 'ai-roadmap-progress', version: 1, exportedAt: t(1).toISOString(), roadmaps: { r: { topics: { a: { status: 'done', updated: t(1).toISOString() } }, exercises: {}, history: [] } } };
    const { state, rejected } = decodeProgress(old);
    assert.deepEqual(rejected, []);
    assert.equal(state.research, undefined);
    assert.equal(state.roadmaps.r.topics.a.status, 'done');
  });

  it('keeps well-formed papers and names the rest; a hostile key changes nothing', () => {
    const good = research().papers['arxiv:2106.09685'];
    const raw = JSON.parse(`{"papers": {"arxiv:2106.09685": ${JSON.stringify(good)}, "__proto__": ${JSON.stringify(good)}, "../../x": {"title": "x"}, "paper:0123abcd": {"title": 5}}, "months": {"2026-13": {}, "2026-12": {"feed": "2026-12-02T00:00:00Z", "labs": "not a date"}}}`);
    const { state, rejected } = decodeResearch(raw);
    assert.deepEqual(Object.keys(state.papers), ['arxiv:2106.09685']);
    assert.equal(Object.getPrototypeOf(state.papers), Object.prototype);
    assert.deepEqual(state.months, { '2026-12': { feed: '2026-12-02T00:00:00Z' } });
    assert.equal(rejected.length, 4);
  });

  it('merges per paper by the newer update and unites the month checks', () => {
    const a = { version: 1 as const, roadmaps: {}, research: research() };
    const newer = setPaperStatus(research(), 'arxiv:2106.09685', 'done', t(9));
    const b = { version: 1 as const, roadmaps: {}, research: { ...addPaper(newer, 'paper:0123abcd', meta('Other'), t(3)), months: { '2026-11': { labs: t(1).toISOString() } } } };
    const merged = mergeStates(a, b).research!;
    assert.equal(merged.papers['arxiv:2106.09685'].status, 'done');
    assert.ok(merged.papers['paper:0123abcd']);
    assert.deepEqual(merged.months, { '2026-11': { labs: t(1).toISOString() } });
    assert.deepEqual(mergeStates(b, a).research!.papers['arxiv:2106.09685'].status, 'done');
  });
});

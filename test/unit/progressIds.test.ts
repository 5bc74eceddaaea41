import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isValidId, isWindowsReservedName } from '../../src/core/ids';
import { decodeProgress, encodeProgressFile, isProgressTime, MAX_PROGRESS_BYTES, MAX_REPORTED, mergeStates, parseProgressText } from '../../src/core/progress/progressCodec';
import { applyChanges, emptyState, MAX_HISTORY, resetRoadmap, statusOf, type Status } from '../../src/core/progress/progressModel';
import { tallyTopics } from '../../src/core/progress/progressStats';
import { runs, within } from './support/runs';

/** Ids that are also members of every object, and keys our own tables use. */
const OBJECT_KEYS = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'history', 'topics', 'exercises', 'roadmaps', 'version', 'prototype', 'length'])];
const objectKey = fc.constantFrom(...OBJECT_KEYS);
const status = fc.constantFrom<Status>('not-started', 'in-progress', 'done', 'skipped');
const now = Date.parse('2026-12-01T12:00:00Z');
const at = (min: number) => new Date(Date.parse('2026-06-01T00:00:00Z') + min * 60_000);
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();

describe('ids that are object keys', () => {
  it('mark, tally, reset, merge and round-trip for ids drawn from Object.prototype', () => {
    fc.assert(
      fc.property(objectKey, fc.array(fc.tuple(objectKey, status), { maxLength: 12 }), (roadmapId, marks) => {
        let s = emptyState();
        marks.forEach(([id, st], i) => (s = applyChanges(s, roadmapId, [{ kind: 'topic', id, status: st }], at(i)).state));
        const last = new Map(marks);
        for (const [id, st] of last) assert.equal(statusOf(s.roadmaps[roadmapId], 'topic', id), st);
        assert.equal(statusOf(s.roadmaps[roadmapId], 'exercise', 'constructor'), 'not-started');
        const t = tallyTopics(OBJECT_KEYS, s.roadmaps[roadmapId]);
        assert.equal(t.done, [...last.values()].filter((x) => x === 'done').length);
        const merged = mergeStates(emptyState(), s);
        for (const [id, st] of last) assert.equal(statusOf(merged.roadmaps[roadmapId], 'topic', id), st);
        resetRoadmap(s, roadmapId, at(99));
        // Through a file: ids the schema allows come back; the others are refused by name.
        const back = decodeProgress(JSON.parse(encodeProgressFile(s, at(100))), now);
        if (isValidId(roadmapId)) for (const [id, st] of last) if (isValidId(id)) assert.equal(statusOf(back.state.roadmaps[roadmapId], 'topic', id), st);
        assert.equal(Object.getPrototypeOf(back.state.roadmaps), null, 'no key re-parents the table');
        assert.equal(Object.getOwnPropertyNames(Object.prototype).sort().join(), protoBefore, 'Object.prototype untouched');
      }),
      { numRuns: runs(300) },
    );
  });

  it('an imported "__proto__" key is refused by name and re-parents nothing', () => {
    const raw = JSON.parse('{"roadmaps": {"__proto__": {"topics": {}}, "r": {"topics": {"__proto__": {"status": "done", "updated": "2026-01-01T00:00:00Z"}, "history": {"status": "done", "updated": "2026-01-01T00:00:00Z"}}}}}');
    const { state, rejected } = decodeProgress(raw, now);
    assert.equal(Object.getPrototypeOf(state.roadmaps), null);
    assert.ok(rejected.some((r) => r.includes('Roadmap "__proto__"')), rejected.join('\n'));
    assert.ok(rejected.some((r) => r.includes('topic "__proto__"')), rejected.join('\n'));
    assert.equal(statusOf(state.roadmaps.r, 'topic', 'history'), 'done');
  });
});

describe('import is strict and bounded', () => {
  const entry = (updated: unknown) => ({ roadmaps: { r: { topics: { a: { status: 'done', updated } } } } });

  it('takes only ISO 8601 UTC times between 2000 and a day from now', () => {
    for (const bad of ['9', 'zz 2', '+275760-09-13T00:00:00.000Z', '2999-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2026-02-31T00:00:00Z', '2026-01-01T00:00:00+02:00', '2026-01-01', 42, null]) {
      const { state, rejected } = decodeProgress(entry(bad), now);
      assert.equal(statusOf(state.roadmaps.r, 'topic', 'a'), 'not-started', String(bad));
      assert.match(rejected[0], /topic "a" has time .*not an ISO 8601 UTC time/);
    }
    for (const good of ['2026-01-01T10:00:00Z', '2026-01-01T10:00:00.5Z', '2026-12-02T11:00:00.123Z']) assert.ok(isProgressTime(good, now), good);
  });

  it('any string is a time only if it is ISO UTC in range (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (s) => {
        const ok = isProgressTime(s, now);
        if (ok) {
          assert.match(s, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/);
          const t = Date.parse(s);
          assert.ok(t >= Date.UTC(2000, 0, 1) && t <= now + 86_400_000);
        }
      }),
      { numRuns: runs(500) },
    );
  });

  it('compares times as times when merging', () => {
    // As strings "10:00:00Z" sorts after "10:00:00.500Z", though it is half a second earlier.
    const mine = decodeProgress(entry('2026-01-01T10:00:00Z'), now).state;
    const theirs = decodeProgress({ roadmaps: { r: { topics: { a: { status: 'skipped', updated: '2026-01-01T10:00:00.500Z' } } } } }, now).state;
    assert.equal(statusOf(mergeStates(mine, theirs).roadmaps.r, 'topic', 'a'), 'skipped');
    assert.equal(statusOf(mergeStates(theirs, mine).roadmaps.r, 'topic', 'a'), 'skipped');
  });

  it('refuses ids the schema would refuse, each by name', () => {
    const bad = ['', 'a\u0000b', '../etc/passwd', 'a/b', 'x'.repeat(1_000_000), 'Upper', 'con', 'nul', 'com1', 'lpt9'];
    const topics = Object.fromEntries(bad.map((id) => [id, { status: 'done', updated: '2026-01-01T00:00:00Z' }]));
    const { state, rejected } = decodeProgress({ roadmaps: { r: { topics } } }, now);
    assert.deepEqual(Object.keys(state.roadmaps.r.topics), []);
    assert.equal(rejected.length, bad.length, rejected.join('\n'));
    assert.ok(rejected.every((r) => r.length < 300), 'a megabyte id is cut short in the report');
    assert.ok(rejected.some((r) => r.includes('"a\\u0000b"')), 'control characters are shown, not passed on');
  });

  it('orders history by time and trims the oldest', () => {
    const n = MAX_HISTORY + 50;
    const history = Array.from({ length: n }, (_, i) => ({ at: at(n - i).toISOString(), kind: 'topic', id: `t${i}`, from: 'not-started', to: 'done' }));
    const { state } = decodeProgress({ roadmaps: { r: { history } } }, now);
    const kept = state.roadmaps.r.history;
    assert.equal(kept.length, MAX_HISTORY);
    const times = kept.map((e) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(times[times.length - 1], at(n).getTime(), 'the newest is kept');
    assert.equal(times[0], at(51).getTime(), 'the 50 oldest are dropped');
  });

  it('names each refused entry up to a cap, then counts the rest', () => {
    const history = Array.from({ length: MAX_REPORTED + 1234 }, (_, i) => ({ at: 'never', kind: 'topic', id: `t${i}`, from: 'done', to: 'done' }));
    const { rejected } = decodeProgress({ roadmaps: { r: { history } } }, now);
    assert.equal(rejected.length, MAX_REPORTED + 1);
    assert.match(rejected[0], /history event #1 has time "never"/);
    assert.equal(rejected[MAX_REPORTED], '… and 1,234 more refused entries.');
  });

  it('caps the size with a clear message, and accepts a byte order mark', async () => {
    const huge = ' '.repeat(MAX_PROGRESS_BYTES + 1);
    const r = await within(2000, 'refusing an oversized file', () => parseProgressText(huge));
    assert.ok(!r.ok && /is 8\.0 MB; progress files may be at most 8 MB/.test(r.message), JSON.stringify(r).slice(0, 200));
    const bom = parseProgressText(`\uFEFF${JSON.stringify(entry('2026-01-01T00:00:00Z'))}`);
    assert.ok(bom.ok);
    assert.equal(statusOf(decodeProgress(bom.raw, now).state.roadmaps.r, 'topic', 'a'), 'done');
  });

  it('never throws and keeps only valid entries, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), fc.jsonValue(), (a, j) => {
        for (const raw of [a, { roadmaps: a }, { roadmaps: { r: a } }, { roadmaps: { r: { topics: j, history: j } } }]) {
          const { state, rejected } = decodeProgress(raw, now);
          assert.ok(rejected.length <= MAX_REPORTED + 1);
          for (const [rid, p] of Object.entries(state.roadmaps)) {
            assert.ok(isValidId(rid));
            for (const [id, e] of Object.entries(p.topics)) assert.ok(isValidId(id) && isProgressTime(e.updated, now));
            const times = p.history.map((e) => Date.parse(e.at));
            assert.deepEqual(times, [...times].sort((x, y) => x - y));
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('Windows device names', () => {
  it('are reserved in any case, with or without an extension (property)', () => {
    const devices = ['con', 'prn', 'aux', 'nul', ...Array.from({ length: 10 }, (_, i) => `com${i}`), ...Array.from({ length: 10 }, (_, i) => `lpt${i}`)];
    fc.assert(
      fc.property(fc.constantFrom(...devices), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.option(fc.stringMatching(/^\.[a-z0-9.]{0,8}$/), { nil: '' }), (name, upper, ext) => {
        const cased = [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        assert.ok(isWindowsReservedName(cased + ext), cased + ext);
        assert.ok(!isValidId(name));
      }),
      { numRuns: runs(300) },
    );
    for (const fine of ['console', 'con-man', 'null', 'com10', 'lpt', 'auxiliary', 'nu']) assert.ok(!isWindowsReservedName(fine), fine);
  });
});

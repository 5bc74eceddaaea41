import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checklist, monthKey, monthStreak, setCheck, shouldNudge } from '../../src/core/papers/monthlyHabit';
import { addPaper, emptyResearch, setPaperStatus, type ResearchState } from '../../src/core/papers/paperModel';
import { paperRows } from '../../src/core/papers/paperRows';
import { papersPerMonth } from '../../src/core/papers/paperStats';

const utc = () => 0;
const tokyo = () => 9 * 60;
const newYork = () => -5 * 60;
const at = (iso: string) => new Date(iso);

/** A month where the feed and labs are ticked and `papers` papers got a pass, all at `iso`. */
function completeMonth(r: ResearchState, iso: string, papers = 2, n = Object.keys(r.papers).length): ResearchState {
  for (let i = 0; i < papers; i++) {
    const id = `paper:${(n + i).toString(16).padStart(8, '0')}`;
    r = setPaperStatus(addPaper(r, id, { title: id, authors: [], categories: [] }, at(iso)), id, 'first-pass', at(iso));
  }
  const month = monthKey(at(iso), utc);
  return setCheck(setCheck(r, month, 'feed', true, at(iso)), month, 'labs', true, at(iso));
}

describe('the monthly research habit', () => {
  it('months are the learner’s local months', () => {
    const d = at('2026-01-31T23:30:00Z');
    assert.equal(monthKey(d, utc), '2026-01');
    assert.equal(monthKey(d, tokyo), '2026-02');
    assert.equal(monthKey(at('2026-03-01T02:00:00Z'), newYork), '2026-02');
  });

  it('counts papers read in a local month: a pass made at 23:30 UTC on the 31st is February in Tokyo', () => {
    let r = addPaper(emptyResearch(), 'paper:00000001', { title: 'x', authors: [], categories: [] }, at('2026-01-10T00:00:00Z'));
    r = setPaperStatus(r, 'paper:00000001', 'first-pass', at('2026-01-31T23:30:00Z'));
    assert.equal(checklist(r, '2026-01', 1, utc).papersRead, 1);
    assert.equal(checklist(r, '2026-02', 1, utc).papersRead, 0);
    assert.equal(checklist(r, '2026-02', 1, tokyo).papersRead, 1);
    assert.equal(checklist(r, '2026-01', 1, tokyo).papersRead, 0);
  });

  it('a month is complete with the feed, the labs and N papers', () => {
    let r = completeMonth(emptyResearch(), '2026-03-10T12:00:00Z', 1);
    assert.equal(checklist(r, '2026-03', 2, utc).complete, false, 'one paper of two');
    assert.equal(checklist(r, '2026-03', 1, utc).complete, true);
    r = setCheck(r, '2026-03', 'labs', false, at('2026-03-11T00:00:00Z'));
    assert.equal(checklist(r, '2026-03', 1, utc).complete, false);
  });

  it('the streak counts complete months in a row, across a year boundary, and is not lost on the 1st', () => {
    let r = emptyResearch();
    for (const iso of ['2025-11-15T12:00:00Z', '2025-12-15T12:00:00Z', '2026-01-15T12:00:00Z']) r = completeMonth(r, iso);
    assert.equal(monthStreak(r, at('2026-01-20T00:00:00Z'), 2, utc), 3);
    assert.equal(monthStreak(r, at('2026-02-01T08:00:00Z'), 2, utc), 3, 'February not done yet: January ends the streak');
    assert.equal(monthStreak(r, at('2026-03-02T00:00:00Z'), 2, utc), 0, 'February missed');
    r = completeMonth(r, '2026-02-10T12:00:00Z');
    assert.equal(monthStreak(r, at('2026-02-10T13:00:00Z'), 2, utc), 4);
    const gap = completeMonth(emptyResearch(), '2025-10-15T12:00:00Z');
    assert.equal(monthStreak(completeMonth(gap, '2025-12-15T12:00:00Z'), at('2025-12-20T00:00:00Z'), 2, utc), 1, 'November missing breaks it');
  });

  it('the streak follows the time zone: a late-night month in UTC is the next month in Tokyo', () => {
    let r = emptyResearch();
    for (let i = 0; i < 2; i++) {
      const id = `paper:0000000${i}`;
      r = setPaperStatus(addPaper(r, id, { title: id, authors: [], categories: [] }, at('2026-04-30T20:00:00Z')), id, 'first-pass', at('2026-04-30T20:00:00Z'));
    }
    r = setCheck(setCheck(r, '2026-05', 'feed', true, at('2026-05-01T01:00:00Z')), '2026-05', 'labs', true, at('2026-05-01T01:00:00Z'));
    assert.equal(monthStreak(r, at('2026-05-02T00:00:00Z'), 2, tokyo), 1, 'in Tokyo the passes were on May 1st');
    assert.equal(monthStreak(r, at('2026-05-02T00:00:00Z'), 2, utc), 0, 'in UTC they were in April');
  });

  it('nudges in the first days of a month until its checklist is done', () => {
    const r = emptyResearch();
    assert.equal(shouldNudge(r, at('2026-06-02T10:00:00Z'), 2, 5, utc), true);
    assert.equal(shouldNudge(r, at('2026-06-12T10:00:00Z'), 2, 5, utc), false);
    assert.equal(shouldNudge(completeMonth(r, '2026-06-02T09:00:00Z'), at('2026-06-02T10:00:00Z'), 2, 5, utc), false);
    assert.equal(shouldNudge(r, at('2026-05-31T20:00:00Z'), 2, 5, tokyo), true, 'already June 1st in Tokyo');
  });

  it('papers per month count additions and passes in the month they happened', () => {
    let r = addPaper(emptyResearch(), 'paper:00000001', { title: 'x', authors: [], categories: [] }, at('2026-05-03T00:00:00Z'));
    r = setPaperStatus(r, 'paper:00000001', 'first-pass', at('2026-05-04T00:00:00Z'));
    r = setPaperStatus(r, 'paper:00000001', 'second-pass', at('2026-06-04T00:00:00Z'));
    const months = papersPerMonth(r, at('2026-06-10T00:00:00Z'), 3, utc);
    assert.deepEqual(months.map((m) => m.month), ['2026-04', '2026-05', '2026-06']);
    assert.deepEqual(months[1], { month: '2026-05', added: 1, passes: { 'first-pass': 1, 'second-pass': 0, 'third-pass': 0, done: 0 } });
    assert.equal(months[2].passes['second-pass'], 1);
  });
});

describe('the Papers view rows', () => {
  it('show the month with its checklist and streak, then the papers grouped by pass, newest change first', () => {
    let r = addPaper(emptyResearch(), 'arxiv:1706.03762', { title: '<b>Attention</b>', authors: ['A. Vaswani', 'N. Shazeer'], published: '2017-06-12', categories: [] }, at('2026-12-01T10:00:00Z'));
    r = addPaper(r, 'paper:00000001', { title: 'Typed by hand', authors: [], categories: [] }, at('2026-12-01T11:00:00Z'));
    r = setPaperStatus(r, 'arxiv:1706.03762', 'first-pass', at('2026-12-02T10:00:00Z'));
    r = setCheck(r, '2026-12', 'feed', true, at('2026-12-02T10:00:00Z'));
    const now = at('2026-12-02T12:00:00Z');
    const root = paperRows(r, undefined, now, 2, utc);
    assert.deepEqual(root.map((x) => [x.label, x.description]), [
      ['This month: December 2026', '1 of 3 · streak 0 months'],
      ['To read', '1'],
      ['First pass', '1'],
    ]);
    const habit = paperRows(r, root[0].node, now, 2, utc);
    assert.deepEqual(habit.map((x) => x.checked), [true, false, false]);
    assert.equal(habit[2].description, '1 of 2 so far (a pass counts)');
    const [paper] = paperRows(r, root[2].node, now, 2, utc);
    assert.equal(paper.label, '<b>Attention</b>', 'a title with markup is a plain label');
    assert.equal(paper.description, 'A. Vaswani et al. · 2017');
  });
});

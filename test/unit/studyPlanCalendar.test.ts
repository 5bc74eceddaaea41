import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { planToIcs, checkStudyTime } from '../../src/core/plan/calendarExport';
import type { PlanSettings } from '../../src/core/plan/planSettings';
import { builtInMonths, local, plan, schedule } from './support/planFixtures';

/** Exports the built-in plan and parses it back with ical.js, an independent parser. */
function exportAndParse(p: PlanSettings, now: Date, title = 'Modern AI Learning Roadmap 2025') {
  const s = schedule(builtInMonths(), p, now);
  const out = planToIcs(s, p, { roadmapId: 'modern-ai-2025', roadmapTitle: title, now, timeZone: 'Europe/Paris', studyTime: { hour: 19, minute: 30 } });
  assert.ok(out.ok, out.ok ? '' : out.message);
  const cal = new ICAL.Component(ICAL.parse(out.text));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { s, out, cal, events };
}

describe('Export Study Plan to Calendar', () => {
  const now = local(2027, 1, 1, 8);

  it('writes a study block on each chosen weekday, an all-day event per milestone, and a research block a month', () => {
    const { s, out, events } = exportAndParse(plan({ weekdays: [2, 4, 6], hoursPerWeek: 9 }), now);
    const blocks = events.filter((e) => e.uid.includes('-study-'));
    const milestones = events.filter((e) => e.uid.includes('-milestone-'));
    assert.equal(out.ok && out.blocks, blocks.length);
    const research = events.filter((e) => e.uid.includes('-research-'));
    assert.equal(milestones.length, 12);
    assert.equal(research.length, 12, 'a research block in every month of the plan');
    assert.equal(out.ok && out.research, 12);
    assert.equal(events.length, blocks.length + 12 + 12);
    for (const r of research) {
      const month = Number(/-research-(\d+)@/.exec(r.uid)![1]);
      assert.equal(r.startDate.isDate, true, 'an all-day date');
      assert.equal(r.startDate.toString(), s.months[month - 1].start, 'in the first days of its month');
      assert.match(r.description, /three-pass method/);
    }
    for (const b of blocks) {
      const start = b.startDate.toJSDate();
      assert.ok([2, 4, 6].includes(start.getDay()), `a block on ${start.toString()}`);
      assert.equal(start.getHours(), 19);
      assert.equal(start.getMinutes(), 30);
      assert.equal(b.duration.toSeconds(), 3 * 3600, '9 h a week over 3 days');
      assert.match(b.description, /This week's topics:\n- /);
    }
    // Every study day from the start to the finish, none missing.
    const first = blocks[0].startDate.toJSDate();
    const last = blocks[blocks.length - 1].startDate.toJSDate();
    let expected = 0;
    for (let d = new Date(first); d <= last; d.setDate(d.getDate() + 1)) if ([2, 4, 6].includes(d.getDay())) expected++;
    assert.equal(blocks.length, expected);
    for (const m of milestones) {
      assert.equal(m.startDate.isDate, true, 'an all-day date');
      const month = Number(/-milestone-(\d+)@/.exec(m.uid)![1]);
      const target = s.months[month - 1].target;
      assert.equal(m.startDate.toString(), target);
      assert.match(m.summary, new RegExp(`^Milestone, month ${month}: `));
    }
  });

  it('keeps UIDs stable across exports, so calendars update rather than duplicate', () => {
    // Saturdays only: fewer blocks, as the ics library validates each event slowly.
    const sat = (over: Partial<PlanSettings> = {}) => plan({ weekdays: [6], ...over });
    const a = exportAndParse(sat(), now).events;
    const b = exportAndParse(sat(), local(2027, 1, 1, 20)).events;
    assert.deepEqual(a.map((e) => e.uid), b.map((e) => e.uid));
    assert.equal(new Set(a.map((e) => e.uid)).size, a.length, 'each UID once');
    // At another pace the milestones move but keep their UIDs.
    const faster = exportAndParse(sat({ hoursPerWeek: 20 }), now).events.filter((e) => e.uid.includes('-milestone-'));
    const slower = a.filter((e) => e.uid.includes('-milestone-'));
    assert.deepEqual(faster.map((e) => e.uid), slower.map((e) => e.uid));
    assert.notEqual(faster[11].startDate.toString(), slower[11].startDate.toString());
  });

  it('follows RFC 5545 line rules: CRLF, lines of at most 75 octets, folded text read back whole', () => {
    const title = `A roadmap with a long title: ${'é'.repeat(40)} and more words to fold`;
    const { out, events } = exportAndParse(plan({ weekdays: [6] }), now, title);
    assert.ok(out.ok);
    const lines = out.text.split('\r\n');
    assert.equal(lines[lines.length - 1], '');
    assert.ok(!out.text.replace(/\r\n/g, '').includes('\n'), 'no bare LF');
    for (const line of lines) assert.ok(new TextEncoder().encode(line).length <= 75, `too long: ${line}`);
    assert.ok(lines.some((l) => l.startsWith(' ')), 'long lines are folded');
    assert.ok(events[0].description.startsWith(title), 'unfolded back to the original text');
    assert.match(out.text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    assert.match(out.text, /\r\nX-WR-TIMEZONE:Europe\/Paris\r\n/);
    assert.match(out.text, /\r\nPRODID:ai-roadmap\/study-plan\r\n/);
  });

  it('skips paused days, and begins today when the plan began before', () => {
    const p = plan({ weekdays: [1, 6], pauses: [{ from: '2027-02-01', to: '2027-02-15' }] });
    const { events } = exportAndParse(p, local(2027, 1, 20, 9));
    const days = events.filter((e) => e.uid.includes('-study-')).map((e) => e.startDate.toJSDate());
    assert.ok(days[0] >= local(2027, 1, 20, 0));
    assert.ok(!days.some((d) => d >= local(2027, 2, 1, 0) && d < local(2027, 2, 15, 0)), 'no block in the pause');
  });

  it('reads the study time setting', () => {
    assert.deepEqual(checkStudyTime('7:05'), { hour: 7, minute: 5 });
    assert.equal(checkStudyTime('25:00'), undefined);
    assert.equal(checkStudyTime('evening'), undefined);
  });
});

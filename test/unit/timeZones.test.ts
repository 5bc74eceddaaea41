import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { planToIcs } from '../../src/core/plan/calendarExport';
import { weekDays } from '../../src/core/plan/planSummary';
import { applyChanges, emptyState, type ProgressState } from '../../src/core/progress/progressModel';
import { streak, weeklyCheckOffs } from '../../src/core/views/dashboardView';
import { localDayKey } from '../../src/core/time/localDates';
import { builtInMonths, local, plan, schedule } from './support/planFixtures';

/**
 * Local dates on both sides of UTC. The runner spawns this file once per time zone with TZ set
 * (a process reads TZ once, at start); in those processes the cases below run.
 */
const ZONE = process.env.AI_ROADMAP_TZ_CASES;
const ZONES = ['America/Los_Angeles', 'Pacific/Auckland'];

const doneAt = (...instants: Date[]): ProgressState =>
  instants.reduce((s, at, i) => applyChanges(s, 'r', [{ kind: 'topic', id: `t${i}`, status: 'done' }], at).state, emptyState());

if (!ZONE) {
  describe('local dates in other time zones', () => {
    for (const tz of ZONES) {
      it(`hold in ${tz} (UTC${tz.startsWith('America') ? '−7/−8' : '+12/+13'})`, () => {
        const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz, AI_ROADMAP_TZ_CASES: tz };
        delete env.NODE_TEST_CONTEXT;
        const r = spawnSync(process.execPath, ['--test-reporter=spec', __filename], { env, encoding: 'utf8', timeout: 300_000 });
        assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
        assert.match(r.stdout, /ℹ pass [1-9]/);
        assert.match(r.stdout, /ℹ fail 0/);
      });
    }
  });
} else {
  describe(`in ${ZONE}`, () => {
    it('runs with the time zone it was given', () => {
      assert.equal(Intl.DateTimeFormat().resolvedOptions().timeZone, ZONE);
    });

    if (ZONE === 'America/Los_Angeles') {
      it('counts a check-off at 20:00 on a Sunday in that week, not in the next (UTC−7)', () => {
        const sunday8pm = local(2026, 7, 19, 20);
        assert.equal(sunday8pm.toISOString(), '2026-07-20T03:00:00.000Z', 'Monday in UTC');
        const weeks = weeklyCheckOffs(doneAt(sunday8pm).roadmaps.r, local(2026, 7, 20, 10), 2, 1);
        assert.deepEqual(weeks, [{ start: '2026-07-13', count: 1 }, { start: '2026-07-20', count: 0 }]);
        assert.equal(localDayKey(sunday8pm), '2026-07-19');
      });

      it('counts a streak by local days across midnight', () => {
        // 20:00 on the 17th and 08:00 on the 18th: one UTC day, two local days.
        assert.equal(streak(doneAt(local(2026, 7, 17, 20), local(2026, 7, 18, 8)).roadmaps.r, local(2026, 7, 18, 21)), 2);
        assert.equal(streak(doneAt(local(2026, 7, 20, 23, 30), local(2026, 7, 21, 0, 30)).roadmaps.r, local(2026, 7, 21, 9)), 2);
        assert.equal(streak(doneAt(local(2026, 7, 20, 0, 30), local(2026, 7, 20, 23, 30)).roadmaps.r, local(2026, 7, 20, 23, 45)), 1, 'one local day');
      });

      it('keeps weeks at local midnight, seven calendar days apart, across the change to daylight time', () => {
        const s = schedule(builtInMonths(), plan({ start: '2027-03-01' }), local(2027, 3, 20));
        for (let w = 0; w < 6; w++) {
          const { first } = weekDays(s, w);
          assert.equal(first.getHours(), 0);
          assert.equal(localDayKey(first), localDayKey(new Date(2027, 2, 1 + 7 * w)));
        }
        assert.equal(s.currentWeek, 2, '20 March is in the third week');
      });

      it('writes 19:00 study blocks at the right UTC instant before and after the change (PST, PDT)', () => {
        const p = plan({ start: '2027-03-01', weekdays: [1, 5] });
        const instants = blockInstants(p, local(2027, 3, 1, 8));
        assert.ok(instants.includes('2027-03-13T03:00:00.000Z'), 'Friday 12 March, 19:00 PST');
        assert.ok(instants.includes('2027-03-16T02:00:00.000Z'), 'Monday 15 March, 19:00 PDT');
      });
    } else {
      it('counts a check-off at 08:00 on a Monday in that week, not in the one before (UTC+13)', () => {
        const monday8am = local(2027, 1, 11, 8);
        assert.equal(monday8am.toISOString(), '2027-01-10T19:00:00.000Z', 'Sunday in UTC');
        const weeks = weeklyCheckOffs(doneAt(monday8am).roadmaps.r, local(2027, 1, 11, 12), 2, 1);
        assert.deepEqual(weeks, [{ start: '2027-01-04', count: 0 }, { start: '2027-01-11', count: 1 }]);
      });

      it('counts a streak by local days across midnight', () => {
        assert.equal(streak(doneAt(local(2027, 1, 10, 23, 30), local(2027, 1, 11, 0, 30)).roadmaps.r, local(2027, 1, 11, 9)), 2);
        // 10:00 and 14:00 local are two UTC days but one local day.
        assert.equal(streak(doneAt(local(2027, 1, 11, 10), local(2027, 1, 11, 14)).roadmaps.r, local(2027, 1, 11, 20)), 1);
      });

      it('writes 19:00 study blocks at the right UTC instant before and after the change (NZDT, NZST)', () => {
        const p = plan({ start: '2027-03-01', weekdays: [1, 5] });
        const instants = blockInstants(p, local(2027, 3, 1, 8));
        assert.ok(instants.includes('2027-04-02T06:00:00.000Z'), 'Friday 2 April, 19:00 NZDT');
        assert.ok(instants.includes('2027-04-05T07:00:00.000Z'), 'Monday 5 April, 19:00 NZST');
      });
    }

    it("puts the built-in plan's months on calendar months at its intended pace", () => {
      const months = builtInMonths();
      const intended = schedule(months, plan(), local(2026, 12, 1)).intendedPace;
      const s = schedule(months, plan({ hoursPerWeek: intended }), local(2026, 12, 1));
      s.months.forEach((m, i) => {
        assert.equal(m.start, localDayKey(new Date(2027, i, 1)));
        assert.equal(m.target, localDayKey(new Date(2027, i + 1, 0)));
      });
    });
  });
}

function blockInstants(p: ReturnType<typeof plan>, now: Date): string[] {
  const s = schedule(builtInMonths(), p, now);
  const out = planToIcs(s, p, { roadmapId: 'r', roadmapTitle: 'R', now, timeZone: ZONE!, studyTime: { hour: 19, minute: 0 } });
  assert.ok(out.ok);
  const cal = new ICAL.Component(ICAL.parse(out.text));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).filter((e) => e.uid.includes('-study-')).map((e) => e.startDate.toJSDate().toISOString());
}

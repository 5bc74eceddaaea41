import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeProgress, encodeProgressFile, mergeStates, replaceRoadmaps } from '../../src/core/progress/progressCodec';
import { applyChanges, emptyState, setPlan } from '../../src/core/progress/progressModel';
import { dashboardData } from '../../src/core/views/dashboardView';
import { burnDown, focusTopic, summaryLine, thisWeek } from '../../src/core/plan/planSummary';
import { checkDailyLoad, checkPace, checkPlan, checkPlanLength, checkStart, checkWeekdays, pausePlan, resumePlan } from '../../src/core/plan/planSettings';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { localDayKey, parseLocalDay, plusDays } from '../../src/core/time/localDates';
import { studyPlanChildren, studyPlanRow } from '../../src/core/views/studyPlanRows';
import { builtInIndex, builtInMonths, evenMonths, local, plan, schedule } from './support/planFixtures';

const lastDayOfMonth = (y: number, m: number) => localDayKey(new Date(y, m, 0));
const firstDayOfMonth = (y: number, m: number) => localDayKey(new Date(y, m - 1, 1));

describe('study plan schedule', () => {
  it("puts the built-in plan's months on calendar months at its intended pace", () => {
    const months = builtInMonths();
    const intended = schedule(months, plan(), local(2026, 12, 1)).intendedPace;
    assert.ok(intended > 15 && intended < 21, `about 18 h a week, got ${intended}`);
    const s = schedule(months, plan({ hoursPerWeek: intended }), local(2026, 12, 1));
    assert.equal(s.months.length, 12);
    for (const m of s.months) {
      assert.equal(m.start, firstDayOfMonth(2027, m.month), `month ${m.month} starts on the 1st`);
      assert.equal(m.target, lastDayOfMonth(2027, m.month), `month ${m.month}'s milestone is due on its last day`);
    }
    assert.equal(s.plannedFinish, '2027-12-31');
  });

  it('stretches at a slower pace and shrinks at a faster one', () => {
    const months = evenMonths();
    const base = schedule(months, plan(), local(2026, 12, 1));
    const half = schedule(months, plan({ hoursPerWeek: base.intendedPace / 2 }), local(2026, 12, 1));
    const double = schedule(months, plan({ hoursPerWeek: base.intendedPace * 2 }), local(2026, 12, 1));
    const days = (s: typeof base) => (parseLocalDay(s.plannedFinish)!.getTime() - parseLocalDay(s.start)!.getTime()) / 86_400_000;
    const intended = schedule(months, plan({ hoursPerWeek: base.intendedPace }), local(2026, 12, 1));
    assert.ok(Math.abs(days(half) - 2 * days(intended)) <= 2, `${days(half)} vs 2 × ${days(intended)}`);
    assert.ok(Math.abs(days(double) - days(intended) / 2) <= 2, `${days(double)} vs ${days(intended)} / 2`);
    assert.ok(half.weeks > intended.weeks && intended.weeks > double.weeks);
    // Within a month, topics follow one another in order and share it by hours.
    const m1 = intended.months[0].topics;
    for (let i = 1; i < m1.length; i++) assert.equal(m1[i].startDay, m1[i - 1].endDay);
    assert.ok(Math.abs(m1[0].endDay - m1[0].startDay - 31 / 4) < 1e-6);
  });

  it('gives each topic a planned week counted from the start week', () => {
    const s = schedule(evenMonths(4, 10), plan({ hoursPerWeek: 10, start: '2027-01-06' }), local(2027, 1, 6)); // a Wednesday
    assert.equal(s.firstWeekStart, '2027-01-04', 'weeks begin on Monday');
    assert.equal(s.currentWeek, 0);
    const sunday = schedule(evenMonths(4, 10), plan({ start: '2027-01-06' }), local(2027, 1, 6), {}, 0);
    assert.equal(sunday.firstWeekStart, '2027-01-03', 'or on Sunday');
    for (const t of s.topics) assert.equal(t.week, Math.floor((Math.max(t.startDay, t.endDay - 1e-9) + 2) / 7));
    assert.deepEqual([...new Set(s.topics.map((t) => t.week))], [...new Set(s.topics.map((t) => t.week))].sort((a, b) => a - b), 'weeks in order');
  });

  it('frees the hours of skipped topics and of topics done before the start, not of those done since', () => {
    const months = evenMonths(4, 10);
    const now = local(2027, 1, 2);
    const base = schedule(months, plan(), now);
    const skipped = Object.fromEntries(months[0].topics.map((t) => [t.id, { status: 'skipped' as const }]));
    const s1 = schedule(months, plan(), now, skipped);
    assert.equal(s1.months[1].start, '2027-01-01', 'month 2 begins at the start when month 1 is skipped');
    assert.ok(s1.plannedFinish < base.plannedFinish);
    const doneBefore = { m1t1: { status: 'done' as const, at: local(2026, 12, 20).toISOString() } };
    const s2 = schedule(months, plan(), now, doneBefore);
    assert.equal(s2.topics[0].planned, false);
    assert.ok(s2.plannedFinish < base.plannedFinish);
    const doneSince = { m1t4: { status: 'done' as const, at: local(2027, 1, 2, 9).toISOString() } };
    const s3 = schedule(months, plan(), now, doneSince);
    assert.equal(s3.plannedFinish, base.plannedFinish, 'progress within the plan keeps the dates');
    assert.equal(s3.topics[3].flag, 'ahead', 'done before its planned week');
    assert.ok(s3.projectedFinish < base.projectedFinish, 'but the projected finish moves earlier');
  });

  it('moves everything after a paused week by a week, and pausing today moves dates each day', () => {
    const months = evenMonths();
    const now = local(2027, 1, 2);
    const base = schedule(months, plan(), now);
    const paused = schedule(months, plan({ pauses: [{ from: '2027-02-10', to: '2027-02-17' }] }), now);
    for (let i = 0; i < 12; i++) {
      const b = base.months[i];
      const p = paused.months[i];
      if (b.target < '2027-02-10') assert.equal(p.target, b.target);
      else assert.equal(p.target, localDayKey(plusDays(parseLocalDay(b.target)!, 7)), `month ${i + 1} moves a week`);
    }
    const p0 = pausePlan(plan(), local(2027, 3, 1));
    assert.deepEqual(p0.pauses, [{ from: '2027-03-01' }]);
    const day1 = schedule(months, p0, local(2027, 3, 1));
    const day5 = schedule(months, p0, local(2027, 3, 5));
    assert.ok(day5.plannedFinish > day1.plannedFinish, 'an ongoing pause keeps pushing');
    assert.ok(day1.paused && summaryLine(day1).includes('paused'));
    const resumed = resumePlan(p0, local(2027, 3, 8));
    assert.deepEqual(resumed.pauses, [{ from: '2027-03-01', to: '2027-03-08' }]);
    assert.deepEqual(resumePlan(p0, local(2027, 3, 1)).pauses, [], 'a pause undone the same day leaves nothing');
  });

  it('flags topics behind when their week has passed, and sums the hours behind', () => {
    const months = evenMonths(4, 10);
    const p = plan({ hoursPerWeek: 10 });
    const now = local(2027, 3, 15);
    const s = schedule(months, p, now, { m1t1: { status: 'done', at: local(2027, 1, 5).toISOString() } });
    const past = s.topics.filter((t) => t.week < s.currentWeek);
    assert.ok(past.length > 2);
    for (const t of past) assert.equal(t.flag, t.id === 'm1t1' ? 'on-track' : 'behind', t.id);
    const future = s.topics.filter((t) => t.week > s.currentWeek);
    assert.ok(future.every((t) => t.flag === 'on-track'));
    assert.ok(s.behindHours > 0);
    assert.match(summaryLine(s), /^Week \d+ of \d+ · \d+ h behind · finish around \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    assert.ok(s.projectedFinish > s.plannedFinish, 'behind: the finish moves later');
    assert.ok(thisWeek(s).length > 0);
    assert.equal(focusTopic(s)?.id, 'm1t2', 'the focus is the oldest topic not done');
  });

  it('says "on track" when done matches due, and counts a plan that has not begun', () => {
    const s = schedule(evenMonths(), plan(), local(2027, 1, 1, 0, 1));
    assert.match(summaryLine(s), /^Week 1 of \d+ · on track · finish around/);
    const early = schedule(evenMonths(), plan(), local(2026, 12, 1));
    assert.match(summaryLine(early), /^Starts 1 Jan 2027 · finish around/);
    assert.ok(early.currentWeek < 0);
  });

  it('assumes the mean hours for topics without an estimate, and 5 h when none has one', () => {
    const months = evenMonths(2, 8);
    months[0].topics[0] = { id: 'x', title: 'X' };
    const s = schedule(months, plan(), local(2027, 1, 1));
    assert.equal(s.topics[0].hours, 8);
    assert.equal(s.topics[0].estimated, false);
    const none = evenMonths(2).map((m) => ({ ...m, topics: m.topics.map((t) => ({ id: t.id, title: t.title })) }));
    assert.equal(schedule(none, plan(), local(2027, 1, 1)).topics[0].hours, 5);
  });

  it('draws a burn-down from all the hours to none, with actual hours up to this week', () => {
    const s = schedule(evenMonths(4, 10), plan({ hoursPerWeek: 20 }), local(2027, 2, 10), { m1t1: { status: 'done', at: local(2027, 1, 3).toISOString() } });
    const b = burnDown(s);
    assert.equal(b.totalHours, 480);
    assert.equal(b.weeks.length, s.weeks);
    assert.ok(b.weeks[0].planned < 480 && b.weeks[b.weeks.length - 1].planned === 0);
    for (let i = 1; i < b.weeks.length; i++) assert.ok(b.weeks[i].planned <= b.weeks[i - 1].planned, 'planned hours left never grow');
    const withActual = b.weeks.filter((w) => w.actual !== undefined);
    assert.equal(withActual.length, s.currentWeek + 1);
    assert.equal(withActual[0].actual, 470);
  });
});

describe('study plan checks', () => {
  const now = local(2026, 12, 2);
  it('refuses a pace of 0, negative, NaN, empty or over 168 h with a sentence', () => {
    for (const bad of [0, -3, Number.NaN, Infinity, 169, '', 'ten', '1e9', null, undefined]) {
      const c = checkPace(bad);
      assert.equal(c.ok, false, String(bad));
      if (!c.ok) assert.match(c.message, /^The pace must be .+\.$/);
    }
    assert.deepEqual(checkPace('12.5'), { ok: true, value: 12.5 });
    assert.deepEqual(checkPace(168), { ok: true, value: 168 });
  });

  it('refuses start dates that are not dates, or far in the past or the future', () => {
    for (const bad of ['2027-02-30', '27-01-01', 'tomorrow', '2020-01-01', '2031-01-01', 42]) assert.equal(checkStart(bad, now).ok, false, String(bad));
    assert.deepEqual(checkStart('2026-11-30', now), { ok: true, value: '2026-11-30' });
    const far = checkStart('1999-01-01', now);
    assert.ok(!far.ok && /more than 5 years ago/.test(far.message));
  });

  it('refuses empty or unknown study days, more hours a day than fit, and plans of decades', () => {
    assert.equal(checkWeekdays([]).ok, false);
    assert.equal(checkWeekdays([7]).ok, false);
    assert.equal(checkWeekdays(['1']).ok, false);
    assert.deepEqual(checkWeekdays([5, 1, 1]), { ok: true, value: [1, 5] });
    const load = checkDailyLoad(60, [6]);
    assert.ok(!load.ok && /60 h a week on 1 day is 60 h a day/.test(load.message));
    const long = checkPlanLength(36 * 365, 0.5);
    assert.ok(!long.ok && /about 36 years; choose at least 2 h a week/.test(long.message), long.ok ? '' : long.message);
  });

  it('checks a whole plan from untrusted data field by field', () => {
    assert.equal(checkPlan(plan(), now).ok, true);
    for (const [bad, words] of [
      [{ ...plan(), hoursPerWeek: 0 }, /pace/],
      [{ ...plan(), start: '1900-01-01' }, /start date/],
      [{ ...plan(), weekdays: [] }, /day of the week/],
      [{ ...plan(), pauses: [{ from: '2027-02-01', to: '2027-01-01' }] }, /ends/],
      [{ ...plan(), pauses: [{ from: '2027-01-01' }, { from: '2027-02-01', to: '2027-02-08' }] }, /ongoing/],
      [{ ...plan(), updated: 'yesterday' }, /updated/],
      ['plan', /not an object/],
    ] as const) {
      const c = checkPlan(bad, now);
      assert.ok(!c.ok && words.test(c.message), JSON.stringify(bad));
    }
  });
});

describe('study plan in the progress store', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  it('is kept through changes, export and import; old files without a plan still read', () => {
    let s = setPlan(emptyState(), 'r', plan());
    s = applyChanges(s, 'r', [{ kind: 'topic', id: 'a', status: 'done' }], now).state;
    assert.deepEqual(s.roadmaps.r.plan, plan(), 'a status change keeps the plan');
    const round = decodeProgress(JSON.parse(encodeProgressFile(s, now)), now.getTime());
    assert.deepEqual(round.rejected, []);
    assert.deepEqual(round.state.roadmaps.r.plan, plan());
    const old = decodeProgress({ version: 1, roadmaps: { r: { topics: { a: { status: 'done', updated: now.toISOString() } }, exercises: {}, history: [] } } });
    assert.deepEqual(old.rejected, []);
    assert.equal(old.state.roadmaps.r.plan, undefined);
  });

  it('refuses an imported plan with a bad field, saying why, and keeps the statuses readable', () => {
    const raw = { format: 'ai-roadmap-progress', version: 1, roadmaps: { r: { topics: {}, exercises: {}, history: [], plan: { ...plan(), hoursPerWeek: -2 } } } };
    const d = decodeProgress(raw, now.getTime());
    assert.equal(d.planRejected.length, 1);
    assert.match(d.planRejected[0], /^Roadmap "r": the study plan was refused\. The pace must be at least 0\.5 h a week; -2 h would never finish\.$/);
    assert.equal(d.state.roadmaps.r.plan, undefined);
  });

  it('merges to the newer plan, and a replace from a file without one keeps the learner\'s', () => {
    const older = setPlan(emptyState(), 'r', plan({ hoursPerWeek: 5, updated: '2026-01-01T00:00:00Z' }));
    const newer = setPlan(emptyState(), 'r', plan({ hoursPerWeek: 15, updated: '2026-06-01T00:00:00Z' }));
    assert.equal(mergeStates(older, newer).roadmaps.r.plan?.hoursPerWeek, 15);
    assert.equal(mergeStates(newer, older).roadmaps.r.plan?.hoursPerWeek, 15);
    assert.equal(mergeStates(newer, emptyState()).roadmaps.r.plan?.hoursPerWeek, 15);
    const noPlan = applyChanges(emptyState(), 'r', [{ kind: 'topic', id: 'a', status: 'done' }], now).state;
    assert.equal(replaceRoadmaps(newer, noPlan).roadmaps.r.plan?.hoursPerWeek, 15);
    assert.equal(replaceRoadmaps(newer, noPlan).roadmaps.r.topics.a.status, 'done');
  });
});

describe('Study Plan view rows and the dashboard', () => {
  const index = builtInIndex();
  const id = index.roadmap.id;
  it('without a plan: a row to start one above the undated months', () => {
    const rows = studyPlanChildren(index, undefined, undefined, { hideCompleted: false });
    assert.equal(rows[0], 'plan:start');
    assert.equal(rows.filter((r) => r.startsWith('month:')).length, 12);
    assert.equal(studyPlanRow(index, undefined, undefined, 'plan:start')?.command, 'startStudyPlan');
  });

  it('with a plan: the summary, this week with its topics, dated months with the current one marked', () => {
    const now = local(2027, 2, 10);
    const progress = setPlan(emptyState(), id, plan()).roadmaps[id];
    const s = schedule(builtInMonths(), plan(), now);
    const roots = studyPlanChildren(index, progress, s, { hideCompleted: false });
    assert.deepEqual(roots.slice(0, 2), ['plan:summary', 'week:this']);
    assert.match(studyPlanRow(index, progress, s, 'plan:summary')!.label, /^Week 7 of \d+ · \d+ h behind · finish around/);
    assert.match(studyPlanRow(index, progress, s, 'week:this')!.label, /^This week · 8–14 Feb$/);
    const week = studyPlanChildren(index, progress, s, { hideCompleted: false }, 'week:this');
    assert.ok(week.length > 0 && week.every((e) => /^topic:[\w-]+:week$/.test(e)));
    const month1 = studyPlanRow(index, progress, s, 'month:1')!;
    assert.match(String(month1.description), /^now · 1 Jan – \d+ [A-Z][a-z]{2} 2027 · Foundations · 0\/4$/);
    assert.equal(month1.icon, 'location');
    const topic = studyPlanRow(index, progress, s, 'topic:linear-algebra:1')!;
    assert.match(String(topic.description), /^week \d+ \(.+\) · 20 h · behind$/);
    assert.match(studyPlanRow(index, progress, s, 'milestone:1')!.label, /^Milestone by \d+ [A-Z][a-z]{2}: /);
    // Every dated month ends with its research block (layer 8's monthly habit), in its first days.
    for (const m of s.months) {
      const children = studyPlanChildren(index, progress, s, { hideCompleted: false }, `month:${m.month}`);
      assert.equal(children.at(-1), `research:${m.month}`);
    }
    const research = studyPlanRow(index, progress, s, 'research:2')!;
    assert.equal(research.kind, 'research');
    assert.match(research.label, /^Research block: papers and news, from \d+ [A-Z][a-z]{2}$/);
    assert.match(String(research.tooltip), /three-pass method/);
  });

  it('the dashboard carries the burn-down with a plan and says when hours are not estimated', () => {
    const now = local(2027, 2, 10);
    const progress = setPlan(emptyState(), id, plan()).roadmaps[id];
    const d = dashboardData(index, progress, now);
    assert.ok(d.plan && d.plan.weeks.length > 50);
    assert.match(d.plan.projectedFinishLabel, /^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    assert.equal(dashboardData(index, undefined, now).plan, undefined);
    const bare = new RoadmapIndex({ ...index.roadmap, layers: index.roadmap.layers.map((l) => ({ ...l, topics: l.topics.map((t) => ({ ...t, hours: undefined })) })) });
    const none = dashboardData(bare, undefined, now);
    assert.equal(none.hoursLeft, 0);
    assert.equal(none.unestimatedLeft, bare.topicOrder.length, 'the dashboard shows "not estimated", not 0 h');
  });
});

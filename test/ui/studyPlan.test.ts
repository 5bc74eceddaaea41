import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDayKey } from '../../src/core/time/localDates';
import { Dashboard, RoadmapTree, StudyPlanView, useWorkbench } from './pages';

describe('The study plan in real VS Code', () => {
  const workbench = useWorkbench();

  it('Start Study Plan dates the Study Plan view, with this week on top', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    // Eleven weeks in: month 1 is past, so its topics not done are behind.
    const now = new Date();
    const start = localDayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 75));
    await tree.expand(/^1\. Mathematical/);
    await tree.clickCheckbox(/^Linear algebra/);
    await tree.clickCheckbox(/^Calculus/);
    await tree.collapse(/^1\. Mathematical/);

    await wb.runCommand('AI Roadmap: Start Study Plan...');
    await wb.quickPick.answer('start date', start);
    await wb.quickPick.answer('pace', '10');
    await wb.quickPick.rows().filter({ hasText: 'Monday' }).first().waitFor({ timeout: 90_000 });
    await wb.quickPick.answer('study days');
    await wb.quickPick.waitClosed(90_000);

    const plan = new StudyPlanView(wb);
    await plan.expand();
    await plan.foldRoadmap();
    await plan.row(/^Week \d+ of \d+ · .+ · finish around \d{1,2} [A-Z][a-z]{2} \d{4}$/).waitFor({ timeout: 90_000 });
    const thisWeek = plan.row(/^This week · /);
    await thisWeek.waitFor({ timeout: 90_000 });
    assert.ok(await plan.isExpanded(/^This week · /), 'this week is open');
    // The current month is marked "now" and open with its dated topics.
    const current = plan.rowDescribed(/^now · /);
    await current.waitFor({ timeout: 90_000 });
    const described = await plan.descriptions();
    assert.ok(described.some((d) => /^month \d+ · week \d+ \(.+\) · \d+ h · (on track|behind|ahead)$/.test(d)), `this week's topics: ${described.join(' | ')}`);
    // Two topics done eleven weeks in: behind, in hours and on month 1's topics.
    await plan.row(/^Week 1[12] of \d+ · \d+ h behind · /).waitFor({ timeout: 90_000 });
    await plan.widen(760);
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.screenshot('study-plan');
    // Month 1 is past: its topics not done are flagged behind. Room for it: fold this week and now.
    await plan.toggle(thisWeek);
    await plan.toggle(current);
    await plan.toggle(plan.row(/^Month 1: /));
    await plan.rowDescribed(/ · behind$/).waitFor({ timeout: 90_000 });
  });

  it('the dashboard draws the burn-down, planned against actual, with the projected finish', async () => {
    const wb = workbench();
    await new StudyPlanView(wb).widen(340);
    await wb.runCommand('AI Roadmap: Open Progress Dashboard');
    const dashboard = await Dashboard.findPlan(wb, /^Week \d+ of \d+ · /);
    assert.match(await dashboard.fact('finish'), /^projected finish \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    const { planned, actual } = await dashboard.burnDownPoints();
    assert.ok(planned.split(' ').length > 50, 'a point a week for the whole plan');
    assert.ok(actual.split(' ').length >= 6 && actual.split(' ').length < planned.split(' ').length, 'actual up to this week');
    await dashboard.scrollToSection('Study plan');
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.screenshot('dashboard-burn-down');
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDayKey } from '../../src/core/time/localDates';
import { RoadmapTree, webviewFrame, useWorkbench, type Workbench } from './pages';

/** The "Study Plan" view of the AI Roadmap sidebar. */
class StudyPlanView {
  constructor(private readonly wb: Workbench) {}

  private pane() {
    return this.wb.page.locator('[id="workbench.view.extension.aiRoadmap"] .pane').filter({ has: this.wb.page.locator('.pane-header', { hasText: 'Study Plan' }) });
  }

  async expand() {
    const header = this.pane().locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.locator('h3.title').click();
  }

  /** Folds the other views of the sidebar (Roadmap, Papers), so the Study Plan has its height. */
  async foldRoadmap() {
    const headers = this.wb.page.locator('[id="workbench.view.extension.aiRoadmap"] .pane-header[aria-expanded="true"]').filter({ hasNotText: 'Study Plan' });
    // On its title: the middle of a header holds the view's action buttons.
    while ((await headers.count()) > 0) await headers.first().locator('h3.title').click();
  }

  /** Drags the sidebar's edge to the right, so the dates in the rows can be read whole. */
  async widen(width: number) {
    const box = await this.wb.page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const edge = box.x + box.width;
    await this.wb.page.mouse.move(edge - 1, box.y + box.height / 2);
    await this.wb.page.mouse.down();
    await this.wb.page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
    await this.wb.page.mouse.up();
  }

  row(label: string | RegExp) {
    return this.pane().locator('.monaco-list-row').filter({ has: this.wb.page.locator('.label-name', { hasText: label }) }).first();
  }

  rows() {
    return this.pane().locator('.monaco-list-row');
  }
}

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
    await tree.checkbox(/^Linear algebra/).click();
    await tree.checkbox(/^Calculus/).click();
    await tree.collapse(/^1\. Mathematical/);

    await wb.runCommand('AI Roadmap: Start Study Plan...');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 90_000 });
    await input.fill(start);
    await input.press('Enter');
    await wb.page.locator('.quick-input-widget', { hasText: 'pace' }).waitFor({ timeout: 90_000 });
    await input.fill('10');
    await input.press('Enter');
    await wb.page.locator('.quick-input-widget', { hasText: 'study days' }).waitFor({ timeout: 90_000 });
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Monday' }).waitFor({ timeout: 90_000 });
    await input.press('Enter');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 90_000 });

    const plan = new StudyPlanView(wb);
    await plan.expand();
    await plan.foldRoadmap();
    await plan.row(/^Week \d+ of \d+ · .+ · finish around \d{1,2} [A-Z][a-z]{2} \d{4}$/).waitFor({ timeout: 90_000 });
    const thisWeek = plan.row(/^This week · /);
    await thisWeek.waitFor({ timeout: 90_000 });
    assert.equal(await thisWeek.getAttribute('aria-expanded'), 'true', 'this week is open');
    // The current month is marked "now" and open with its dated topics.
    const current = plan.rows().filter({ has: wb.page.locator('.label-description', { hasText: /^now · / }) }).first();
    await current.waitFor({ timeout: 90_000 });
    const described = await plan.rows().locator('.label-description').allTextContents();
    assert.ok(described.some((d) => /^month \d+ · week \d+ \(.+\) · \d+ h · (on track|behind|ahead)$/.test(d.trim())), `this week's topics: ${described.join(' | ')}`);
    // Two topics done eleven weeks in: behind, in hours and on month 1's topics.
    await plan.row(/^Week 1[12] of \d+ · \d+ h behind · /).waitFor({ timeout: 90_000 });
    await plan.widen(760);
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.screenshot('study-plan');
    // Month 1 is past: its topics not done are flagged behind. Room for it: fold this week and now.
    await thisWeek.locator('.monaco-tl-twistie').click();
    await current.locator('.monaco-tl-twistie').click();
    await plan.row(/^Month 1: /).locator('.monaco-tl-twistie').click();
    await plan.rows().filter({ has: wb.page.locator('.label-description', { hasText: / · behind$/ }) }).first().waitFor({ timeout: 90_000 });
  });

  it('the dashboard draws the burn-down, planned against actual, with the projected finish', async () => {
    const wb = workbench();
    await new StudyPlanView(wb).widen(340);
    await wb.runCommand('AI Roadmap: Open Progress Dashboard');
    const frame = await webviewFrame(wb.page, '[data-fact="plan"]', /^Week \d+ of \d+ · /);
    assert.match((await frame.locator('[data-fact="finish"]').textContent()) ?? '', /^projected finish \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    const planned = (await frame.locator('.burn polyline.planned').getAttribute('points')) ?? '';
    const actual = (await frame.locator('.burn polyline.actual').getAttribute('points')) ?? '';
    assert.ok(planned.split(' ').length > 50, 'a point a week for the whole plan');
    assert.ok(actual.split(' ').length >= 6 && actual.split(' ').length < planned.split(' ').length, 'actual up to this week');
    await frame.locator('h2', { hasText: 'Study plan' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.screenshot('dashboard-burn-down');
  });
});

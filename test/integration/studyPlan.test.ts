import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { localDayKey } from '../../src/core/time/localDates';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

describe('Study plan with dates', () => {
  let api: AiRoadmapApi;
  let roadmapId: string;
  const plan = () => api.progress.get(roadmapId)?.plan;
  const label = async (element: string) => {
    await api.planTree.getChildren();
    const item = api.planTree.getTreeItem(element);
    return { label: String(item.label), description: String(item.description ?? '') };
  };
  const now = new Date();
  const firstOfMonth = localDayKey(new Date(now.getFullYear(), now.getMonth(), 1));

  before(async () => {
    api = await activateExtension();
    roadmapId = (await api.roadmaps.current()).roadmap.id;
  });
  beforeEach(async () => {
    await api.progress.reset(roadmapId);
    await api.progress.setPlan(roadmapId, undefined);
  });
  after(async () => {
    await api.progress.setPlan(roadmapId, undefined);
  });

  it('without a plan the view offers to start one above the twelve months', async () => {
    const roots = await api.planTree.getChildren();
    assert.equal(roots[0], 'plan:start');
    assert.equal(roots.filter((r) => r.startsWith('month:')).length, 12);
    assert.equal(api.planTree.getTreeItem('plan:start').command?.command, 'aiRoadmap.startStudyPlan');
  });

  it('Start Study Plan dates the months and weeks; Change Pace moves the dates', async () => {
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.startStudyPlan', { start: firstOfMonth, hoursPerWeek: 10, weekdays: [1, 3, 5] }), true);
    assert.deepEqual(plan() && { start: plan()!.start, pace: plan()!.hoursPerWeek, days: plan()!.weekdays }, { start: firstOfMonth, pace: 10, days: [1, 3, 5] });
    const roots = await api.planTree.getChildren();
    assert.deepEqual(roots.slice(0, 2), ['plan:summary', 'week:this']);
    assert.equal(roots.filter((r) => r.startsWith('month:')).length, 12);
    assert.match((await label('plan:summary')).label, /^Week [1-6] of \d+ · (on track|\d+ h (behind|ahead)) · finish around \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    assert.match((await label('week:this')).label, /^This week · /);
    const month1 = await label('month:1');
    assert.match(month1.description, /^now · 1 [A-Z][a-z]{2} – \d{1,2} [A-Z][a-z]{2} \d{4} · /, 'the current month is marked, with dates');
    const thisWeek = await api.planTree.getChildren('week:this');
    assert.ok(thisWeek.length > 0 && thisWeek.every((e) => e.endsWith(':week')));
    const topic = await api.planTree.getChildren('month:1');
    assert.match((await label(topic[0])).description, /^week \d+ \(.+\) · \d+ h · (on track|behind)$/);

    const slow = (await label('month:12')).description;
    const slowWeeks = api.planTree.current!.weeks;
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.changeStudyPace', 40), true);
    assert.equal(plan()?.hoursPerWeek, 40);
    const fast = (await label('month:12')).description;
    assert.notEqual(fast, slow, 'the dates moved');
    assert.ok(api.planTree.current!.weeks < slowWeeks / 3, 'at 40 h a week the plan is about four times shorter');
  });

  it('refuses bad paces and dates with a sentence and changes nothing', async () => {
    await vscode.commands.executeCommand('aiRoadmap.startStudyPlan', { start: firstOfMonth, hoursPerWeek: 10 });
    const before = JSON.stringify(api.progress.snapshot());
    for (const bad of [0, -5, Number.NaN, 169, 'ten']) {
      const result = await vscode.commands.executeCommand<unknown>('aiRoadmap.changeStudyPace', bad);
      assert.equal(typeof result, 'string', String(bad));
      assert.match(String(result), /^The pace must be/);
    }
    for (const args of [{ start: '1990-01-01' }, { start: '2199-01-01' }, { start: firstOfMonth, hoursPerWeek: 0.5 }, { start: firstOfMonth, weekdays: [] }, { start: firstOfMonth, hoursPerWeek: 100, weekdays: [6] }]) {
      const result = await vscode.commands.executeCommand<unknown>('aiRoadmap.startStudyPlan', args);
      assert.equal(typeof result, 'string', JSON.stringify(args));
    }
    assert.equal(JSON.stringify(api.progress.snapshot()), before, 'nothing stored changed');
  });

  it('Pause Plan moves the dates on, Resume Plan picks up again', async () => {
    await vscode.commands.executeCommand('aiRoadmap.startStudyPlan', { start: firstOfMonth, hoursPerWeek: 10 });
    await vscode.commands.executeCommand('aiRoadmap.pauseStudyPlan');
    assert.match((await label('plan:summary')).label, / · paused · /);
    await vscode.commands.executeCommand('aiRoadmap.resumeStudyPlan');
    assert.doesNotMatch((await label('plan:summary')).label, /paused/);
  });

  it('the plan survives export and import; an imported plan with a bad field is refused whole', async () => {
    await vscode.commands.executeCommand('aiRoadmap.startStudyPlan', { start: firstOfMonth, hoursPerWeek: 12, weekdays: [0, 6] });
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'linear-algebra');
    const saved = plan();
    const file = vscode.Uri.joinPath(workspaceUri(), 'plan-progress.json');
    await vscode.commands.executeCommand('aiRoadmap.exportProgress', file);
    await api.progress.setPlan(roadmapId, undefined);
    await api.progress.reset(roadmapId);
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.importProgress', file, 'replace'), true);
    assert.deepEqual(plan(), saved);
    assert.equal(api.progress.get(roadmapId)?.topics['linear-algebra']?.status, 'done');

    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    exported.roadmaps[roadmapId].plan.hoursPerWeek = 500;
    const bad = vscode.Uri.joinPath(workspaceUri(), 'bad-plan.json');
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode(JSON.stringify(exported)));
    const before = JSON.stringify(api.progress.snapshot());
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.importProgress', bad, 'merge'), false);
    assert.equal(JSON.stringify(api.progress.snapshot()), before, 'nothing stored changed');
  });

  it('Export Study Plan to Calendar writes an iCalendar file', async () => {
    await vscode.commands.executeCommand('aiRoadmap.startStudyPlan', { start: firstOfMonth, hoursPerWeek: 30, weekdays: [0, 6] });
    const file = vscode.Uri.joinPath(workspaceUri(), 'plan.ics');
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.exportStudyPlanCalendar', file), true);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.equal((text.match(/BEGIN:VEVENT/g) ?? []).length, (text.match(/-study-/g) ?? []).length + 12 + 12, 'study blocks, 12 milestones and 12 research blocks');
    assert.match(text, /X-WR-TIMEZONE:/);
  });

  it("the status bar shows this week's focus when the setting is on", async () => {
    await vscode.commands.executeCommand('aiRoadmap.startStudyPlan', { start: firstOfMonth, hoursPerWeek: 10 });
    const config = vscode.workspace.getConfiguration('aiRoadmap');
    assert.equal(api.planFocus.text, '');
    await config.update('statusBar.planFocus', true, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => api.planFocus.text.startsWith('$(target) '), 'the focus in the status bar');
    } finally {
      await config.update('statusBar.planFocus', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => api.planFocus.text === '', 'the focus hidden again');
  });
});

import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../tools/host/codeServer';
import { ProblemsView, Workbench } from './pages';

describe("A teacher's tools in real VS Code: the Problems view and New Roadmap", () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open({
      copy: { 'web-course': join(repoRoot, 'test', 'fixtures', 'teacher-mistakes') },
      workspaceSettings: { 'aiRoadmap.roadmapFile': 'web-course/roadmap.yaml' },
    });
  });
  after(async () => {
    await wb?.close();
  });

  it('lists each mistake at its file and line, saying what is wrong and what would be right (docs/images/problems-view.png)', async () => {
    // The roadmap is loaded when the side bar first asks for it.
    await wb.activityBarIcon().click();
    const problems = new ProblemsView(wb);
    await problems.open();
    // Every mistake in one pass: the schema's (a bad id, a misspelt kind) beside the references'.
    const texts = (await problems.waitProblems(8)).join('\n');
    for (const expected of [
      /Topic "css" in layer "basics" needs "htlm", which is neither a topic nor a sub-topic of this roadmap\. Did you mean "html"\?/,
      /Prerequisites form a cycle: layout → responsive → layout\./,
      /Topic id "css" in layer "pages" is also the id of topic #2 in layer "basics"/,
      /must have an http or https address; "developer\.mozilla\.org\/en-US\/docs\/Web\/HTML" is not one/,
      /The notes file "notes\/css\.md" of topic "css" in layer "basics" does not exist\./,
      /Layer "pages" is number 3 but stands at position 2/,
      /"id" in topic "Flexbox" in layer "pages" must be an id of lowercase letters and digits/,
      /"kind" in resource #1 of topic "Flexbox" in layer "pages" must be one of book, .*; it is "vidoe"\./,
    ]) {
      assert.match(texts, expected);
    }
    // As a teacher goes on: the notification away, a click on a problem opens its file at its line.
    await wb.runCommand('Notifications: Clear All Notifications');
    await problems.row(/Did you mean "html"/).click();
    await wb.editorTab('01-basics.yaml').waitFor({ timeout: 60_000 });
    await wb.editorLine('prerequisites: [htlm]').waitFor({ timeout: 60_000 });
    await wb.screenshot('problems-view', { docs: true });
  });

  it('New Roadmap asks for a folder name, refuses one that exists as the name is typed, then writes and opens the starter', async () => {
    await wb.runCommand('AI Roadmap: New Roadmap...');
    const input = wb.quickPick.input();
    await wb.quickPick.waitOpen();
    assert.equal(await input.inputValue(), 'my-roadmap', 'a free name is offered');
    await input.fill('web-course');
    await wb.quickPick.message(/"web-course" already exists in the workspace, so nothing was written/).waitFor({ timeout: 60_000 });
    await input.fill('second-course');
    await input.press('Enter');
    await wb.editorTab('roadmap.yaml').waitFor({ timeout: 90_000 });
    await wb.editorLine('id: second-course').waitFor({ timeout: 60_000 });
    assert.ok(existsSync(join(wb.workspace, 'second-course', 'notes', 'first-steps', 'images', 'line-fit.svg')));
    assert.ok(existsSync(join(wb.workspace, 'web-course', 'layers', '02-pages.yaml')), 'the folder that existed is as it was');
  });
});

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../tools/host/codeServer';
import { audit, describeViolations, NotesPanel, RoadmapTree, Workbench, type AxeViolation } from './pages';

function assertNoBlockingViolations(what: string, violations: AxeViolation[]) {
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.equal(blocking.length, 0, describeViolations(what, blocking));
}

/** Issue 15: a teacher's roadmap with sub-topics, in the Roadmap view of real VS Code. */
describe('Sub-topics in the Roadmap view', () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open({
      copy: { course: join(repoRoot, 'test', 'fixtures', 'roadmaps', 'teacher') },
      settings: { 'aiRoadmap.roadmapFile': 'course/roadmap.yaml' },
      // For the axe audit of the panels below, as the accessibility suite does.
      bypassCsp: true,
    });
  });
  after(async () => {
    await wb?.close();
  });

  it('nests sub-topics under their topic, checkable, counted on the topic and the layer', async () => {
    const tree = new RoadmapTree(wb);
    await tree.open();
    const layer = /^1\. The web$/;
    await tree.row(layer).waitFor({ timeout: 90_000 });
    assert.equal(await tree.description(layer), '0/4 · 0%', 'a layer counts its topics and sub-topics');
    await tree.expand(layer);
    const topic = /^Web basics$/;
    await tree.row(topic).waitFor();
    assert.equal(await tree.description(topic), '3 h · 0/2 sub-topics');
    await tree.expand(topic);
    const sub = /^Semantic HTML$/;
    await tree.row(sub).waitFor();
    assert.deepEqual([await tree.level(layer), await tree.level(topic), await tree.level(sub), await tree.level(/^Forms$/)], [1, 2, 3, 3], 'sub-topics one level below their topic');
    const labels = await tree.labels();
    assert.deepEqual(labels.slice(labels.indexOf('Web basics'), labels.indexOf('Web basics') + 3), ['Web basics', 'Semantic HTML', 'Forms'], 'right under their topic');
    // The topic's typed links follow its sub-topics, the kind in words.
    assert.equal(await tree.description('How the web works'), 'article');
    assert.equal(await tree.description('The HTML standard'), 'official site');

    await tree.clickCheckbox(sub);
    await tree.waitText('1/4 · 25%');
    assert.equal(await tree.checkbox(sub).getAttribute('aria-checked'), 'true');
    assert.equal(await tree.description(topic), '3 h · 1/2 sub-topics');
    assert.equal(await tree.checkbox(topic).getAttribute('aria-checked'), 'false', 'the topic keeps its own status');
    await tree.expand(sub);
    assert.equal(await tree.description('A podcast on markup'), 'podcast');
    await wb.screenshot('subtopics-tree');
  });

  it('a topic\'s notes list its sub-topics as links; a sub-topic\'s notes link back to its topic', async () => {
    const tree = new RoadmapTree(wb);
    await tree.row(/^Web basics$/).click();
    const topic = await NotesPanel.find(wb, 'Web basics');
    assert.deepEqual(await topic.sectionLinks('Sub-topics').allTextContents(), ['Semantic HTML', 'Forms']);
    assert.deepEqual(await topic.resourceKinds(), ['article', 'official site']);
    await topic.sectionLinks('Sub-topics').nth(1).click();
    const sub = await NotesPanel.find(wb, 'Forms');
    assert.match(await sub.context(), /The web › Web basics/);
    assert.deepEqual(await sub.resourceKinds(), ['open-source project']);
    await wb.screenshot('subtopic-notes');
    assertNoBlockingViolations('a sub-topic', (await audit(sub.frame)).violations);
    await sub.parentLink('Web basics').click();
    await NotesPanel.find(wb, 'Web basics');
    await topic.frame.locator('#root .context button.link', { hasText: 'Layer 1' }).click();
    const layer = await NotesPanel.find(wb, 'The web');
    // The layer lists each topic with its sub-topics nested, and counts both.
    assert.deepEqual(await layer.frame.locator('#root .layer > ul > li > ul > li > button.link').allTextContents(), ['Semantic HTML', 'Forms']);
    assert.match((await layer.frame.locator('#root .layer .meta').textContent()) ?? '', /^1 of 4 topics and sub-topics done$/);
    assertNoBlockingViolations('a layer with sub-topics', (await audit(layer.frame)).violations);
  });
});

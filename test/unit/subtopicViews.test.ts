import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESOURCE_KINDS, type Roadmap } from '../../src/core/model';
import { planMonthsOf } from '../../src/core/plan/planInput';
import { burnDown, estimateNote } from '../../src/core/plan/planSummary';
import { applyChanges, emptyState, type Change } from '../../src/core/progress/progressModel';
import { hoursLeft, layerTally, nextTopics, overallTally, unestimatedLeft } from '../../src/core/progress/progressStats';
import { RESOURCE_KIND_WORDS } from '../../src/core/resourceKinds';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { TopicSearch } from '../../src/core/search/topicSearch';
import { dashboardData, hoursLeftText } from '../../src/core/views/dashboardView';
import { monthTopicIds, parentOf, touchedBy } from '../../src/core/views/elementIds';
import { notesViewFor } from '../../src/core/views/notesView';
import { roadmapProblemNotice } from '../../src/core/views/roadmapProblemNotice';
import { studyPlanRow } from '../../src/core/views/studyPlanRows';
import { topicPicks } from '../../src/core/views/topicPicks';
import { roadmapChildren, rowFor } from '../../src/core/views/treeRows';
import { plan, schedule } from './support/planFixtures';

/** Issue 15: sub-topics and the new resource kinds, as every view shows them. */

const topic = (id: string, extra: object = {}) => ({ id, title: id.toUpperCase(), prerequisites: [], tags: [], resources: [], exercises: [], ...extra });
const roadmap: Roadmap = {
  id: 'r', title: 'R', version: '1.0.0', practicalRoad: [], exercises: [],
  layers: [
    { id: 'web', number: 1, title: 'Web', topics: [
      topic('basics', { hours: 3, notes: 'basics.md', prerequisites: ['intro'], subtopics: [
        topic('html--semantics', { hours: 2, notes: 'semantics.md', resources: [{ title: 'A podcast', url: 'https://example.org/p', kind: 'podcast' }] }),
        topic('html--forms', { prerequisites: ['html--semantics'] }),
      ] }),
      topic('intro', { hours: 1 }),
    ] },
    { id: 'tools', number: 2, title: 'Tools', topics: [topic('git', { subtopics: [topic('git--branches', { hours: 1 })] })] },
  ],
  plan: { title: 'P', months: [{ month: 1, title: 'M1', topics: ['basics', 'intro'], milestone: 'Page.' }, { month: 2, title: 'M2', topics: ['tools'], milestone: 'Ship.' }] },
};
const index = new RoadmapIndex(roadmap);
const opts = { hideCompleted: false };
const progressWith = (...changes: Array<[string, Change['status']]>) =>
  applyChanges(emptyState(), 'r', changes.map(([id, status]) => ({ kind: 'topic', id, status })), new Date('2026-03-02T10:00:00Z')).state.roadmaps.r;

describe('the tree', () => {
  it('nests sub-topics under their topic, before its exercises and resources, each a checkable topic row', () => {
    assert.deepEqual(roadmapChildren(index, undefined, opts, 'layer:web'), ['topic:basics', 'topic:intro'], 'sub-topics are not siblings of topics');
    assert.deepEqual(roadmapChildren(index, undefined, opts, 'topic:basics'), ['topic:html--semantics', 'topic:html--forms']);
    assert.deepEqual(roadmapChildren(index, undefined, opts, 'topic:html--semantics'), ['resource:html--semantics:0']);
    const p = progressWith(['html--semantics', 'done']);
    const sub = rowFor(index, p, 'topic:html--semantics')!;
    assert.equal(sub.kind, 'topic', 'the same row kind as a topic: checkbox, menus and commands work alike');
    assert.equal(sub.checked, true);
    assert.equal(sub.ariaLabel, 'Sub-topic: HTML--SEMANTICS, done');
    assert.match(sub.tooltip!, /Sub-topic of BASICS/);
    assert.equal(rowFor(index, p, 'topic:html--forms')!.checked, false);
  });

  it('counts a topic\'s sub-topics on its row, and its layer counts topics and sub-topics alike', () => {
    const p = progressWith(['html--semantics', 'done'], ['intro', 'done']);
    const basics = rowFor(index, p, 'topic:basics')!;
    assert.equal(basics.description, '3 h · 1/2 sub-topics');
    assert.equal(basics.expandable, true);
    assert.match(basics.ariaLabel, /1 of 2 sub-topics done/);
    const layer = rowFor(index, p, 'layer:web')!;
    assert.equal(layer.description, '2/4 · 50%');
    assert.match(layer.ariaLabel, /2 of 4 topics and sub-topics done/);
    assert.equal(layer.tooltip, 'Web\n\n2 of 4 topics and sub-topics done (50%).', 'no "Goal:" line for a layer without a goal');
  });

  it('hides done sub-topics with the completed ones', () => {
    const p = progressWith(['html--semantics', 'done']);
    assert.deepEqual(roadmapChildren(index, p, { hideCompleted: true }, 'topic:basics'), ['topic:html--forms']);
  });

  it('walks up from a sub-topic to its topic, and a tick refreshes the topic row and the layer', () => {
    assert.equal(parentOf(index, 'topic:html--forms'), 'topic:basics');
    assert.equal(parentOf(index, 'resource:html--semantics:0'), 'topic:html--semantics');
    assert.deepEqual(touchedBy(index, [{ kind: 'topic', id: 'html--forms' }]).sort(), ['layer:web', 'month:1', 'topic:basics', 'topic:basics:1', 'topic:html--forms', 'topic:html--forms:1'].sort());
  });

  it('shows every resource kind in words, with an icon of its own', () => {
    const words = new Set(Object.values(RESOURCE_KIND_WORDS));
    assert.equal(words.size, RESOURCE_KINDS.length, 'each kind has words of its own');
    const icons = new Set<string>();
    for (const kind of RESOURCE_KINDS) {
      const r: Roadmap = { ...roadmap, layers: [{ id: 'l', number: 1, title: 'L', topics: [topic('t', { resources: [{ title: 'R', url: 'https://example.org', kind }] })] }] };
      const row = rowFor(new RoadmapIndex(r), undefined, 'resource:t:0')!;
      assert.equal(row.description, RESOURCE_KIND_WORDS[kind]);
      assert.equal(row.ariaLabel, `${RESOURCE_KIND_WORDS[kind]}: R`);
      assert.notEqual(row.icon, 'link-external', kind);
      icons.add(row.icon);
    }
    assert.equal(icons.size, RESOURCE_KINDS.length);
    assert.equal(RESOURCE_KIND_WORDS.opensource, 'open-source project');
    assert.equal(RESOURCE_KIND_WORDS.official, 'official site');
  });
});

describe('progress', () => {
  it('counts each sub-topic as one unit, in the layer and overall', () => {
    const p = progressWith(['git--branches', 'done'], ['html--forms', 'skipped']);
    assert.deepEqual(layerTally(roadmap.layers[1], p), { done: 1, total: 2, skipped: 0, inProgress: 0, percent: 50 });
    const all = overallTally(index, p);
    assert.deepEqual([all.done, all.total, all.skipped], [1, 5, 1]);
  });

  it('a sub-topic is next only when its own and its topic\'s prerequisites are settled', () => {
    assert.deepEqual(nextTopics(index, undefined), ['intro', 'git', 'git--branches'], 'html--semantics waits for "intro", its topic\'s prerequisite');
    assert.deepEqual(nextTopics(index, progressWith(['intro', 'done'])), ['basics', 'html--semantics', 'git', 'git--branches']);
  });

  it('hours left add each unit\'s own hours, and unknown estimates are counted apart', () => {
    assert.equal(hoursLeft(index, undefined), 3 + 2 + 1 + 1);
    assert.equal(unestimatedLeft(index, undefined), 2, 'html--forms and git');
  });
});

describe('the notes panel', () => {
  const sources = { renderNotes: async (p: string) => `<p>${p}</p>`, hasMyNotes: async () => false };

  it('a topic lists its sub-topics with their status', async () => {
    const view = await notesViewFor(index, progressWith(['html--forms', 'in-progress']), 'basics', sources);
    assert.equal(view?.kind, 'topic');
    assert.deepEqual(view?.kind === 'topic' && view.subtopics, [
      { id: 'html--semantics', title: 'HTML--SEMANTICS', status: 'not-started' },
      { id: 'html--forms', title: 'HTML--FORMS', status: 'in-progress' },
    ]);
    assert.equal(view?.kind === 'topic' && view.parent, undefined);
  });

  it('a sub-topic has its notes, resources with their kind in words, and its topic', async () => {
    const view = await notesViewFor(index, undefined, 'html--semantics', sources);
    assert.ok(view?.kind === 'topic');
    assert.equal(view.notesHtml, '<p>semantics.md</p>');
    assert.deepEqual(view.parent, { id: 'basics', title: 'BASICS', status: 'not-started' });
    assert.deepEqual(view.layer.id, 'web');
    assert.deepEqual(view.resources, [{ title: 'A podcast', url: 'https://example.org/p', kind: 'podcast', kindWords: 'podcast', free: undefined }]);
    assert.deepEqual(view.subtopics, []);
    assert.equal(view.previous?.id, 'basics');
    assert.equal(view.next?.id, 'html--forms');
    const bare = await notesViewFor(index, undefined, 'html--forms', sources);
    assert.ok(bare?.kind === 'topic');
    assert.equal(bare.notesHtml, '<p>This sub-topic has no notes yet.</p>');
  });

  it('a layer lists its topics with their sub-topics, and counts both', async () => {
    const view = await notesViewFor(index, progressWith(['html--forms', 'done']), 'web', sources);
    assert.ok(view?.kind === 'layer');
    assert.deepEqual(view.topics.map((t) => [t.id, t.subtopics?.map((s) => s.id)]), [['basics', ['html--semantics', 'html--forms']], ['intro', []]]);
    assert.equal(view.progressText, '1 of 4 topics and sub-topics done');
    assert.equal(view.goal, undefined);
  });
});

describe('search and picks', () => {
  it('Go to Topic finds sub-topics, by title and by their notes', async () => {
    const notes: Record<string, string> = { 'semantics.md': 'Landmark elements such as nav and aside.' };
    const s = await TopicSearch.build(index, async (p) => notes[p] ?? '');
    assert.equal(s.search('html--forms')[0]?.id, 'html--forms');
    assert.equal(s.search('landmark')[0]?.id, 'html--semantics');
  });

  it('the quick picks say where a sub-topic stands', () => {
    const picks = topicPicks(index);
    assert.deepEqual(picks.map((p) => p.id), index.topicOrder.map((t) => t.id));
    assert.equal(picks.find((p) => p.id === 'html--forms')?.description, 'Web › BASICS');
    assert.equal(picks.find((p) => p.id === 'basics')?.description, 'Web');
  });
});

describe('the study plan', () => {
  it('schedules sub-topics inside their topic\'s month, right after it', () => {
    assert.deepEqual(monthTopicIds(index, ['basics', 'intro']), ['basics', 'html--semantics', 'html--forms', 'intro']);
    assert.deepEqual(monthTopicIds(index, ['tools']), ['git', 'git--branches']);
    const months = planMonthsOf(index);
    assert.deepEqual(months.map((m) => m.topics.map((t) => t.id)), [['basics', 'html--semantics', 'html--forms', 'intro'], ['git', 'git--branches']]);
    const s = schedule(months, plan(), new Date(2027, 0, 5, 12));
    const m1 = s.months[0].topics.map((t) => t.id);
    assert.deepEqual(m1, ['basics', 'html--semantics', 'html--forms', 'intro']);
    assert.ok(s.topics.every((t) => t.month === (t.id.startsWith('git') ? 2 : 1)));
  });

  it('unknown estimates are called unknown: in the topic rows, the summary and the burn-down', () => {
    const s = schedule(planMonthsOf(index), plan(), new Date(2027, 0, 5, 12));
    assert.equal(s.unestimated, 2);
    assert.match(estimateNote(s)!, /^Hours partly unknown: 2 topics without an estimate; the dates assume 1\.8 h for each \(the mean of the others\)\.$/);
    assert.equal(burnDown(s).estimateNote, estimateNote(s));
    const row = studyPlanRow(index, undefined, s, 'topic:html--forms:1')!;
    assert.match(row.description!, /hours unknown/);
    assert.match(row.tooltip!, /Hours unknown: the roadmap gives no estimate, so the dates assume 1\.8 h\./);
    assert.equal(studyPlanRow(index, undefined, s, 'plan:summary')!.description, 'hours unknown');

    const bare: Roadmap = { ...roadmap, layers: [{ id: 'l', number: 1, title: 'L', topics: [topic('a'), topic('b')] }], plan: { title: 'P', months: [{ month: 1, title: 'M', topics: ['l'], milestone: 'x' }] } };
    const none = schedule(planMonthsOf(new RoadmapIndex(bare)), plan(), new Date(2027, 0, 5, 12));
    assert.equal(estimateNote(none), 'Hours unknown: no topic has an estimate, so the dates assume 5 h for each.');
    const full = schedule([{ month: 1, title: 'M', milestone: 'x', topics: [{ id: 'a', title: 'A', hours: 2 }] }], plan(), new Date(2027, 0, 5, 12));
    assert.equal(estimateNote(full), undefined);
    assert.equal(burnDown(full).estimateNote, undefined);
  });
});

describe('the dashboard', () => {
  it('"Hours left" is unknown when no topic left has an estimate, and "at least" when some have none', () => {
    assert.equal(hoursLeftText(0, 3), 'unknown');
    assert.equal(hoursLeftText(12, 3), 'at least 12 h, 3 topics without an estimate');
    assert.equal(hoursLeftText(12, 1), 'at least 12 h, 1 topic without an estimate');
    assert.equal(hoursLeftText(12, 0), '12 h');
    assert.equal(hoursLeftText(0, 0), '0 h', 'everything done is 0 h, not unknown');
    const d = dashboardData(index, undefined, new Date('2026-03-02T10:00:00Z'));
    assert.equal(d.hoursLeftText, 'at least 7 h, 2 topics without an estimate');
    assert.deepEqual(d.layers.map((l) => l.tally.total), [4, 2]);
    assert.equal(d.overall.total, 6);
  });
});

describe('a roadmap with problems', () => {
  it('says what is shown meanwhile, in the notice and above the tree', () => {
    const kept = roadmapProblemNotice({ file: 'course/roadmap.yaml', errors: 3, warnings: 1, showing: 'last good', shownTitle: 'Web course' });
    assert.equal(kept.notice, 'course/roadmap.yaml has 3 problems; the last good roadmap ("Web course") stays on screen until they are fixed. See the Problems view.');
    assert.equal(kept.treeMessage, 'course/roadmap.yaml has 3 problems (see the Problems view). Showing the last good roadmap until they are fixed.');
    const first = roadmapProblemNotice({ file: 'r.yaml', errors: 1, warnings: 0, showing: 'built-in', shownTitle: 'Modern AI' });
    assert.match(first.notice, /^r\.yaml has 1 problem, and no good version of it was loaded yet, so the built-in roadmap is shown/);
  });
});

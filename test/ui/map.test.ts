// The map in real VS Code, in Chromium: a click opens notes, the keyboard walks the graph, a
// question highlights a chain, the themes reach it (screenshots for the README), and the exported
// SVG is a picture with no script and no external resource.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { adjacencyOf, buildMapGraph } from '../../src/core/map/mapGraph';
import { prerequisiteChain } from '../../src/core/map/mapChains';
import type { Roadmap } from '../../src/core/model';
import { repoRoot } from '../../tools/host/codeServer';
import { svgProblems } from '../unit/support/svgCheck';
import { MapView, NotesPanel, RoadmapTree, resultsDir, themeKind, useWorkbench, Workbench } from './pages';

const roadmap = JSON.parse(readFileSync(join(repoRoot, 'dist', 'roadmap.json'), 'utf8')) as Roadmap;
const graph = buildMapGraph(roadmap);
const adjacency = adjacencyOf(graph);
const titleOf = (id: string) => graph.nodes.find((n) => n.id === id)!.title;
const idOf = (label: string) => graph.nodes.find((n) => label.startsWith(`${n.title}.`))?.id;

describe('The map in real VS Code', () => {
  const workbench = useWorkbench();

  it('opens from the Roadmap view, and a click on a node opens its notes', async () => {
    const wb = workbench();
    await new RoadmapTree(wb).open();
    // The view's title actions show while the pointer is over the view.
    const header = wb.page.locator('.pane-header', { hasText: /^Roadmap/ });
    await header.hover();
    await header.locator('a[aria-label="Open Map"]').click();
    const map = await MapView.find(wb);
    assert.equal(await map.nodes().count(), graph.nodes.length, 'a node per topic');
    assert.match(await map.statusLine(), new RegExp(`^${graph.nodes.length} topics in ${graph.bands.length} layers`));
    const title = titleOf('linear-algebra');
    assert.match((await map.node(title).getAttribute('aria-label')) ?? '', /Not started\. Layer 1, Mathematical and Programming Foundations; needs 0 topics, unlocks \d+\./, 'an accessible name with the state');
    await map.node(title).click();
    await NotesPanel.find(wb, title);
    assert.ok(await wb.editorTab(/^Map:/).isVisible(), 'the notes opened beside the map, which stays in view');
  });

  it('walks three nodes with the keyboard: down to what a topic unlocks, up to a prerequisite, along the layer', async () => {
    const wb = workbench();
    const map = await MapView.find(wb);
    await map.node(titleOf('linear-algebra')).focus();
    await map.waitFocused(titleOf('linear-algebra'));
    const walked: string[] = [];
    const step = async (key: string) => {
      await map.frame.locator('.node:focus').press(key);
      await map.frame.waitForFunction((before) => document.activeElement?.getAttribute('aria-label') !== before, walked.at(-1)!, { timeout: 30_000 });
      walked.push(await map.focusedLabel());
      return idOf(walked.at(-1)!)!;
    };
    walked.push(await map.focusedLabel());
    const down = await step('ArrowDown');
    assert.ok(adjacency.unlocks.get('linear-algebra')!.includes(down), `ArrowDown went to ${down}, which needs linear algebra`);
    const up = await step('ArrowUp');
    assert.ok(adjacency.prerequisites.get(down)!.includes(up), `ArrowUp went to ${up}, a prerequisite of ${down}`);
    const along = await step('ArrowRight');
    const band = (id: string) => graph.nodes.find((n) => n.id === id)!.band;
    assert.equal(band(along), band(up), `ArrowRight stayed in the layer (${along})`);
    assert.notEqual(along, up);
    // Enter opens the focused topic's notes; a letter marks it.
    await map.frame.locator('.node:focus').press('Enter');
    await NotesPanel.find(wb, titleOf(along));
    await map.frame.locator('.node:focus').press('i');
    await map.frame.waitForFunction((id) => document.querySelector(`.node[data-id="${id}"]`)?.classList.contains('status-in-progress'), along, { timeout: 30_000 });
    assert.match(await map.nodeStatus(titleOf(along)), /^In progress/);
  });

  it('highlights what a topic needs before it, and dims the rest', async () => {
    const wb = workbench();
    const map = await MapView.find(wb);
    const target = 'sklearn-kaggle-practice';
    await map.node(titleOf(target)).focus();
    await map.frame.locator('.node:focus').press('b');
    const chain = prerequisiteChain(adjacency, target);
    await map.frame.waitForFunction((n) => document.querySelectorAll('.node.in-chain').length === n, chain.nodes.size, { timeout: 30_000 });
    assert.equal(await map.highlightedEdges().count(), chain.edges.size, 'the chain\'s edges too');
    const dimmed = await map.frame.evaluate(() => getComputedStyle(document.querySelector('.node:not(.in-chain)')!).opacity);
    assert.ok(Number(dimmed) < 0.5, `the others step back (opacity ${dimmed})`);
    assert.match((await map.node(titleOf('linear-algebra')).getAttribute('aria-label')) ?? '', /Highlighted\.$/, 'a highlighted node says so');
    await wb.screenshot('map-chain');
    await map.frame.locator('.node:focus').press('Escape');
    await map.frame.waitForFunction(() => document.querySelectorAll('.node.in-chain').length === 0, undefined, { timeout: 30_000 });
  });

  it('"Next topics" follows the marks made on the map: a topic joins when its last prerequisite is done', async () => {
    const wb = workbench();
    const map = await MapView.find(wb);
    const mark = async (id: string, key: string, status: string) => {
      await map.frame.locator(`.node[data-id="${id}"]`).focus();
      await map.frame.locator('.node:focus').press(key);
      await map.frame.waitForFunction(([i, s]) => document.querySelector(`.node[data-id="${i}"]`)?.classList.contains(`status-${s}`), [id, status] as const, { timeout: 30_000 });
    };
    await map.node(titleOf('linear-algebra')).focus();
    await map.frame.locator('.node:focus').press('x');
    await map.waitHighlighted('calculus', true);
    await map.waitHighlighted('optimization', false);
    // Optimization needs linear algebra and calculus: each mark sends one node's state, and the page re-checks what waits for it.
    await mark('linear-algebra', 'd', 'done');
    await map.waitHighlighted('linear-algebra', false);
    assert.ok(!(await map.highlightedIds()).includes('optimization'), 'calculus is still to do');
    await mark('calculus', 'd', 'done');
    await map.waitHighlighted('optimization', true);
    await map.waitHighlighted('calculus', false);
    assert.match((await map.node(titleOf('optimization')).getAttribute('aria-label')) ?? '', /Highlighted\.$/, 'its name says so');
    // And back: calculus not started takes optimization out again.
    await mark('calculus', 'n', 'not-started');
    await map.waitHighlighted('optimization', false);
    await map.waitHighlighted('calculus', true);
    await mark('linear-algebra', 'n', 'not-started');
    await map.waitHighlighted('linear-algebra', true);
    await map.frame.locator('.node:focus').press('Escape');
    await map.frame.waitForFunction(() => document.querySelectorAll('.node.in-chain').length === 0, undefined, { timeout: 30_000 });
  });

  it('filters by a search, the same as Go to Topic, and by layer', async () => {
    const wb = workbench();
    const map = await MapView.find(wb);
    await map.search().fill('backprop');
    await map.frame.waitForFunction(() => document.querySelectorAll('.node:not(.filtered-out)').length < 20, undefined, { timeout: 60_000 });
    const shown = await map.shown().evaluateAll((els) => els.map((e) => (e as SVGGElement).dataset.id));
    assert.ok(shown.includes('models-from-scratch'), `"backprop" finds the from-scratch topic: ${shown.join(', ')}`);
    await map.search().fill('');
    await map.layerFilter().selectOption({ label: `2. ${graph.bands[1].title}` });
    await map.frame.waitForFunction((n) => document.querySelectorAll('.node:not(.filtered-out)').length === n, graph.bands[1].nodeIds.length, { timeout: 60_000 });
    await map.layerFilter().selectOption({ label: 'All layers' });
    await map.frame.waitForFunction((n) => document.querySelectorAll('.node:not(.filtered-out)').length === n, graph.nodes.length, { timeout: 60_000 });
  });

  it('follows the selection of the Roadmap view', async () => {
    const wb = workbench();
    const map = await MapView.find(wb);
    const tree = new RoadmapTree(wb);
    await tree.expand(/^1\. Mathematical/);
    await tree.row(/^Calculus/).click();
    await map.frame.waitForFunction(() => document.querySelector('.node.selected')?.getAttribute('data-id') === 'calculus', undefined, { timeout: 60_000 });
    await tree.collapse(/^1\. Mathematical/);
  });

  for (const theme of ['Default Light Modern', 'Default Dark Modern', 'Default High Contrast']) {
    it(`follows the ${theme} theme`, async () => {
      const wb = workbench();
      await wb.setTheme(theme);
      const map = await MapView.find(wb);
      await map.frame.waitForFunction((hc) => document.body.classList.contains(hc), themeKind(theme) === 'hc-black' ? 'vscode-high-contrast' : themeKind(theme) === 'vs' ? 'vscode-light' : 'vscode-dark', { timeout: 60_000 });
      const colours = await map.frame.evaluate(() => {
        const box = (id: string) => getComputedStyle(document.querySelector(`.node[data-id="${id}"] .node-box`)!).stroke;
        return { page: getComputedStyle(document.body).backgroundColor, inProgress: box(document.querySelector('.node.status-in-progress')!.getAttribute('data-id')!), notStarted: box('linear-algebra') };
      });
      assert.notEqual(colours.inProgress, colours.notStarted, 'an in-progress node is drawn apart (its symbol and words too)');
      // The notes beside it closed, the first layers at a readable size.
      await map.node(titleOf('linear-algebra')).click();
      await NotesPanel.find(wb, titleOf('linear-algebra'));
      // By its tab: "Close Editors in Other Groups" closed the map itself when the notes' group was active (CI).
      await wb.closeTab(titleOf('linear-algebra'));
      // 100 % around the topic, then two steps out (0.64): the first two layers at a readable size.
      const node = map.node(titleOf('linear-algebra'));
      await node.focus();
      for (const key of ['1', '-', '-']) await node.press(key);
      await map.frame.waitForFunction(() => /scale\(0\.64\)/.test(document.querySelector('.drawing')?.getAttribute('transform') ?? ''), undefined, { timeout: 30_000 });
      const name = `map-${themeKind(theme)}`;
      await wb.screenshot(name);
      if (theme === 'Default Dark Modern') {
        mkdirSync(join(repoRoot, 'docs', 'images'), { recursive: true });
        copyFileSync(join(resultsDir, `${name}.png`), join(repoRoot, 'docs', 'images', 'map.png'));
      }
    });
  }

  it('exports an SVG that parses, with no script and no external resource', async () => {
    const wb = workbench();
    const map = await MapView.open(wb);
    const file = join(wb.workspace, 'exported-map.svg');
    await map.tool('Export the map as SVG').click();
    // VS Code's own save dialog (a quick input in this host): the path, then Enter.
    // Typed only once the dialog has put its own proposal in, which would otherwise replace ours.
    await wb.page.waitForFunction(() => /-map\.svg$/.test((document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value ?? ''), undefined, { timeout: 90_000 });
    await wb.quickPick.answer('Export Map', file);
    const deadline = Date.now() + 60_000;
    while (!existsSync(file) && Date.now() < deadline) await wb.page.waitForTimeout(200);
    const svg = readFileSync(file, 'utf8');
    assert.equal(XMLValidator.validate(svg), true, 'well-formed XML');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.deepEqual(svgProblems(svg), [], 'no script, no event, no link, no reference out of the file');
    assert.deepEqual([...svg.matchAll(/https?:\/\/[^"\s<]+/g)].map((m) => m[0]), ['http://www.w3.org/2000/svg'], 'no URL but the SVG namespace');
    for (const n of graph.nodes.slice(0, 5)) assert.ok(svg.includes(n.title.split(' ')[0]), `the drawing names ${n.id}`);
  });
});

/** Issue 17 after issue 15: a teacher's roadmap with sub-topics, on the map. */
describe("The map of a teacher's roadmap with sub-topics", () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open({ copy: { course: join(repoRoot, 'test', 'fixtures', 'roadmaps', 'teacher') }, settings: { 'aiRoadmap.roadmapFile': 'course/roadmap.yaml' } });
  });
  after(async () => {
    await wb?.close();
  });

  it('hangs the sub-topics below their topic; the keyboard walks into them, marks one, and comes back out', async () => {
    const map = await MapView.open(wb);
    assert.match(await map.statusLine(), /^3 topics and 3 sub-topics in 2 layers/);
    assert.equal(await map.nodes().count(), 6);
    assert.equal(await map.subtopics().count(), 3, 'each sub-topic a node of its own');
    const forms = map.node('Forms');
    assert.equal(await forms.getAttribute('aria-roledescription'), 'sub-topic');
    assert.match((await forms.getAttribute('aria-label')) ?? '', /^Forms\. Not started\. Sub-topic of Web basics, Layer 1, The web; needs 1 topic, unlocks 1\./, 'its name says whose sub-topic it is, and its state');
    assert.match((await map.node('Web basics').getAttribute('aria-label')) ?? '', /, 2 sub-topics\./);
    // Below their topic, drawn smaller.
    const box = (title: string) => map.node(title).locator('.node-box').boundingBox();
    const [topic, sub] = [(await box('Web basics'))!, (await box('Semantic HTML'))!];
    assert.ok(sub.y > topic.y + topic.height && sub.width < topic.width, 'a smaller node below its topic');

    await map.node('Web basics').focus();
    await map.waitFocused('Web basics');
    await map.pressTo('ArrowDown', 'Semantic HTML');
    await map.pressTo('ArrowRight', 'Forms');
    await map.frame.locator('.node:focus').press('d');
    await map.frame.waitForFunction(() => document.querySelector('.node[data-id="html--forms"]')?.classList.contains('status-done'), undefined, { timeout: 30_000 });
    assert.match(await map.nodeStatus('Forms'), /^Done/);
    assert.match((await forms.getAttribute('aria-label')) ?? '', /^Forms\. Done\./, 'the new state in its name');
    await wb.screenshot('map-subtopics');
    await map.pressTo('ArrowUp', 'Web basics');
    // Enter on a sub-topic opens its notes.
    await map.pressTo('ArrowDown', 'Semantic HTML');
    await map.frame.locator('.node:focus').press('Enter');
    await NotesPanel.find(wb, 'Semantic HTML');
  });
});

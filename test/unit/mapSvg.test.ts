import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { layoutWithDagre } from '../../src/core/map/dagreLayout';
import { buildMapGraph } from '../../src/core/map/mapGraph';
import type { PlacedBand } from '../../src/core/map/mapLayout';
import { badgeSymbol, edgePath, nodeLabel, statusLine, wrapTitle } from '../../src/core/map/mapScene';
import { DEFAULT_PALETTE, isPlainColour, mapPicture, mapSvg, safePalette } from '../../src/core/map/mapSvg';
import type { Roadmap } from '../../src/core/model';
import type { Status } from '../../src/core/progress/progressModel';
import { svgProblems } from './support/svgCheck';
import { isFromMap, isMapState, isToMap, type FromMap, type ToMap } from '../../src/webview/map/protocol';

const topic = (id: string, title: string, prerequisites: string[] = []) => ({ id, title, prerequisites, tags: [], resources: [], exercises: [] });
const hostile: Roadmap = {
  id: 'h', title: 'A <map> & "quotes"', version: '1', practicalRoad: [], exercises: [],
  layers: [
    { id: 'l1', number: 1, title: '</text><script>alert(1)</script>', goal: 'g', topics: [topic('a', '<img src=x onerror=alert(1)> & friends'), topic('b', 'url(https://evil.example/x) "quoted"', ['a'])] },
    { id: 'l2', number: 2, title: 'Second', goal: 'g', topics: [topic('c', 'Needs itself', ['c', 'b'])] },
  ],
};

async function placed(roadmap: Roadmap): Promise<PlacedBand[]> {
  const out: PlacedBand[] = [];
  for await (const b of layoutWithDagre(buildMapGraph(roadmap))) out.push(b);
  return out;
}

describe('map scene', () => {
  it('wraps a title into lines and marks a cut', () => {
    assert.deepEqual(wrapTitle('Short title'), ['Short title']);
    assert.deepEqual(wrapTitle('Linear algebra: vectors, matrices, eigendecomposition'), ['Linear algebra: vectors,', 'matrices, eigendecomposition']);
    const title = 'Gradient boosting: GBDT, XGBoost, LightGBM, CatBoost and every other library there is';
    assert.equal(wrapTitle(title).join(' '), title, 'four lines hold a long title whole');
    const long = wrapTitle(title, 30, 2);
    assert.equal(long.length, 2);
    assert.ok(long[1].endsWith('…'));
    assert.ok(long.every((l) => l.length <= 30));
    assert.deepEqual(wrapTitle('Supercalifragilisticexpialidociouslylongwordthatneverends'), ['Supercalifragilisticexpialido…']);
    assert.deepEqual(wrapTitle(''), []);
  });

  it('says a status in words, with badges, and names a node for screen readers', () => {
    assert.equal(statusLine('done', [{ kind: 'verified', label: 'verified' }]), 'Done · ✔ verified');
    assert.equal(statusLine('not-started', [{ kind: 'reviews-due', label: '2 reviews due' }, { kind: 'later-kind', label: 'something new' }]), 'Not started · ↻ 2 reviews due · • something new');
    assert.equal(badgeSymbol('__proto__'), '•', 'a kind that is an object key is just unknown');
    assert.equal(
      nodeLabel({ title: 'BERT', layer: 'Layer 5, Models', status: 'in-progress', badges: [{ kind: 'verified', label: 'verified' }], needs: 1, unlocks: 3, cycle: true }),
      'BERT. In progress, verified. Layer 5, Models; needs 1 topic, unlocks 3. On a prerequisite cycle.',
    );
  });

  it('draws a polyline or a curve', () => {
    assert.equal(edgePath({ points: [{ x: 0, y: 0 }, { x: 10.04, y: 20 }], curve: false }), 'M0 0 L10 20');
    assert.equal(edgePath({ points: [{ x: 0, y: 0 }, { x: 0, y: 5 }, { x: 5, y: 5 }, { x: 5, y: 10 }], curve: true }), 'M0 0 C0 5 5 5 5 10');
  });
});

describe('map export (SVG)', () => {
  it('keeps only plain colours from the page', () => {
    for (const ok of ['#fff', '#1e1e1eff', 'rgb(1, 2, 3)', 'rgba(10,20,30,0.5)']) assert.ok(isPlainColour(ok), ok);
    for (const bad of ['red;x', '"/><script>', 'url(https://x)', 'var(--x)', '#12', 'rgb(1,2,3) ; fill:url(#a)', 7, undefined, 'x'.repeat(60)]) assert.equal(isPlainColour(bad), false, String(bad));
    const p = safePalette({ done: '#00ff00', edge: 'javascript:alert(1)', __proto__: { done: '#000' }, extra: '#123' } as Record<string, unknown>);
    assert.equal(p.done, '#00ff00');
    assert.equal(p.edge, DEFAULT_PALETTE.edge);
    assert.equal((p as Record<string, string>).extra, undefined);
  });

  it('writes a well-formed picture with every title escaped, no script and no external resource', async () => {
    const bands = await placed(hostile);
    const status: Record<string, Status> = { a: 'done', b: 'in-progress', c: 'skipped' };
    const svg = mapSvg(
      mapPicture({ title: hostile.title, bands: hostile.layers, nodes: hostile.layers.flatMap((l) => l.topics) }, bands, (id) => ({ status: status[id], badges: [] })),
      safePalette({ done: '#00ff00', background: '"><script>alert(1)</script>' }),
    );
    assert.equal(XMLValidator.validate(svg), true);
    assert.deepEqual(svgProblems(svg), [], 'no script, no event, no link, no reference out of the file');
    assert.ok(svg.includes('&#60;img src=x onerror=alert(1)&#62;'), 'a title with markup is text');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: { title: string } };
    assert.equal(doc.svg.title, 'A &#60;map&#62; &#38; &#34;quotes&#34;', 'the title is text');
    assert.ok(svg.includes('fill="#00ff00"'), 'the page\'s colour for done');
    assert.ok(!svg.includes('alert(1)</script>'), 'no markup from the palette or the titles');
    assert.ok(svg.includes('stroke-dasharray'), 'the cycle is drawn dashed');
  });
});

describe('map protocol', () => {
  const fromMap: FromMap[] = [
    { type: 'ready' },
    { type: 'open', id: 'a' },
    { type: 'setStatus', id: 'a', status: 'done' },
    { type: 'search', query: 'attention' },
    { type: 'export', format: 'png' },
    { type: 'exportData', requestId: 1, palette: { done: '#fff' }, png: undefined, error: undefined },
    { type: 'rendered', version: 1, stateVersion: 2, nodes: 98, painted: undefined, nextTopics: undefined },
    { type: 'rendered', version: 1, stateVersion: 3, nodes: 98, painted: 1, nextTopics: 7 },
  ];
  const toMap: ToMap[] = [
    { type: 'graph', version: 1, data: { title: 't', bands: [], nodes: [], edges: [], cycles: [], unknownPrerequisites: 0 }, stateVersion: 1, states: [['a', { status: 'done', badges: [] }]] },
    { type: 'band', version: 1, band: { index: 0, x: 0, y: 0, width: 1, height: 1, nodes: [], edges: [] } },
    { type: 'laidOut', version: 1 },
    { type: 'states', stateVersion: 2, states: [] },
    { type: 'select', id: 'a' },
    { type: 'matches', query: 'x', ids: ['a'] },
    { type: 'exportRequest', requestId: 3, format: 'svg' },
  ];

  it('accepts what its types allow and refuses anything else', () => {
    for (const m of fromMap) assert.ok(isFromMap(m), JSON.stringify(m));
    for (const m of toMap) assert.ok(isToMap(m), JSON.stringify(m));
    const bad: unknown[] = [
      { type: 'setStatus', id: 'a', status: 'verified' }, { type: 'export', format: 'pdf' }, { type: 'search', query: 'x'.repeat(300) },
      { type: 'exportData', requestId: 1, palette: 'red' }, { type: 'exportData', requestId: 1, palette: {}, png: 7 }, { type: '__proto__' },
      { type: 'states', stateVersion: 1, states: [['a', { status: 'gone', badges: [] }]] }, { type: 'states', stateVersion: 1, states: {} },
      { type: 'matches', query: 'x', ids: [''] }, { type: 'graph', version: 1, data: null, stateVersion: 1, states: [] },
      { type: 'rendered', version: 1, stateVersion: 3, nodes: 98, painted: '1', nextTopics: 7 }, { type: 'rendered', version: 1, stateVersion: 3, nodes: 98, painted: 1, nextTopics: Number.NaN },
    ];
    for (const m of bad) assert.equal(isFromMap(m) || isToMap(m), false, JSON.stringify(m));
  });

  it('restores the page\'s view only when its state is whole', () => {
    assert.ok(isMapState({ zoom: 1, x: 0, y: 0, follow: true, selected: undefined, layers: [], statuses: ['done'], query: '' }));
    for (const s of [undefined, {}, { zoom: 1, x: 0, y: 0, follow: 'yes', layers: [], statuses: [], query: '' }, { zoom: Number.NaN, x: 0, y: 0, follow: true, layers: [], statuses: [], query: '' }, { zoom: 1, x: 0, y: 0, follow: true, layers: [], statuses: ['finished'], query: '' }]) {
      assert.equal(isMapState(s), false, JSON.stringify(s));
    }
  });
});

describe('the SVG check the export tests use', () => {
  it('finds scripts, events, links and references out of the file, but not words in text', () => {
    const wrap = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`;
    assert.deepEqual(svgProblems(wrap('<text>onload=x url(https://e) &lt;script&gt;</text>')), []);
    assert.equal(svgProblems(wrap('<script>alert(1)</script>')).length, 1);
    assert.equal(svgProblems(wrap('<rect onload="x"/>')).length, 1);
    assert.equal(svgProblems(wrap('<image href="https://e/x.png"/>')).length, 3);
    assert.equal(svgProblems(wrap('<rect fill="url(https://e/p#x)"/>')).length, 1);
    assert.equal(svgProblems(wrap('<rect fill="url(#x)"/>')).length, 0);
    assert.ok(svgProblems('<svg><rect></svg>').length > 0, 'not well-formed');
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse, parseDocument, stringify } from 'yaml';
import { loadRoadmap, MAX_PROBLEMS, type LoadResult } from '../../src/core/loading/loadRoadmap';
import { IdSuggestions } from '../../src/core/loading/idSuggestions';
import { cycleName, findPrerequisiteCycles, MAX_CYCLES } from '../../src/core/loading/semanticChecks';
import { parseYaml } from '../../src/core/loading/yamlSource';
import type { Problem } from '../../src/core/problem';
import { aliasMultiplier, bracketsInStrings, compactNesting, heavyLayers, manyCyclesRoadmap, manyProblemsRoadmap, ringRoadmap, typoRoadmap } from '../../scripts/bench/hostileInputs';
import { memoryFiles } from './support/memoryFiles';
import { runs, size, within, withinFloor } from './support/runs';

const loadText = (text: string, checkFiles = false) => loadRoadmap(memoryFiles({ 'roadmap.yaml': text }), 'roadmap.yaml', { checkFiles });
/** Loaded within a budget relative to a bare yaml.parse of the same text. */
const loadBounded = (what: string, text: string) => withinFloor(what, () => parse(text), () => loadText(text));
const problems = (r: LoadResult): Problem[] => (r.ok ? r.warnings : r.problems);
const messages = (r: LoadResult) => problems(r).map((p) => p.message);
const totalText = (r: LoadResult) => problems(r).reduce((n, p) => n + p.message.length, 0);
const find = (r: LoadResult, re: RegExp) => {
  const p = problems(r).find((x) => re.test(x.message));
  assert.ok(p, `a problem matching ${re} among:\n${messages(r).slice(0, 10).join('\n')}`);
  return p;
};

describe('bounded work on hostile roadmaps', () => {
  it('"did you mean": at most 200 searches, the rest said in words (10,000 topics, 20,000 typos in test:fuzz)', async () => {
    const r = await loadBounded('unknown prerequisites', typoRoadmap(size(10_000, 2_500), size(1_000, 250), 20));
    const suggested = messages(r).filter((m) => m.includes('. Did you mean "')).length;
    assert.ok(suggested > 0 && suggested <= IdSuggestions.MAX_SEARCHES, `${suggested} suggestions`);
    find(r, /suggestions stop after 200 unknown ids of each kind; [\d,]+ more unknown ids got none/);
  });

  it('the candidate filter finds what a full search finds (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 40 }), id, (known, query) => {
        const fast = new IdSuggestions(known).suggest(query);
        const slow = known.map((k) => ({ k, d: levenshtein(query, k) })).filter((x) => x.d <= 2);
        if (fast) assert.ok(slow.some((x) => fast.includes(`"${x.k}"`) && x.d === Math.min(...slow.map((s) => s.d))), `${fast} for ${query}`);
        else assert.equal(slow.length, 0, `missed ${JSON.stringify(slow)} for ${query}`);
      }),
      { numRuns: runs(300) },
    );
  });

  it('a 12,000-topic cycle (3,000 in test:unit) gets one short name', async () => {
    const n = size(12_000, 3_000);
    const r = await loadBounded('a prerequisite ring', ringRoadmap(n));
    const p = find(r, /Prerequisites form a cycle/);
    assert.equal(p.message, `Prerequisites form a cycle: t0 → t1 → t2 → (${(n - 5).toLocaleString('en-US')} more) → t${n - 2} → t${n - 1} → t0.`);
    assert.ok(totalText(r) < 10_000, `${totalText(r)} characters of problems`);
  });

  it('6,000 cycles (500 in test:unit): 20 named, the rest counted', async () => {
    const n = size(12_000, 1_000);
    const r = await loadBounded('two-topic cycles', manyCyclesRoadmap(n));
    assert.equal(messages(r).filter((m) => m.startsWith('Prerequisites form a cycle')).length, MAX_CYCLES);
    find(r, new RegExp(`^… and ${(n / 2 - 20).toLocaleString('en-US')} more prerequisite cycles; fix these 20 first\\.$`));
    assert.ok(totalText(r) < 10_000, `${totalText(r)} characters of problems`);
  });

  it('cycle names stay short, whatever the cycle (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,80}$/), { minLength: 1, maxLength: 5000 }), (ids) => {
        assert.ok(cycleName(ids).length <= 8 * 84 + 20);
      }),
      { numRuns: runs(200) },
    );
    const roadmap = { layers: [{ topics: Array.from({ length: 100 }, (_, i) => ({ id: `t${i}`, prerequisites: [`t${i ^ 1}`] })) }] };
    const { cycles, more } = findPrerequisiteCycles(roadmap as never, 5);
    assert.equal(cycles.length, 5);
    assert.equal(more, 45);
  });

  it('10,000 problems (1,000 in test:unit): the first 500 listed, the rest counted', async () => {
    const n = size(10_000, 1_000);
    const r = await loadBounded('unknown exercises', manyProblemsRoadmap(n));
    assert.equal(problems(r).length, MAX_PROBLEMS + 1);
    // n unknown exercises and the note that suggestions stopped after 200.
    assert.equal(problems(r)[MAX_PROBLEMS].message, `… and ${(n + 1 - MAX_PROBLEMS).toLocaleString('en-US')} more problems; the first 500 are listed, fix those first.`);
    assert.match(problems(r)[0].message, /suggestions stop after 200/);
  });

  it('aliases that multiply a large anchored node are refused before they expand (0.7 MB file)', async () => {
    const text = aliasMultiplier();
    assert.ok(text.length > 500_000);
    const r = await withinFloor('an alias multiplier', () => parseDocument(text), () => loadText(text));
    assert.equal(problems(r).length, 1);
    find(r, /uses YAML aliases too heavily: they would repeat more than 100,000 values/);
  });

  it('compact nesting ("- - - ...") is refused before parsing', async () => {
    const r = await within(5_000, '10,000 compact levels', () => loadText(compactNesting()));
    const p = find(r, /nested too deeply/);
    assert.equal(p.line, 3);
    find(await loadText(`id: x\nv: ${'? '.repeat(5000)}x\n`), /nested too deeply/);
  });

  it('brackets inside strings and comments do not count as nesting', async () => {
    const r = await loadText(bracketsInStrings());
    assert.ok(r.ok, messages(r).join('\n'));
    assert.equal(r.roadmap.title, `${'['.repeat(300)} in a title`);
  });

  it('nesting: whatever is refused really nests deeply; flat text with any brackets parses (property)', () => {
    const junk = fc.stringMatching(/^[\x20-\x7e]{0,200}$/).filter((s) => !/[\\"]/.test(s));
    fc.assert(
      fc.property(junk, fc.integer({ min: 0, max: 300 }), (s, n) => {
        const r = parseYaml('x.yaml', `a: "${'['.repeat(n)}${s}"\n# ${'{'.repeat(n)}${s}\n`);
        assert.ok(r.ok, r.ok ? '' : r.problems[0].message);
      }),
      { numRuns: runs(200) },
    );
  });

  it('the YAML files of one roadmap share a 16 MB budget', async () => {
    const r = await loadRoadmap(heavyLayers(), 'roadmap.yaml', { checkFiles: false });
    const p = find(r, /The file "l2\.yaml" \(7\.0 MB\) does not fit: the YAML files of one roadmap may hold at most 16\.0 MB together/);
    assert.equal(p.file, 'roadmap.yaml');
    assert.equal(p.line, 7, 'at the layer entry that does not fit');
  });
});

describe('Windows device names in roadmaps', () => {
  it('are refused as ids and as the file names an author gives', async () => {
    const topic = (id: string, notes?: string) => ({ id, title: id, ...(notes ? { notes } : {}) });
    const yaml = stringify({
      id: 'con',
      title: 'T',
      version: '1.0.0',
      layers: [{ id: 'nul', number: 1, title: 'L', goal: 'G', topics: [topic('com1'), topic('fine', 'notes/AUX.md'), topic('fine-2', 'lpt3.notes/x.md')] }, 'layers/prn.yaml'],
      exercises: [{ id: 'lpt1', title: 'E', topic: 'fine', difficulty: 'beginner', path: 'exercises/Con.txt' }],
    });
    const r = await loadRoadmap(memoryFiles({ 'roadmap.yaml': yaml, 'notes/AUX.md': '# x', 'lpt3.notes/x.md': '# x' }), 'roadmap.yaml');
    find(r, /^Layer file "layers\/prn\.yaml" has "prn\.yaml" in its path, a device name on Windows \(CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9, with any extension\), so no file can have it there; rename it\.$/);
    // With the layer file out of the way, the ids and paths are checked.
    const r2 = await loadRoadmap(memoryFiles({ 'roadmap.yaml': yaml.replace(/\n {2}- layers\/prn\.yaml/, ''), 'notes/AUX.md': '# x', 'lpt3.notes/x.md': '# x', 'exercises/Con.txt/exercise.yaml': 'x: 1' }), 'roadmap.yaml');
    for (const re of [/^The roadmap id "con" is a device name on Windows \(CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9, with any extension\), so it cannot name a file there; choose another\.$/, /Layer id "nul"/, /Topic id "com1"/, /Exercise id "lpt1"/, /notes file "notes\/AUX\.md" of topic "fine" in layer "nul" has "AUX\.md" in its path, a device name/, /has "lpt3\.notes" in its path/, /template folder "exercises\/Con\.txt" of exercise "lpt1" has "Con\.txt" in its path/]) find(r2, re);
  });
});

describe('clear words for odd files', () => {
  it('an alias to a missing anchor', async () => {
    const p = find(await loadText('id: x\ntitle: *name\n'), /The alias "\*name" refers to no anchor: there is no "&name" before it/);
    assert.deepEqual([p.line, p.column], [2, 8]);
  });

  it('a UTF-16 file, with or without a byte order mark', async () => {
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: x\n', 'utf16le')]), Buffer.from('id: x\ntitle: y\n', 'utf16le')]) {
      find(await loadText(new TextDecoder().decode(bytes)), /The file is encoded as UTF-16 .*; roadmap files must be UTF-8/);
    }
  });

  it('several YAML documents', async () => {
    const p = find(await loadText('id: x\n---\nid: y\n---\nid: z\n'), /The file holds 3 YAML documents \(separated by "---"\); a roadmap file holds exactly one/);
    assert.equal(p.line, 2);
  });

  it('a UTF-8 byte order mark is fine', async () => {
    assert.ok(parseYaml('x.yaml', '\uFEFFid: x\n').ok);
  });
});

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

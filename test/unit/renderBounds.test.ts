import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { clampLengths, MAX_MATH_CHARS, MAX_MATH_EM, MAX_NOTE_MATH_CHARS, MAX_RENDERED_EM } from '../../src/core/render/boundedMath';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import { HUGE_SIZES, longFormula, repeatedHeadings } from '../../scripts/bench/hostileInputs';
import { runs, size, withinFloor } from './support/runs';

const render = createNotesRenderer();
const ids = (html: string) => [...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]);
/** Every length in a style attribute, in em. */
const styleEms = (html: string) => [...html.matchAll(/style="([^"]*)"/g)].flatMap((m) => [...m[1].matchAll(/([a-z-]+):\s*(-?[\d.]+)em/g)].map((x) => ({ prop: x[1], em: Number(x[2]) })));

describe('bounded notes rendering', () => {
  it('10,000 equal headings get unique ids in linear time', async () => {
    const n = size(10_000, 5_000);
    const md = repeatedHeadings(n);
    const bare = new MarkdownIt();
    const html = await withinFloor('repeated headings', () => bare.render(md), () => render(md));
    const got = ids(html);
    assert.equal(got.length, n);
    assert.equal(new Set(got).size, n);
    assert.deepEqual(got.slice(0, 3), ['same', 'same-1', 'same-2']);
  });

  it('heading ids are unique whatever the headings, and as the anchor plugin made them (property)', () => {
    const title = fc.constantFrom('Same', 'Same 1', 'same-1', 'Same 2', 'Other', 'same 1 1', '`code`', 'Ünïcode');
    fc.assert(
      fc.property(fc.array(title, { maxLength: 30 }), (titles) => {
        const got = ids(render(titles.map((t) => `## ${t}\n`).join('\n')));
        assert.equal(new Set(got).size, got.length, got.join());
        // The first of each slug keeps it bare, as before.
        if (titles.length) assert.equal(got[0], titles[0] === '`code`' ? 'code' : titles[0].toLowerCase().replace(/\s+/g, '-'));
      }),
      { numRuns: runs(300) },
    );
  });

  it('a long formula is not typeset, and says why', async () => {
    const md = longFormula(100_000);
    const html = await withinFloor('a 100 KB formula', () => new MarkdownIt().render(md), () => render(md));
    assert.ok(/katex-error[\s\S]*This formula has 100,00\d characters; formulas may have at most 4,000\./.test(html), 'the formula is refused in words');
    assert.doesNotMatch(html, /class="katex"/);
  });

  it('formulas past the per-note budget are not typeset', () => {
    // Cheap to typeset (spaces), long enough to spend the budget.
    const one = `$$\nx${' '.repeat(3799)}\n$$\n\n`;
    const html = render(one.repeat(Math.ceil(MAX_NOTE_MATH_CHARS / 3801) + 2));
    assert.ok(html.includes('This note has more than 60,000 characters of formulas; the rest are not typeset.'), 'the budget is said in words');
    assert.ok(MAX_MATH_CHARS < MAX_NOTE_MATH_CHARS);
  });

  it('sizes stay within bounds both ways, direct or built by a macro', () => {
    for (const tex of HUGE_SIZES) {
      const html = render(tex);
      for (const { prop, em } of styleEms(html)) assert.ok(Math.abs(em) <= (prop.startsWith('margin') ? MAX_MATH_EM : MAX_RENDERED_EM), `${tex}: ${prop} ${em}em`);
      if (/kern\{-|hspace|mkern/.test(tex)) assert.match(html, /is out of range; sizes in formulas lie between -20em and 20em/, tex);
    }
    assert.match(render('$\\kern{-3em}x$'), /margin-right:-3em/, 'ordinary kerns are kept');
  });

  it('no length KaTeX writes leaves the bounds, whatever the sizes (property)', () => {
    const unit = fc.constantFrom('em', 'ex', 'pt', 'mu', 'cm', 'in', 'px', 'sp', 'bp', 'pc');
    const cmd = fc.constantFrom('\\kern', '\\hspace', '\\mkern', '\\mskip', '\\hskip', '\\raisebox');
    fc.assert(
      fc.property(cmd, fc.double({ min: -1e6, max: 1e6, noNaN: true }), unit, (c, v, u) => {
        const tex = c === '\\raisebox' ? `$\\raisebox{${v}${u}}{x}$` : c === '\\mkern' || c === '\\mskip' ? `$${c}${v}mu x$` : `$${c}{${v}${u}}x$`;
        for (const { prop, em } of styleEms(render(tex))) assert.ok(Math.abs(em) <= (prop.startsWith('margin') ? MAX_MATH_EM : MAX_RENDERED_EM), `${tex}: ${prop} ${em}em`);
      }),
      { numRuns: runs(200) },
    );
    assert.equal(clampLengths('<span style="margin-left:-9999em;top:-500.5em;height:3em"></span>'), '<span style="margin-left:-20em;top:-100em;height:3em"></span>');
  });
});

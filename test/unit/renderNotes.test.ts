import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createNotesRenderer, slugify, withoutLeadingTitle } from '../../src/core/render/renderNotes';
import { fixture } from './support/paths';

const render = createNotesRenderer();

describe('notes rendering', () => {
  it('renders math with KaTeX, inline and display', () => {
    const html = render('Inline $x^2$ and\n\n$$\\int_0^1 f(x)\\,dx$$\n');
    assert.equal((html.match(/class="katex"/g) ?? []).length, 2);
    assert.match(html, /class="katex-display"/);
    assert.match(html, /<annotation encoding="application\/x-tex">x\^2<\/annotation>/);
  });

  it('highlights fenced code in known languages and escapes the rest', () => {
    const html = render('```python\nimport numpy as np\n```\n\n```\n<b>plain</b>\n```\n');
    assert.match(html, /<pre class="hljs"><code class="language-python"><span class="hljs-keyword">import<\/span>/);
    assert.match(html, /&lt;b&gt;plain&lt;\/b&gt;/);
  });

  it('gives headings anchors and drops the leading title the header already shows', () => {
    const html = render('# Title\n\n## Key ideas\n\nText');
    assert.doesNotMatch(html, /<h1/);
    assert.match(html, /<h2 id="key-ideas">Key ideas<\/h2>/);
    assert.equal(slugify('Check yourself!'), 'check-yourself');
    assert.equal(withoutLeadingTitle('# A\nB'), 'B');
  });

  it('keeps http(s) and mailto links, marked for the extension to open; drops other schemes', () => {
    const html = render('[a](https://example.org) [m](mailto:x@example.org) [j](javascript:alert(1)) [c](command:foo) [f](file:///etc/passwd) [r](./relative.md) [h](#key-ideas)');
    assert.match(html, /<a href="https:\/\/example.org" data-external="true">a<\/a>/);
    assert.match(html, /<a href="mailto:x@example.org" data-external="true">m<\/a>/);
    assert.match(html, /<a href="#key-ideas">h<\/a>/);
    for (const bad of ['javascript:', 'command:', 'file:', 'relative.md"']) assert.ok(!html.includes(`href="${bad}`), bad);
  });

  it('renders the XSS corpus inert: no element, attribute or URL that can run script', () => {
    const md = readFileSync(fixture('xss-roadmap', 'notes', 'payloads.md'), 'utf8');
    const started = performance.now();
    const html = render(md);
    assert.ok(performance.now() - started < 2000, 'macro bombs are bounded');
    // Tags markdown-it and KaTeX may emit; everything else must have been escaped.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
    const allowed = new Set(['p', 'a', 'code', 'pre', 'span', 'h2', 'em', 'strong', 'math', 'semantics', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'mstyle', 'annotation', 'mtable', 'mtr', 'mtd', 'svg', 'path', 'line', 'br', 'ul', 'li', 'mpadded', 'menclose', 'mover', 'munder', 'mroot', 'msqrt']);
    for (const t of tags) assert.ok(allowed.has(t), `unexpected element <${t}>`);
    assert.doesNotMatch(html, /<(script|iframe|img|details|form|style|object|embed)\b/i);
    // Attributes are checked inside real tags only; escaped payload text may say anything.
    for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
      assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `event handler in ${tag}`);
      assert.doesNotMatch(tag, /\s(src|action|srcdoc|formaction)\s*=/i, `loads something: ${tag}`);
      assert.doesNotMatch(tag, /href="(?!https?:|mailto:|#)/i, `unsafe href in ${tag}`);
    }
    assert.match(html, /&lt;script&gt;/, 'the payloads are shown as text');
    assert.match(html, /<a href="https:\/\/example.org\/safe" data-external="true">safe link<\/a>/);
  });
});

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LAZY_LANGUAGES, languageBundlesIn, renderWithLanguages } from '../../src/core/render/codeLanguages';
import { createNotesRenderer, slugify, withoutLeadingTitle } from '../../src/core/render/renderNotes';
import { fixture, repoRoot } from './support/paths';

/** A grammar as its bundle exports it, from highlight.js itself (the bundles are built from these files). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const grammar = async (bundle: string): Promise<unknown> => require(`highlight.js/lib/languages/${bundle}`);

/** One short program per language the issue names, each with something to highlight. */
const SAMPLES: Record<string, string> = {
  html: '<p class="x">Hi</p>',
  css: 'body { color: red; }',
  markdown: '# Title\n\n*emphasis*',
  shell: 'echo "hi" | grep h',
  sql: 'SELECT id FROM users WHERE id = 1;',
  c: 'int main(void) { return 0; }',
  cpp: 'template <typename T> T twice(T x) { return x + x; }',
  java: 'public class A { private int x; }',
  go: 'func main() { var x int = 1 }',
  rust: 'fn main() { let mut x: i32 = 1; }',
};

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

  it('highlights html, css, markdown, shell, sql, c, cpp, java, go and rust, loading each grammar only when a note needs it', async () => {
    const fresh = createNotesRenderer();
    const md = Object.entries(SAMPLES).map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``).join('\n\n');
    const loaded: string[] = [];
    const html = await renderWithLanguages(fresh, md, async (b) => {
      loaded.push(b);
      return grammar(b);
    });
    // shell is bash, built in; the rest come from their bundles, each loaded once.
    assert.deepEqual(loaded.sort(), ['c', 'cpp', 'css', 'go', 'java', 'markdown', 'rust', 'sql', 'xml']);
    for (const lang of Object.keys(SAMPLES)) {
      const block = new RegExp(`<pre class="hljs"><code class="language-${lang.replace('+', '\\+')}">(.*?)</code></pre>`, 's').exec(html)?.[1] ?? '';
      assert.match(block, /<span class="hljs-/, `${lang} is highlighted`);
    }
    assert.deepEqual(fresh.missingLanguages(md), [], 'nothing is loaded twice');
    await renderWithLanguages(fresh, md, async (b) => assert.fail(`loaded ${b} again`));
  });

  it('reads fence names anywhere a fence may start, and every name of the table selects its grammar', async () => {
    assert.deepEqual(languageBundlesIn('> ```Go\n> x\n> ```\n\n- ~~~ c++ {.x}\n  y\n  ~~~\n\n```unknown\n```\n```python\n```').sort(), ['cpp', 'go']);
    const fresh = createNotesRenderer();
    for (const [bundle, names] of Object.entries(LAZY_LANGUAGES)) {
      fresh.addLanguage(bundle, await grammar(bundle));
      for (const name of names) assert.match(fresh(`\`\`\`${name}\nx\n\`\`\``), /<pre class="hljs">/, `${name} (${bundle})`);
    }
    // Only bundles of the table are ever registered.
    fresh.addLanguage('constructor', await grammar('go'));
    assert.doesNotMatch(fresh('```constructor\nfunc x\n```'), /hljs/);
  });

  it('builds one bundle per grammar, outside render.js, so neither activation nor the first note loads them', () => {
    const meta = JSON.parse(readFileSync(join(repoRoot, 'dist', 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const renderInputs = Object.keys(meta.outputs['dist/render.js'].inputs).filter((i) => /highlight\.js\/(lib|es)\/languages\//.test(i));
    assert.deepEqual(renderInputs.map((i) => i.replace(/.*languages\//, '')).sort(), ['bash.js', 'javascript.js', 'json.js', 'python.js', 'typescript.js', 'yaml.js']);
    for (const bundle of Object.keys(LAZY_LANGUAGES)) {
      const file = join(repoRoot, 'dist', 'languages', `${bundle}.js`);
      assert.ok(existsSync(file), file);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(file) as unknown;
      assert.equal(typeof (typeof exported === 'function' ? exported : (exported as { default?: unknown }).default), 'function', bundle);
    }
    // Activation loads extension.js: the renderer, the YAML parser and the outline importer stay in their lazy bundles.
    for (const bundle of ['dist/extension.js', 'dist/web/extension.js']) {
      const heavy = Object.keys(meta.outputs[bundle].inputs).filter((i) => /node_modules\/(highlight\.js|markdown-it|yaml|katex)\//.test(i));
      assert.deepEqual(heavy, [], `${bundle} loads none of them at activation`);
    }
  });

  it('keeps http(s) and mailto links, marked for the extension to open; drops other schemes', () => {
    const html = render('[a](https://example.org) [m](mailto:x@example.org) [j](javascript:alert(1)) [c](command:foo) [f](file:///etc/passwd) [r](./relative.md) [h](#key-ideas)');
    assert.match(html, /<a href="https:\/\/example.org" data-external="true">a<\/a>/);
    assert.match(html, /<a href="mailto:x@example.org" data-external="true">m<\/a>/);
    assert.match(html, /<a href="#key-ideas">h<\/a>/);
    for (const bad of ['javascript:', 'command:', 'file:', 'relative.md"']) assert.ok(!html.includes(`href="${bad}`), bad);
    // Their text stays, as plain text that says where it pointed.
    assert.match(html, /<span class="link-refused" title="Not opened from notes: javascript:alert\(1\)">j<\/span>/);
    assert.match(html, /<span class="link-refused" title="Not opened from notes: \.\/relative\.md">r<\/span>/);
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

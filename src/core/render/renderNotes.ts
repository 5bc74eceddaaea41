import katexPlugin from '@vscode/markdown-it-katex';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';
import { boundedKatex } from './boundedMath';
import { isLanguageBundle, languageBundlesIn, type NotesRenderer } from './codeLanguages';
import { headingIds } from './headingIds';
import { imageHtml } from './noteImages';
import { slugify, withoutLeadingTitle } from './slug';

export { slugify, withoutLeadingTitle } from './slug';

// The languages most notes use are built in; the others load on demand (codeLanguages.ts): the
// full highlight.js adds about 900 KB.
for (const [name, lang] of Object.entries({ python, bash, javascript, typescript, json, yaml })) hljs.registerLanguage(name, lang);
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' });

type LanguageDefinition = Parameters<typeof hljs.registerLanguage>[1];

export const ALLOWED_LINK_SCHEMES = ['http:', 'https:', 'mailto:'];


/**
 * Markdown to HTML for the notes panel. Notes may come from a stranger's roadmap, so raw HTML
 * is off (it is escaped, never passed through), links other than http(s), mailto and in-page
 * anchors lose their href, and the webview's CSP blocks script anyway.
 */
export type { NotesRenderer };

export function createNotesRenderer(): NotesRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.options.highlight = (code: string, lang: string): string => {
    const language = lang && hljs.getLanguage(lang) ? lang : undefined;
    if (!language) return ''; // markdown-it escapes it as plain code
    return `<pre class="hljs"><code class="language-${md.utils.escapeHtml(lang)}">${hljs.highlight(code, { language, ignoreIllegals: true }).value}</code></pre>`;
  };
  const math = boundedKatex();
  md.use(katexPlugin, { katex: math, throwOnError: false, errorColor: 'inherit', maxSize: 20, maxExpand: 200, trust: false, strict: 'ignore' });
  md.use(headingIds, slugify);

  // Every link and picture is parsed, whatever its address, so that the rules below decide what
  // each becomes and a refused picture can still say why.
  md.validateLink = () => true;
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  const defaultLinkClose = md.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    if (!isAllowedHref(href)) {
      // Other schemes and relative paths lead nowhere in a webview: the text stays, as a span.
      const close = tokens.findIndex((t, i) => i > idx && t.type === 'link_close');
      if (close > 0) tokens[close].tag = 'span';
      return `<span class="link-refused" title="${md.utils.escapeHtml(`Not opened from notes: ${href.slice(0, 200)}`)}">`;
    }
    // The webview intercepts clicks and asks the extension to open the link after checking it.
    if (!href.startsWith('#')) tokens[idx].attrSet('data-external', 'true');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  md.renderer.rules.link_close = (tokens, idx, options, env, self) => (tokens[idx].tag === 'span' ? '</span>' : defaultLinkClose(tokens, idx, options, env, self));
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const t = tokens[idx];
    return imageHtml(String(t.attrGet('src') ?? ''), self.renderInlineAsText(t.children ?? [], options, env), String(t.attrGet('title') ?? ''));
  };
  const render = (markdown: string) => {
    math.startNote();
    return md.render(withoutLeadingTitle(markdown));
  };
  return Object.assign(render, {
    missingLanguages: (markdown: string) => languageBundlesIn(markdown).filter((b) => !hljs.getLanguage(b)),
    addLanguage(bundle: string, exported: unknown) {
      const definition = typeof exported === 'function' ? exported : (exported as { default?: unknown } | undefined)?.default;
      if (!isLanguageBundle(bundle) || hljs.getLanguage(bundle) || typeof definition !== 'function') return;
      hljs.registerLanguage(bundle, definition as LanguageDefinition);
    },
  });
}

/** In-page anchors, and the schemes the extension opens. */
function isAllowedHref(href: string): boolean {
  if (href.startsWith('#')) return true;
  try {
    return ALLOWED_LINK_SCHEMES.includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

// Run, Copy to Workspace and Open as Notebook read a note's Python blocks with the same parser:
// they load with the renderer, not at activation.
export { notePythonBlocks } from '../snippets/noteBlocks';
export { noteToNotebook, serializeNotebook } from '../snippets/notebook';

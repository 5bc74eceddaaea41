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
import { headingIds } from './headingIds';
import { slugify, withoutLeadingTitle } from './slug';

export { slugify, withoutLeadingTitle } from './slug';

// Only the languages notes use: the full highlight.js adds about 900 KB to the bundle.
for (const [name, lang] of Object.entries({ python, bash, javascript, typescript, json, yaml })) hljs.registerLanguage(name, lang);
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' });

export const ALLOWED_LINK_SCHEMES = ['http:', 'https:', 'mailto:'];


/**
 * Markdown to HTML for the notes panel. Notes may come from a stranger's roadmap, so raw HTML
 * is off (it is escaped, never passed through), links other than http(s), mailto and in-page
 * anchors lose their href, and the webview's CSP blocks script anyway.
 */
export function createNotesRenderer(): (markdown: string) => string {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.options.highlight = (code: string, lang: string): string => {
    const language = lang && hljs.getLanguage(lang) ? lang : undefined;
    if (!language) return ''; // markdown-it escapes it as plain code
    return `<pre class="hljs"><code class="language-${md.utils.escapeHtml(lang)}">${hljs.highlight(code, { language, ignoreIllegals: true }).value}</code></pre>`;
  };
  const math = boundedKatex();
  md.use(katexPlugin, { katex: math, throwOnError: false, errorColor: 'inherit', maxSize: 20, maxExpand: 200, trust: false, strict: 'ignore' });
  md.use(headingIds, slugify);

  md.validateLink = (url) => {
    if (url.startsWith('#')) return true;
    try {
      return ALLOWED_LINK_SCHEMES.includes(new URL(url).protocol);
    } catch {
      return false; // relative paths lead nowhere in a webview
    }
  };
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    // The webview intercepts clicks and asks the extension to open the link after checking it.
    if (!href.startsWith('#')) tokens[idx].attrSet('data-external', 'true');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  md.renderer.rules.image = (tokens, idx) => {
    // Remote images are blocked by the CSP; show the alt text and the address instead.
    const t = tokens[idx];
    return `<span class="image-placeholder">[image: ${md.utils.escapeHtml(t.content || 'untitled')}]</span>`;
  };
  return (markdown) => {
    math.startNote();
    return md.render(withoutLeadingTitle(markdown));
  };
}

// Run, Copy to Workspace and Open as Notebook read a note's Python blocks with the same parser:
// they load with the renderer, not at activation.
export { notePythonBlocks } from '../snippets/noteBlocks';
export { noteToNotebook, serializeNotebook } from '../snippets/notebook';

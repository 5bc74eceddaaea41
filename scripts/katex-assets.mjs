// KaTeX's stylesheet and the woff2 fonts the notes need, served to the notes webview from the
// extension. Chromium only ever loads woff2, so the CSS keeps woff2 sources only, and only the
// faces below: the ones the built-in notes use (test/ui/katexFonts.test.ts fails if a note needs
// another), plus Main-Italic and Math-BoldItalic, common in authors' math (\textit, \boldsymbol).
// Fraktur, Script, SansSerif, Typewriter and the rarer bold italics are left out to keep the vsix
// small; math that asks for them is still rendered, in the webview's fallback font.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export const KATEX_FACES = [
  'AMS-Regular',
  'Caligraphic-Regular',
  'Main-Bold',
  'Main-Italic',
  'Main-Regular',
  'Math-BoldItalic',
  'Math-Italic',
  'Size1-Regular',
  'Size2-Regular',
  'Size3-Regular',
  'Size4-Regular',
];

/** katex.min.css with @font-face rules for the shipped faces only, each with its woff2 source alone. */
export function trimKatexCss(css) {
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const face = /url\(fonts\/KaTeX_([\w-]+)\.woff2\)/.exec(rule)?.[1];
    if (!face || !KATEX_FACES.includes(face)) return '';
    return rule.replace(/src:[^;}]*/, `src:url(fonts/KaTeX_${face}.woff2) format("woff2")`);
  });
}

export function copyKatexAssets(from = 'node_modules/katex/dist', to = 'dist/webview/katex') {
  mkdirSync(`${to}/fonts`, { recursive: true });
  writeFileSync(`${to}/katex.min.css`, trimKatexCss(readFileSync(`${from}/katex.min.css`, 'utf8')));
  for (const face of KATEX_FACES) copyFileSync(`${from}/fonts/KaTeX_${face}.woff2`, `${to}/fonts/KaTeX_${face}.woff2`);
}

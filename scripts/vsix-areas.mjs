// What a vsix spends its bytes on: every entry's compressed size, grouped by area (bundles one by
// one, the content pack split into notes, quizzes and exercises, fonts, grammars...). The package
// step prints it and holds the size under its ceiling; the bench prints it beside the goal.
// Usage: node scripts/vsix-areas.mjs <file.vsix> [--json]
import { statSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { decompress } from 'fzstd';
import { zipIndex } from './check-vsix.mjs';

/** Issue 10's goal for the vsix. */
export const VSIX_GOAL_KB = 1000;
/**
 * What the package step enforces. The goal cannot be met without dropping content: the content
 * pack alone is over half of it (see CONTRIBUTING, "What ships"). This ceiling keeps what was won.
 */
export const VSIX_CEILING_KB = 1450;

const PACK = 'extension/dist/content.json.zst';

/** The area of one vsix entry. */
export function areaOf(name) {
  const path = name.replace(/^extension\//, '');
  if (path === name) return 'vsix manifest and content types';
  if (path === 'dist/content.json.zst') return 'content pack (notes, quizzes, exercises)';
  if (path === 'dist/extension.js' || path === 'dist/boot.js') return 'bundle dist/extension.js (Node host, at activation)';
  if (path === 'dist/web/extension.js') return 'bundle dist/web/extension.js (web worker host, at activation)';
  if (path === 'dist/features.js') return 'bundle dist/features.js (Node host, on first use)';
  if (path.startsWith('dist/lib/')) return 'shared libraries dist/lib (yaml, re2js, markdown-it)';
  if (path.startsWith('dist/languages/')) return 'highlight.js grammars dist/languages';
  if (path.startsWith('dist/webview/katex/fonts/')) return 'KaTeX fonts (woff2)';
  if (path.startsWith('dist/webview/')) return 'webview front ends and KaTeX CSS';
  if (/^dist\/[^/]+\.js$/.test(path)) return `lazy bundle ${path}`;
  if (path === 'dist/roadmap.json') return 'roadmap index dist/roadmap.json';
  if (path === 'dist/starter.json') return 'starter roadmap dist/starter.json';
  if (path === 'dist/THIRD_PARTY_NOTICES.md' || path === 'LICENSE.txt') return 'licences';
  if (path.startsWith('dist/schema/') || path.startsWith('media/schema/')) return 'JSON schemas';
  if (path === 'media/icon.png') return 'icon media/icon.png';
  if (path.startsWith('media/walkthrough/')) return 'walkthrough pages';
  if (path.startsWith('media/')) return 'media (webview styles, activity bar icon)';
  if (path === 'package.json' || path === 'readme.md' || path === 'changelog.md') return 'package.json, readme, changelog';
  return `other ${path}`;
}

/** The kind of one file in the content pack. */
function packKindOf(file) {
  if (file.endsWith('.quiz.yaml')) return 'quizzes';
  if (file.startsWith('exercises/')) return file.includes('/solution/') ? 'exercise solutions' : 'exercise templates, tests and READMEs';
  return 'notes and their pictures';
}

/**
 * The vsix's size, entry count and areas (compressed bytes, largest first). The content pack's
 * parts have their raw sizes in the pack and, since it is one stream, a share of its compressed
 * size in proportion.
 */
export async function vsixAreas(file) {
  const { entries: all, texts } = await zipIndex(file, [PACK]);
  const areas = new Map();
  for (const entry of all) {
    const area = areaOf(entry.name);
    const a = areas.get(area) ?? { area, files: 0, bytes: 0, raw: 0 };
    a.files++;
    a.bytes += entry.bytes;
    a.raw += entry.raw;
    areas.set(area, a);
  }
  const entries = all.length;
  const packed = texts.get(PACK);
  const pack = packed && { bytes: all.find((e) => e.name === PACK).bytes, json: JSON.parse(Buffer.from(decompress(packed)).toString('utf8')) };
  const size = statSync(file).size;
  const inEntries = [...areas.values()].reduce((s, a) => s + a.bytes, 0);
  areas.set('zip headers', { area: 'zip headers', files: 0, bytes: size - inEntries, raw: 0 });
  const packParts = [];
  if (pack) {
    const kinds = new Map();
    for (const [f, text] of [...Object.entries(pack.json.files ?? {}), ...Object.entries(pack.json.binary ?? {})]) {
      const k = kinds.get(packKindOf(f)) ?? { kind: packKindOf(f), files: 0, raw: 0 };
      k.files++;
      k.raw += Buffer.byteLength(text);
      kinds.set(k.kind, k);
    }
    const raw = [...kinds.values()].reduce((s, k) => s + k.raw, 0);
    for (const k of kinds.values()) packParts.push({ ...k, share: Math.round((pack.bytes * k.raw) / raw) });
    packParts.sort((a, b) => b.raw - a.raw);
  }
  return { size, entries, areas: [...areas.values()].sort((a, b) => b.bytes - a.bytes), packParts, goalKb: VSIX_GOAL_KB, ceilingKb: VSIX_CEILING_KB };
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/** The table as lines of text. */
export function areaLines({ size, entries, areas, packParts }) {
  const lines = [`${kb(size)} in ${entries} entries (goal: under ${VSIX_GOAL_KB} KB; ceiling the package step enforces: ${VSIX_CEILING_KB} KB)`];
  for (const a of areas) {
    lines.push(`  ${kb(a.bytes).padStart(9)}  ${a.area}${a.files > 1 ? ` (${a.files} files)` : ''}`);
    if (a.area.startsWith('content pack')) for (const p of packParts) lines.push(`  ${''.padStart(9)}    ${p.kind}: ${p.files} files, ${kb(p.raw)} raw, about ${kb(p.share)} of the pack`);
  }
  return lines;
}

/** A sentence for a vsix over the ceiling, naming its three largest areas; undefined when it fits. */
export function overCeiling(result) {
  const size = result.size / 1024;
  if (size <= VSIX_CEILING_KB) return undefined;
  const top = result.areas.slice(0, 3).map((a) => `${a.area} ${kb(a.bytes)}`).join(', ');
  return `The vsix is ${size.toFixed(0)} KB, over the ${VSIX_CEILING_KB} KB ceiling (the goal is ${VSIX_GOAL_KB} KB). Its largest areas: ${top}.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await vsixAreas(process.argv[2]);
  console.log(process.argv.includes('--json') ? JSON.stringify(result) : areaLines(result).join('\n'));
}

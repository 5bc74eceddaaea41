// The vsix's floor: the compressed bytes that are not ours to shrink, in the same package. That is
// the content (the content pack is the bare zstd-19 output on the roadmap's text), the libraries'
// code inside each bundle (its share of the bundle, from the esbuild metafile's bytes per input),
// the files a library ships as they are (KaTeX's fonts and stylesheet), and the roadmap index as
// the same bare compressor would leave it, measured in this run. Everything else is ours: our
// code, media, the manifest, the readme and the changelog.
// Issue 10's goal (under 1 MB) sits below this floor, so the bench reports the ratio beside it.
// Usage: node scripts/vsix-floor.mjs <file.vsix> [--json]  (after a production build: dist/meta.json)
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compress, init as initZstd } from '@bokuweb/zstd-wasm';
import { zipIndex } from './check-vsix.mjs';
import { areaOf } from './vsix-areas.mjs';

/**
 * The part of one entry that is not ours, from 0 to 1. `outputs` is the metafile's outputs.
 * The content pack counts whole: it is the roadmap's own text as the bare compressor leaves it.
 */
export function libraryShare(path, outputs) {
  if (path === 'dist/content.json.zst') return 1;
  if (path.startsWith('dist/webview/katex/')) return 1;
  const out = Object.hasOwn(outputs, path) ? outputs[path] : undefined;
  if (!out || !out.bytes) return 0;
  let library = 0;
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) if (input.includes('node_modules/')) library += bytesInOutput;
  return Math.min(1, library / out.bytes);
}

export async function vsixFloor(file, root = process.cwd()) {
  const { outputs } = JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8'));
  const INDEX = 'extension/dist/roadmap.json';
  const { entries, texts } = await zipIndex(file, [INDEX]);
  const size = statSync(file).size;
  // The index is content too: its floor is what zstd-19 makes of it (the content pack's level).
  await initZstd();
  const indexFloor = texts.has(INDEX) ? compress(texts.get(INDEX), 19).length : 0;
  let floor = 0;
  const ours = new Map();
  for (const e of entries) {
    const share = e.name === INDEX ? Math.min(1, indexFloor / e.bytes) : libraryShare(e.name.replace(/^extension\//, ''), outputs);
    floor += e.bytes * share;
    const own = e.bytes * (1 - share);
    if (own >= 1) ours.set(areaOf(e.name), (ours.get(areaOf(e.name)) ?? 0) + own);
  }
  // The zip's own headers come with any package.
  const headers = size - entries.reduce((s, e) => s + e.bytes, 0);
  ours.set('zip headers', headers);
  return {
    size,
    floor: Math.round(floor),
    ratio: size / floor,
    ours: [...ours].map(([area, bytes]) => ({ area, bytes: Math.round(bytes) })).sort((a, b) => b.bytes - a.bytes),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await vsixFloor(process.argv[2]);
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
    console.log(`${kb(r.size)}; floor (content pack, library code and files) ${kb(r.floor)}; ratio ${r.ratio.toFixed(2)}×`);
    for (const o of r.ours) console.log(`  ${kb(o.bytes).padStart(9)}  ours: ${o.area}`);
  }
}

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { decompress } from 'fzstd';
import { repoRoot } from './support/paths';

interface Area {
  area: string;
  files: number;
  bytes: number;
  raw: number;
}
interface VsixAreasModule {
  VSIX_GOAL_KB: number;
  VSIX_CEILING_KB: number;
  areaOf(name: string): string;
  overCeiling(result: { size: number; areas: Area[] }): string | undefined;
}

// The package step's own module (scripts/vsix-areas.mjs), loaded as it runs there; the path is
// built at run time so the test bundle keeps the import instead of inlining the script.
const script = ['scripts', 'vsix-areas.mjs'];
const areasModule = () => import(pathToFileURL(join(repoRoot, ...script)).href) as Promise<VsixAreasModule>;

describe('the vsix size (npm run package)', () => {
  it('sorts every kind of entry into a named area, with nothing left as "other"', async () => {
    const { areaOf } = await areasModule();
    const cases: Record<string, string> = {
      'extension/dist/content.json.zst': 'content pack (notes, quizzes, exercises)',
      'extension/dist/extension.js': 'bundle dist/extension.js (Node host, at activation)',
      'extension/dist/web/extension.js': 'bundle dist/web/extension.js (web worker host, at activation)',
      'extension/dist/lib/yaml.js': 'shared libraries dist/lib (yaml, re2js, markdown-it)',
      'extension/dist/render.js': 'lazy bundle dist/render.js',
      'extension/dist/languages/rust.js': 'highlight.js grammars dist/languages',
      'extension/dist/webview/katex/fonts/KaTeX_Main-Regular.woff2': 'KaTeX fonts (woff2)',
      'extension/dist/webview/notes.js': 'webview front ends and KaTeX CSS',
      'extension/media/walkthrough/read-topic.md': 'walkthrough pages',
      'extension/readme.md': 'package.json, readme, changelog',
      'extension.vsixmanifest': 'vsix manifest and content types',
    };
    for (const [entry, area] of Object.entries(cases)) assert.equal(areaOf(entry), area, entry);
  });

  it('fails a vsix over the ceiling with a sentence that names the goal and the three largest areas', async () => {
    const { overCeiling, VSIX_CEILING_KB, VSIX_GOAL_KB } = await areasModule();
    assert.ok(VSIX_GOAL_KB === 1000 && VSIX_CEILING_KB >= VSIX_GOAL_KB);
    const areas: Area[] = [
      { area: 'content pack (notes, quizzes, exercises)', files: 1, bytes: 900 * 1024, raw: 0 },
      { area: 'KaTeX fonts (woff2)', files: 11, bytes: 400 * 1024, raw: 0 },
      { area: 'lazy bundle dist/render.js', files: 1, bytes: 300 * 1024, raw: 0 },
      { area: 'licences', files: 2, bytes: 4 * 1024, raw: 0 },
    ];
    const size = areas.reduce((s, a) => s + a.bytes, 0);
    const sentence = overCeiling({ size, areas });
    assert.ok(sentence, 'a vsix of 1,604 KB passes');
    assert.match(sentence, new RegExp(`1604 KB, over the ${VSIX_CEILING_KB} KB ceiling \\(the goal is 1000 KB\\)`));
    assert.match(sentence, /content pack \(notes, quizzes, exercises\) 900\.0 KB, KaTeX fonts \(woff2\) 400\.0 KB, lazy bundle dist\/render\.js 300\.0 KB\.$/);
    assert.equal(overCeiling({ size: VSIX_CEILING_KB * 1024, areas }), undefined);
  });

  it('counts as the floor the library code in a bundle (by the metafile\'s bytes per input), the content pack and KaTeX\'s own files, and nothing of ours', async () => {
    const { libraryShare } = (await import(pathToFileURL(join(repoRoot, 'scripts', ['vsix', 'floor.mjs'].join('-'))).href)) as { libraryShare(path: string, outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>): number };
    const outputs = {
      'dist/render.js': { bytes: 1000, inputs: { 'node_modules/katex/dist/katex.mjs': { bytesInOutput: 700 }, 'src/core/render/markdown.ts': { bytesInOutput: 250 } } },
      'dist/extension.js': { bytes: 1000, inputs: { 'src/extension/extension.ts': { bytesInOutput: 1000 } } },
    };
    assert.equal(libraryShare('dist/render.js', outputs), 0.7, 'the wrapper esbuild adds counts as ours');
    assert.equal(libraryShare('dist/extension.js', outputs), 0);
    assert.equal(libraryShare('dist/content.json.zst', outputs), 1);
    assert.equal(libraryShare('dist/webview/katex/fonts/KaTeX_Main-Regular.woff2', outputs), 1);
    assert.equal(libraryShare('media/icon.png', outputs), 0);
    assert.equal(libraryShare('constructor', outputs), 0, 'a name that is also an object key is just a file of ours');
  });

  it('builds the content pack as one zstd frame that fzstd (the reader of both hosts) opens', { skip: !existsSync(join(repoRoot, 'dist', 'content.json.zst')) && 'build first' }, () => {
    const pack = JSON.parse(Buffer.from(decompress(readFileSync(join(repoRoot, 'dist', 'content.json.zst')))).toString('utf8')) as { files: Record<string, string> };
    const index = JSON.parse(readFileSync(join(repoRoot, 'dist', 'roadmap.json'), 'utf8')) as { layers: Array<{ topics: Array<{ notes?: string }> }> };
    const notes = index.layers.flatMap((l) => l.topics).flatMap((t) => (t.notes ? [t.notes] : []));
    assert.ok(notes.length > 50);
    for (const n of notes) assert.equal(pack.files[n], readFileSync(join(repoRoot, 'roadmap', n), 'utf8'), n);
  });
});

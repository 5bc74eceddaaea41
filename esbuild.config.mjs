// Builds the extension (Node, CJS), the webview front ends (browser, IIFE), the compiled
// roadmap index, and, with --tests, the test suites. Flags: --watch, --production, --tests.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, watch as watchFiles, writeFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { copyKatexAssets } from './scripts/katex-assets.mjs';
import { buildWithLazyPart } from './scripts/lazy-part.mjs';
import { schemaValidatorsPlugin } from './scripts/schema-validators.mjs';
import { writeNotices } from './scripts/third-party-notices.mjs';
import { vscodeNamespacePlugin } from './scripts/vscode-namespace.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  metafile: true,
  target: 'es2022',
  plugins: [schemaValidatorsPlugin],
};

/** The web build takes X.web.ts over X.ts where one exists (lazyModules, platform, runProcess). */
const webVariants = {
  name: 'web-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const candidate = `${resolvePath(args.resolveDir, args.path)}.web.ts`;
      return existsSync(candidate) ? { path: candidate } : undefined;
    });
  },
};

/**
 * One KaTeX: @vscode/markdown-it-katex requires its CommonJS build and boundedMath.ts imports it,
 * which would otherwise resolve to the ES build, shipping KaTeX twice in render.js.
 */
const oneKatex = {
  name: 'one-katex',
  setup(build) {
    build.onResolve({ filter: /^katex$/ }, () => ({ path: resolvePath('node_modules/katex/dist/katex.js') }));
  },
};

/**
 * Libraries more than one lazy bundle needs ship once, as dist/lib/<name>.js, and the lazy bundles
 * require them from there: yaml (loader, quiz, authoring), re2js (loader, quiz), markdown-it
 * (render, authoring). The web worker reads the same requires (lazyModules.web.ts).
 */
const sharedLibraries = ['yaml', 're2js', 'markdown-it'];
const useSharedLibraries = {
  name: 'shared-libraries',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${sharedLibraries.join('|')})$`) }, (args) => ({ path: `./lib/${args.path}.js`, external: true }));
  },
};

/** citation-js can fetch by itself (node-fetch, sync-fetch); we never let it, so neither ships. */
const noFetch = { 'node-fetch': './scripts/no-fetch.cjs', 'sync-fetch': './scripts/no-fetch.cjs' };

/** The code languages notes may name beyond the built-in six, one bundle each (src/core/render/codeLanguages.ts). */
const languageBundles = Object.fromEntries(
  Object.keys(JSON.parse(readFileSync('src/core/render/codeLanguages.json', 'utf8'))).map((name) => [`languages/${name}`, `node_modules/highlight.js/lib/languages/${name}.js`]),
);

const lazyBundles = ['./render.js', './loader.js', './search.js', './papers.js', './calendar.js', './quiz.js', './layout.js', './authoring.js'];

/**
 * The extension for the Node host. What it requires rather than imports (the features built on
 * first use, the command handlers...) is split off into dist/features.js (scripts/lazy-part.mjs);
 * the heavy parts are required on first use (lazyModules.ts).
 */
const nodeExtension = {
  ...common,
  entryPoints: { extension: 'src/extension/extension.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  external: ['vscode', ...lazyBundles],
  plugins: [schemaValidatorsPlugin, vscodeNamespacePlugin],
};

const configs = [
  {
    // The Node host's entry (package.json "main"): evaluates dist/extension.js with V8's code cache.
    ...common,
    entryPoints: { boot: 'src/extension/boot.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    // The worker thread that loads authors' roadmaps and renders their notes (src/extension/offThread).
    ...common,
    entryPoints: { coreWorker: 'src/node/coreWorkerMain.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    external: lazyBundles,
  },
  {
    // The heavy parts, built once for both hosts: CommonJS with no import at all, so the Node
    // host requires them and the web worker evaluates them (lazyModules.web.ts).
    ...common,
    entryPoints: { render: 'src/core/render/renderNotes.ts', loader: 'src/core/loading/loadRoadmap.ts', search: 'src/core/search/topicSearch.ts', papers: 'src/core/papers/papersIo.ts', calendar: 'src/core/plan/calendarExport.ts', quiz: 'src/core/quiz/quizEngine.ts', layout: 'src/core/map/dagreLayout.ts', authoring: 'src/core/authoring/outlineImport.ts', ...languageBundles },
    outdir: 'dist',
    platform: 'browser',
    format: 'cjs',
    alias: noFetch,
    plugins: [schemaValidatorsPlugin, oneKatex, useSharedLibraries],
  },
  {
    // The libraries the lazy bundles share (above), CommonJS with no import, like them.
    ...common,
    entryPoints: Object.fromEntries(sharedLibraries.map((name) => [`lib/${name}`, name])),
    outdir: 'dist',
    platform: 'browser',
    format: 'cjs',
  },
  {
    // VS Code for the Web: the extension for the web worker extension host, no Node module, and
    // the Web Worker it starts to load authors' roadmaps and render their notes (src/worker).
    ...common,
    entryPoints: { 'web/extension': 'src/extension/extension.ts', 'web/coreWorker': 'src/worker/webCoreWorkerMain.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    plugins: [schemaValidatorsPlugin, webVariants, vscodeNamespacePlugin],
  },
  {
    ...common,
    entryPoints: { 'webview/notes': 'src/webview/notes/main.ts', 'webview/dashboard': 'src/webview/dashboard/main.ts', 'webview/quiz': 'src/webview/quiz/main.ts', 'webview/map': 'src/webview/map/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
  },
  {
    // ai-roadmap-validate (package.json "bin"): the core loader and the outline importer for a
    // course repository's CI, one self-contained file. Not in the vsix (see .vscodeignore).
    ...common,
    entryPoints: { cli: 'src/node/cli.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // A build-time tool: loads roadmap/ with the core loader and writes dist/roadmap.json.
    ...common,
    entryPoints: { 'compile-roadmap': 'scripts/compile-roadmap.ts', bench: 'scripts/bench.ts', 'authoring-reference': 'scripts/authoring-reference.ts' },
    outdir: 'out/scripts',
    platform: 'node',
    format: 'cjs',
    packages: 'external',
  },
  {
    // The VS Code host launcher, shared by `npm start` (scripts/start.mjs), the tests and the bench.
    ...common,
    entryPoints: { 'host/codeServer': 'tools/host/codeServer.ts' },
    outdir: 'out/tools',
    platform: 'node',
    format: 'cjs',
    packages: 'external',
  },
];

if (withTests) {
  const files = (dir, suffix) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(suffix)).map((f) => join(dir, String(f)));
  configs.push({
    ...common,
    entryPoints: [...files('test/unit', '.test.ts'), ...files('test/integration', '.ts'), ...files('test/smoke', '.ts'), ...files('test/ui', '.ts'), ...files('test/host', '.ts'), ...files('test/desktop', '.ts')],
    outdir: 'out/test',
    outbase: 'test',
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
  });
}

if (withTests) {
  // The web suite runs in the web worker extension host: a browser bundle with mocha's browser build.
  configs.push({ ...common, entryPoints: { 'web/index': 'test/web/index.ts' }, outdir: 'out/test', platform: 'browser', format: 'cjs', external: ['vscode'] });
}

function compileRoadmap() {
  try {
    // The content pack is compressed hard for the package only (level 19 takes seconds).
    execFileSync(process.execPath, ['out/scripts/compile-roadmap.js', 'roadmap', 'dist/roadmap.json', 'dist/content.json.zst', ...(production ? [] : ['--fast'])], { stdio: 'inherit' });
  } catch {
    if (!watch) process.exit(1); // the problems are printed above
  }
}

/**
 * The layer schema, for layer files named *.roadmap-layer.yaml: the roadmap schema's layer
 * definition with all its $defs, self-contained so no editor has to resolve a remote $ref.
 */
function writeLayerSchema() {
  const roadmap = JSON.parse(readFileSync('media/schema/roadmap.schema.json', 'utf8'));
  const { $defs } = roadmap;
  const layer = { $schema: roadmap.$schema, $id: roadmap.$id.replace('roadmap.schema.json', 'layer.schema.json'), title: 'AI Roadmap layer', ...$defs.layer, $defs };
  mkdirSync('dist/schema', { recursive: true });
  writeFileSync('dist/schema/layer.schema.json', JSON.stringify(layer, null, 1));
}

/**
 * The starter roadmap that "New Roadmap..." writes: every file of starter/ in one JSON file, which
 * the extension reads from its own folder in both hosts (a web worker cannot list folders there).
 */
function writeStarter() {
  const files = {};
  for (const f of readdirSync('starter', { recursive: true }).map(String).sort()) {
    const rel = f.split('\\').join('/');
    if (/(^|\/)(__pycache__|\.pytest_cache)(\/|$)/.test(rel) || !statSync(join('starter', f)).isFile()) continue;
    files[rel] = readFileSync(join('starter', f), 'utf8');
  }
  writeFileSync('dist/starter.json', JSON.stringify({ files }));
}

mkdirSync('dist', { recursive: true });
copyKatexAssets();
writeLayerSchema();
writeStarter();
if (watch) {
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
  // The Node extension and its lazy part are built together: a context over the whole (unsplit,
  // not written) notices a change in either and builds both again.
  const splitOnChange = { name: 'split-on-change', setup: (b) => b.onEnd(() => buildWithLazyPart(nodeExtension).catch((e) => console.error(`[watch] ${e.message}`))) };
  await (await esbuild.context({ ...nodeExtension, write: false, plugins: [...nodeExtension.plugins, splitOnChange] })).watch();
  compileRoadmap();
  // The index and the content pack follow edits in roadmap/; a window reload shows them.
  let pending;
  watchFiles('roadmap', { recursive: true }, () => {
    clearTimeout(pending);
    pending = setTimeout(compileRoadmap, 300);
  });
  console.log('[watch] building on change; Ctrl+C to stop');
} else {
  const [split, ...results] = await Promise.all([buildWithLazyPart(nodeExtension), ...configs.map((c) => esbuild.build(c))]);
  // One metafile for the bench: the sizes of what ships.
  // What ships: every config before the command-line validator's (the tests' come after it).
  const shippedResults = [...split, ...results.slice(0, configs.findIndex((c) => 'cli' in c.entryPoints))];
  const shipped = { inputs: {}, outputs: {} };
  for (const r of shippedResults) {
    Object.assign(shipped.inputs, r.metafile.inputs);
    Object.assign(shipped.outputs, r.metafile.outputs);
  }
  writeFileSync('dist/meta.json', JSON.stringify(shipped));
  chmodSync('dist/cli.js', 0o755);
  writeNotices(shippedResults.map((r) => r.metafile));
  compileRoadmap();
}

// Splits the Node extension at its require() calls: whatever extension.js requires from our own
// sources or packages (the lazily built features, the command handlers, the JUnit reader...) goes
// into dist/features.js, so activation neither evaluates nor even parses it. features.js takes the
// modules it shares with extension.js (settings, the progress store, the vscode namespace...) from
// extension.js rather than a copy, so both use one instance of each and nothing ships twice:
// src/extension/base/lazyPart.ts evaluates it with a `require` that hands those over.
//
// Three builds: extension.js with the cut and nothing shared, to learn what it holds; features.js,
// whose imports of those modules become require("ai-roadmap-host:<path>"); extension.js again,
// with a table of the modules features.js asked for.
import * as esbuild from 'esbuild';
import { relative, resolve } from 'node:path';

const HOST = 'ai-roadmap-host:';
const REGISTRY = 'ai-roadmap:lazy-part';
const LOADER = resolve('src/extension/base/lazyPart.ts');

/** A resolved module's key, as esbuild's metafile names it. */
const keyOf = (r) => (r.namespace === 'file' ? relative(process.cwd(), r.path).split('\\').join('/') : `${r.namespace}:${r.path}`);

/** The extension build, with every require() of ours answered from the lazy part; `shared` are the modules the lazy part takes from it. */
function cutPlugin(external, roots, shared) {
  return {
    name: 'lazy-part-cut',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'require-call' || args.pluginData?.lazyPart || args.namespace !== 'file' || external.includes(args.path) || args.path === 'vscode') return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { lazyPart: true } });
        if (r.errors.length || r.external || r.namespace !== 'file') return undefined;
        const key = keyOf(r);
        roots.set(key, r.path);
        return { path: key, namespace: 'lazy-part-stub' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-part-stub' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(REGISTRY)}).load(${JSON.stringify(args.path)});`, loader: 'js', resolveDir: process.cwd() }));
      build.onResolve({ filter: new RegExp(`^${REGISTRY}$`) }, () => ({ path: 'registry', namespace: 'lazy-part-registry' }));
      // Each module hands over only the names the lazy part uses (getters, so bindings stay live):
      // a whole namespace would keep exports that extension.js leaves out, and what they import.
      build.onLoad({ filter: /.*/, namespace: 'lazy-part-registry' }, () => {
        const keys = [...shared.keys()].sort();
        const entry = (k, i) => {
          const { path, names } = shared.get(k);
          if (!names) return { imports: `import * as m${i} from ${JSON.stringify(path)};`, value: `m${i}` };
          return {
            imports: `import { ${names.map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(path)};`,
            value: `{ ${names.map((n, j) => `get ${n}() { return m${i}_${j}; }`).join(', ')} }`,
          };
        };
        const entries = keys.map(entry);
        return {
          contents: [
            `import { lazyPartModule } from ${JSON.stringify(LOADER)};`,
            ...entries.map((e) => e.imports),
            `const host = { ${keys.map((k, i) => `${JSON.stringify(k)}: ${entries[i].value}`).join(', ')} };`,
            'export const load = (id) => lazyPartModule(id, host);',
          ].join('\n'),
          loader: 'js',
          resolveDir: process.cwd(),
        };
      });
    },
  };
}

/** The lazy part's build: every import of a module extension.js holds becomes a require of the host's instance. */
function hostPlugin(inExtension, roots, shared) {
  return {
    name: 'lazy-part-host',
    setup(build) {
      build.onResolve({ filter: /^ai-roadmap:lazy-part-entry$/ }, () => ({ path: 'entry', namespace: 'lazy-part-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-part-entry' }, () => {
        const keys = [...roots.keys()].sort();
        return {
          contents: [...keys.map((k, i) => `import * as r${i} from ${JSON.stringify(roots.get(k))};`), `export const modules = { ${keys.map((k, i) => `${JSON.stringify(k)}: r${i}`).join(', ')} };`].join('\n'),
          loader: 'js',
          resolveDir: process.cwd(),
        };
      });
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.lazyPart || args.namespace === 'lazy-part-entry' || args.kind === 'entry-point') return undefined;
        // The vscode namespace is the host's too (scripts/vscode-namespace.mjs makes it one module).
        const r = args.path === 'vscode' ? { namespace: 'vscode-namespace', path: 'vscode', errors: [] } : await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { lazyPart: true } });
        if (r.errors.length || r.external) return r.external ? { path: r.path, external: true } : undefined;
        const key = keyOf(r);
        if (!inExtension.has(key)) return { path: r.path, namespace: r.namespace, sideEffects: r.sideEffects, pluginData: r.pluginData };
        if (!shared.has(key)) shared.set(key, { path: r.namespace === 'file' ? r.path : args.path });
        return { path: `${HOST}${key}`, external: true };
      });
    },
  };
}

/**
 * The names the lazy part reads from each host module, from its unminified build, where esbuild
 * writes `import_x = require("ai-roadmap-host:<key>")` (or with __toESM) and then `import_x.name`. A
 * module used any other way (the vscode namespace, passed whole) is handed over whole.
 */
function namesUsed(text, shared) {
  for (const [key, entry] of shared) {
    if (key.startsWith('vscode-namespace:')) continue;
    // Each importing module has its own local (import_x, import_x2...).
    const locals = [...text.matchAll(new RegExp(`\\b(\\w+) = (?:__toESM\\()?require\\(${JSON.stringify(HOST + key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`, 'g'))].map((m) => m[1]);
    const names = new Set();
    let whole = locals.length === 0;
    for (const local of new Set(locals)) {
      const uses = [...text.matchAll(new RegExp(`\\b${local}\\b(\\.(\\w+))?`, 'g'))];
      // Bare uses are the declaration (`var import_x;` where esbuild defers it) and the assignment.
      if (uses.filter((u) => !u[1]).length > 2) whole = true;
      for (const u of uses) if (u[1]) names.add(u[2]);
    }
    entry.names = whole ? undefined : [...names].sort();
  }
}

/**
 * Builds `extension` (an esbuild config whose entry point is named "extension") and the lazy part
 * beside it ("features"), with the same options. Returns both results (for their metafiles).
 */
export async function buildWithLazyPart(extension) {
  const external = extension.external ?? [];
  const roots = new Map();
  const shared = new Map();
  const first = await esbuild.build({ ...extension, write: false, plugins: [cutPlugin(external, roots, new Map()), ...extension.plugins] });
  const inExtension = new Set(Object.keys(first.metafile.inputs));
  const lazyPart = { ...extension, entryPoints: { features: 'ai-roadmap:lazy-part-entry' }, plugins: [hostPlugin(inExtension, roots, shared), ...extension.plugins] };
  const readable = await esbuild.build({ ...lazyPart, minify: false, sourcemap: false, write: false });
  namesUsed(readable.outputFiles.find((f) => f.path.endsWith('.js')).text, shared);
  const features = await esbuild.build(lazyPart);
  const result = await esbuild.build({ ...extension, plugins: [cutPlugin(external, new Map(), shared), ...extension.plugins] });
  const added = Object.keys(result.metafile.inputs).filter((k) => !inExtension.has(k));
  if (added.length) throw new Error(`The lazy part's table brought modules into extension.js: ${added.join(', ')}`);
  return [result, features];
}

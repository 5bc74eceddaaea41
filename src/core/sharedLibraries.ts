/**
 * The lazy bundles require the libraries they share from dist/lib (see esbuild.config.mjs). Where
 * there is no `require` (the web worker extension host, the web build's core worker), a bundle is
 * evaluated with one that hands over only those, read beforehand.
 */

/** The shared libraries a bundle's source requires, as paths inside dist/ ("lib/yaml.js"). esbuild writes the call as require, then "./lib/<name>.js" in parentheses. */
export function sharedLibrariesOf(source: string): string[] {
  return [...new Set([...source.matchAll(/\brequire\("\.\/(lib\/[\w.-]+\.js)"\)/g)].map((m) => m[1]))];
}

/** Evaluates our own CommonJS bundle with a `require` that knows only the libraries given (by path inside dist/). */
export function evaluateBundle(name: string, source: string, sourceUrl: string, libraries: ReadonlyMap<string, unknown>): unknown {
  const require = (id: string): unknown => {
    const lib = id.replace(/^\.\//, '');
    if (!libraries.has(lib)) throw new Error(`${name} requires ${id}, which is not one of the shared libraries in dist/lib.`);
    return libraries.get(lib);
  };
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${sourceUrl}`)(module, module.exports, require);
  return module.exports;
}

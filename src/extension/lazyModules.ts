// The heavy parts load on first use, not at activation: they are built as bundles of their
// own (see esbuild.config.mjs) and required from dist/ when a panel or an author's roadmap
// needs them. The types come from the sources, so callers stay checked.
type Renderer = typeof import('../core/render/renderNotes');
type Loader = typeof import('../core/loading/loadRoadmap');
type Search = typeof import('../core/search/topicSearch');

let renderer: Renderer | undefined;
let loader: Loader | undefined;
let search: Search | undefined;

/** markdown-it, KaTeX and highlight.js. */
export function notesRenderer(): Renderer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (renderer ??= require('./render.js') as Renderer);
}

/** yaml and ajv, for roadmaps that authors write. */
export function roadmapLoader(): Loader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loader ??= require('./loader.js') as Loader);
}

/** MiniSearch, for Go to Topic. */
export function topicSearch(): Search {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (search ??= require('./search.js') as Search);
}

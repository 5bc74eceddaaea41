// VS Code for the Web: one bundle, so the heavy parts are imported, not required from dist/ (a
// web worker has no require). esbuild picks this file over lazyModules.ts for the web build.
import * as loaderModule from '../core/loading/loadRoadmap';
import * as renderModule from '../core/render/renderNotes';
import * as searchModule from '../core/search/topicSearch';

export function notesRenderer(): typeof renderModule {
  return renderModule;
}

export function roadmapLoader(): typeof loaderModule {
  return loaderModule;
}

export function topicSearch(): typeof searchModule {
  return searchModule;
}

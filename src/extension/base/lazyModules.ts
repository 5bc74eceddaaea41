// The heavy parts load on first use, not at activation: they are built as bundles of their
// own (see esbuild.config.mjs) and required from dist/ when a panel or an author's roadmap
// needs them. The types come from the sources, so callers stay checked. The web build has
// its own loader for the same bundles (lazyModules.web.ts), hence the promises.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { isLanguageBundle } from '../../core/render/codeLanguages';

type Renderer = typeof import('../../core/render/renderNotes');
type Loader = typeof import('../../core/loading/loadRoadmap');
type Search = typeof import('../../core/search/topicSearch');
type PapersIo = typeof import('../../core/papers/papersIo');
type Calendar = typeof import('../../core/plan/calendarExport');
type QuizEngine = typeof import('../../core/quiz/quizEngine');
type MapLayout = typeof import('../../core/map/dagreLayout');
type Authoring = typeof import('../../core/authoring/outlineImport');

/** The Node host requires bundles next to extension.js; it needs no folder. */
export function useBundlesFrom(_extensionUri: vscode.Uri): void {}

/** The source of one of our bundles (a path inside dist/); the web build hands it to its core worker. */
export function bundleText(name: string): Promise<string> {
  return readFile(join(__dirname, name), 'utf8');
}

/** markdown-it, KaTeX and highlight.js. */
export async function notesRenderer(): Promise<Renderer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./render.js') as Renderer;
}

/** yaml and the precompiled schema validator, for roadmaps that authors write. */
export async function roadmapLoader(): Promise<Loader> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./loader.js') as Loader;
}

/** MiniSearch, for Go to Topic. */
export async function topicSearch(): Promise<Search> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./search.js') as Search;
}

/** fast-xml-parser and citation-js, for the reading list's arXiv answers and BibTeX. */
export async function papersInputOutput(): Promise<PapersIo> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./papers.js') as PapersIo;
}

/** ics (with yup), for Export Study Plan to Calendar. */
export async function calendarExport(): Promise<Calendar> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./calendar.js') as Calendar;
}

/** yaml, re2js and ts-fsrs: quiz files, grading and the review scheduler. */
export async function quizEngine(): Promise<QuizEngine> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./quiz.js') as QuizEngine;
}

/** dagre, for the map's layout. */
export async function mapLayout(): Promise<MapLayout> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./layout.js') as MapLayout;
}

/** markdown-it and yaml, for Import Outline as Roadmap. */
export async function outlineImporter(): Promise<Authoring> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./authoring.js') as Authoring;
}

/** One highlight.js grammar (dist/languages/<bundle>.js), for code blocks in a language beyond the built-in six. */
export async function codeLanguage(bundle: string): Promise<unknown> {
  if (!isLanguageBundle(bundle)) throw new Error(`There is no language bundle "${bundle}".`);
  const path = `./languages/${bundle}.js`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path);
}

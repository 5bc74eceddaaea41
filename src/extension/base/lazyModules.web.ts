// VS Code for the Web: the web worker has no require, so the same lazy bundles the Node host
// requires (dist/render.js, loader.js, search.js) are read from the extension's own folder and
// evaluated as CommonJS, the way the web extension host loads extension.js itself. They are
// built by us, shipped in the vsix and need no module of their own; nothing from a user or a
// workspace is ever evaluated. Sharing them keeps the web bundle small.
import * as vscode from 'vscode';
import { isLanguageBundle } from '../../core/render/codeLanguages';
import { evaluateBundle, sharedLibrariesOf } from '../../core/sharedLibraries';

type Renderer = typeof import('../../core/render/renderNotes');
type Loader = typeof import('../../core/loading/loadRoadmap');
type Search = typeof import('../../core/search/topicSearch');
type PapersIo = typeof import('../../core/papers/papersIo');
type Calendar = typeof import('../../core/plan/calendarExport');
type QuizEngine = typeof import('../../core/quiz/quizEngine');
type MapLayout = typeof import('../../core/map/dagreLayout');
type Authoring = typeof import('../../core/authoring/outlineImport');

let distUri: vscode.Uri | undefined;
const loaded = new Map<string, Promise<unknown>>();

/** Where the bundles are: the extension's dist/ folder. Called once at activation. */
export function useBundlesFrom(extensionUri: vscode.Uri): void {
  distUri = vscode.Uri.joinPath(extensionUri, 'dist');
}

/** The source of one of our bundles (a path inside dist/), for the core worker to evaluate. */
export async function bundleText(name: string): Promise<string> {
  if (!distUri) throw new Error('The AI Roadmap bundles are not located yet.');
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(distUri, name)));
}

async function evaluate(name: string): Promise<unknown> {
  const source = await bundleText(name);
  // The libraries it shares with other bundles (dist/lib) are read first and handed over.
  const libraries = new Map<string, unknown>();
  for (const lib of sharedLibrariesOf(source)) libraries.set(lib, await bundle(lib));
  return evaluateBundle(name, source, vscode.Uri.joinPath(distUri!, name).toString(true), libraries);
}

function bundle<T>(name: string): Promise<T> {
  let p = loaded.get(name);
  if (!p) {
    p = evaluate(name);
    loaded.set(name, p);
    p.catch(() => loaded.delete(name)); // a failed read may be retried
  }
  return p as Promise<T>;
}

/** markdown-it, KaTeX and highlight.js. */
export function notesRenderer(): Promise<Renderer> {
  return bundle<Renderer>('render.js');
}

/** yaml and the precompiled schema validator, for roadmaps that authors write. */
export function roadmapLoader(): Promise<Loader> {
  return bundle<Loader>('loader.js');
}

/** MiniSearch, for Go to Topic. */
export function topicSearch(): Promise<Search> {
  return bundle<Search>('search.js');
}

/** fast-xml-parser and citation-js, for the reading list's arXiv answers and BibTeX. */
export function papersInputOutput(): Promise<PapersIo> {
  return bundle<PapersIo>('papers.js');
}

/** ics (with yup), for Export Study Plan to Calendar. */
export function calendarExport(): Promise<Calendar> {
  return bundle<Calendar>('calendar.js');
}

/** yaml, re2js and ts-fsrs: quiz files, grading and the review scheduler. */
export function quizEngine(): Promise<QuizEngine> {
  return bundle<QuizEngine>('quiz.js');
}

/** dagre, for the map's layout. */
export function mapLayout(): Promise<MapLayout> {
  return bundle<MapLayout>('layout.js');
}

/** markdown-it and yaml, for Import Outline as Roadmap. */
export function outlineImporter(): Promise<Authoring> {
  return bundle<Authoring>('authoring.js');
}

/** One highlight.js grammar (dist/languages/<bundle>.js), for code blocks in a language beyond the built-in six. */
export function codeLanguage(name: string): Promise<unknown> {
  if (!isLanguageBundle(name)) return Promise.reject(new Error(`There is no language bundle "${name}".`));
  return bundle(`languages/${name}.js`);
}

import table from './codeLanguages.json';

/**
 * Code block languages beyond the six built into the notes renderer. Each is a bundle of its own
 * (dist/languages/<bundle>.js, one highlight.js grammar), loaded the first time a note's code
 * block names it, so neither activation nor the first note pays for grammars it does not show.
 * Bundle names come only from this table: a note's text never chooses what is loaded.
 * codeLanguages.json maps each bundle (a highlight.js grammar) to the fence names that select it:
 * its own name and the aliases the grammar registers. esbuild.config.mjs builds one bundle per key.
 */
export const LAZY_LANGUAGES: Readonly<Record<string, readonly string[]>> = table;

const BUNDLE_OF: ReadonlyMap<string, string> = new Map(Object.entries(LAZY_LANGUAGES).flatMap(([bundle, names]) => names.map((n) => [n, bundle] as const)));

/** The bundle that highlights a fence name ("html" → "xml"), if there is one. */
export function languageBundle(fenceName: string): string | undefined {
  return BUNDLE_OF.get(fenceName.toLowerCase());
}

/** Whether `name` is one of the bundles above (checked again where a bundle is required). */
export function isLanguageBundle(name: string): boolean {
  return Object.hasOwn(LAZY_LANGUAGES, name);
}

// A fence opener anywhere a fence may start: after indentation, quote markers or list markers.
// Reading more than markdown would is harmless (at worst a grammar loads that is not used).
const FENCE = /^[ \t>*+\-\d.)]*(?:`{3,}|~{3,})[ \t]*([^\s`{]+)/gm;

/** The bundles the code blocks of `markdown` need, each once, in no particular order. */
export function languageBundlesIn(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(FENCE)) {
    const bundle = languageBundle(m[1]);
    if (bundle) found.add(bundle);
  }
  return [...found];
}

/** A notes renderer that highlights the bundles' languages once they are added (renderNotes.ts). */
export type NotesRenderer = ((markdown: string) => string) & {
  /** The language bundles the code blocks of `markdown` name that are not registered yet. */
  missingLanguages(markdown: string): string[];
  /** Registers the grammar of one bundle from what the bundle exports; anything else is ignored. */
  addLanguage(bundle: string, exported: unknown): void;
};

/** Loads the grammars a note needs (`load` gives a bundle's exports), then renders it. */
export async function renderWithLanguages(render: NotesRenderer, markdown: string, load: (bundle: string) => Promise<unknown>): Promise<string> {
  for (const bundle of render.missingLanguages(markdown)) {
    // A bundle that cannot be loaded leaves its blocks plain, as an unknown language does.
    render.addLanguage(bundle, await load(bundle).catch(() => undefined));
  }
  return render(markdown);
}

// The heavy parts of the reading list (fast-xml-parser, citation-js), built as a bundle of their
// own and loaded on first use (see src/extension/lazyModules.ts).
export { parseArxivAtom } from './arxivAtom';
export { papersToBibtex, parseBibtex } from './bibtex';

// The parts of citation-js we use (it ships no types): CSL-JSON in, BibTeX out, and back.
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
  }
  export interface CslItem {
    id?: string;
    type?: string;
    title?: string;
    author?: CslName[];
    issued?: { 'date-parts'?: Array<Array<number | string>>; raw?: string };
    URL?: string;
    DOI?: string;
    note?: string;
    publisher?: string;
    abstract?: string;
    [field: string]: unknown;
  }
  export const plugins: {
    input: { chain(data: string, options: { forceType?: string; generateGraph?: boolean }): CslItem[] };
    output: { format(name: string, data: CslItem[], options?: { format?: string }): string };
    config: { get(name: string): { format: { useIdAsLabel: boolean; checkLabel: boolean; asciiOnly: boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';

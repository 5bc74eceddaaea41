/** The largest arXiv response read; shared by the client (no parser) and the parser. */
export const MAX_ATOM_BYTES = 2_000_000;

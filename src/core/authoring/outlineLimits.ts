/** An outline larger than this is refused: a course outline of hundreds of topics is far smaller. */
export const MAX_OUTLINE_BYTES = 2 * 1024 * 1024;
/** Layers, topics and sub-topics together. */
export const MAX_OUTLINE_HEADINGS = 5000;

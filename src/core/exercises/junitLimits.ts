/** A JUnit file larger than this is refused: pytest writes a few kB per test. Apart from the reader, so reading the file does not load it. */
export const MAX_JUNIT_CHARS = 8 * 1024 * 1024;

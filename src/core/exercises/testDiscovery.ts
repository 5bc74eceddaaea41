/** A test found in a test file's text, before pytest runs (pytest gives the full list when it does). */
export interface DiscoveredTest {
  /** pytest's node id without parameters: "test_a.py::test_x" or "test_a.py::TestK::test_m". */
  id: string;
  name: string;
  /** 1-based line of its `def`. */
  line: number;
}

/** The files pytest collects by default: test_*.py and *_test.py. */
export function isTestFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^test_.*\.py$/.test(base) || /^.+_test\.py$/.test(base);
}

/** Test files are read for discovery only up to this size; a larger one shows as a file item alone. */
export const MAX_TEST_FILE_CHARS = 1024 * 1024;

/**
 * The tests a file defines, read from its text the way pytest collects them by default: module
 * functions named test*, and test* methods of classes named Test*. Good enough for the tree;
 * pytest's own report replaces it after a run.
 */
export function discoverTests(path: string, source: string): DiscoveredTest[] {
  if (source.length > MAX_TEST_FILE_CHARS) return [];
  const tests: DiscoveredTest[] = [];
  let testClass: { name: string; indent: number } | undefined;
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (testClass && indent <= testClass.indent) testClass = undefined;
    const cls = /^class\s+(Test\w*)\s*[:(]/.exec(line);
    if (cls) {
      testClass = { name: cls[1], indent: 0 };
      continue;
    }
    const fn = /^(\s*)(?:async\s+)?def\s+(test\w*)\s*\(/.exec(line);
    if (!fn) continue;
    if (fn[1].length === 0) tests.push({ id: `${path}::${fn[2]}`, name: fn[2], line: i + 1 });
    else if (testClass && !tests.some((t) => t.id === `${path}::${testClass!.name}::${fn[2]}`)) tests.push({ id: `${path}::${testClass.name}::${fn[2]}`, name: fn[2], line: i + 1 });
  }
  return tests;
}

/** A result's node id without its parameters ("test_a.py::test_p[x/y]" → "test_a.py::test_p"): the discovered item it belongs to. */
export function withoutParameters(nodeId: string): string {
  const bracket = nodeId.indexOf('[', nodeId.indexOf('::'));
  return bracket > 0 ? nodeId.slice(0, bracket) : nodeId;
}

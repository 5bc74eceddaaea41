import { SaxesParser } from 'saxes';
import { safeRelativePath } from '../safePath';
import { missingModulesIn, type PytestReport, type SourceLocation, type TestOutcome } from './pytestReport';

import { MAX_JUNIT_CHARS } from './junitLimits';

export { MAX_JUNIT_CHARS };
/** Texts kept per test, so a test that prints megabytes cannot flood the Test Explorer. */
const MAX_TEXT_CHARS = 64 * 1024;

type Attributes = Record<string, string>;

/** One <testcase> as read: its attributes, and its first failure, error or skip. */
interface RawCase {
  attrs: Attributes;
  problem?: { kind: 'failure' | 'error'; attrs: Attributes; text: string };
  skipped?: Attributes;
}

/** The test cases of a JUnit document, or why it is not one. saxes is strict: a malformed document is an error, and it expands no DTD entities. */
function readCases(xml: string): { cases: RawCase[]; suites: number } | { error: string } {
  const parser = new SaxesParser({ position: true });
  const cases: RawCase[] = [];
  let suites = 0;
  let current: RawCase | undefined;
  let inProblem = false;
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Attributes;
    if (tag.name === 'testsuite') suites++;
    else if (tag.name === 'testcase') cases.push((current = { attrs }));
    else if (current && (tag.name === 'failure' || tag.name === 'error') && !current.problem) {
      current.problem = { kind: tag.name, attrs, text: '' };
      inProblem = true;
    } else if (current && tag.name === 'skipped') current.skipped ??= attrs;
  });
  const onText = (t: string) => {
    if (inProblem && current?.problem && current.problem.text.length <= MAX_TEXT_CHARS) current.problem.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (tag.name === 'failure' || tag.name === 'error') inProblem = false;
    else if (tag.name === 'testcase') current = undefined;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { cases, suites };
}

/**
 * Reads the report pytest wrote with `--junitxml` (and `-o junit_family=xunit1`, which adds
 * each test's file and line). `xml` is undefined when pytest wrote none (it crashed, or was not
 * there); `output` is its terminal text, searched for missing modules and shown when broken.
 */
export function parseJUnitReport(xml: string | undefined, output: string, exitCode: number | null): PytestReport {
  const fromOutput = missingModulesIn(output);
  const broken = (problem: string, tests: TestOutcome[] = []): PytestReport => ({ ...count(tests), missingModules: fromOutput, broken: true, problem });
  if (xml === undefined) {
    const why = /No module named pytest/.test(output) ? 'pytest is not installed for this Python' : exitCode === null ? 'pytest was stopped before it wrote a report' : `pytest wrote no report (exit code ${exitCode})`;
    return broken(why);
  }
  if (xml.length > MAX_JUNIT_CHARS) return broken(`pytest's report is ${Math.round(xml.length / 1024 / 1024)} MB, over the ${MAX_JUNIT_CHARS / 1024 / 1024} MB limit`);
  const read = readCases(xml);
  if ('error' in read) return broken(`pytest's report is not valid XML (${read.error.slice(0, 200)})`);
  if (!read.suites) return broken("pytest's report has no test suite");
  const files = new Map<string, string | undefined>();
  const tests = read.cases.map((c) => toOutcome(c, files));
  const missingModules = [...new Set([...fromOutput, ...tests.flatMap((t) => missingModulesIn(t.details ?? ''))])];
  // Exit codes: 0 all passed, 1 some failed, 2 interrupted (e.g. a collection error), 3 internal error, 4 usage error, 5 no tests.
  const collectionError = tests.some((t) => t.outcome === 'error' && t.message === 'collection failure');
  const isBroken = exitCode === null || (exitCode >= 2 && !(exitCode === 2 && collectionError)) || tests.length === 0;
  const problem = !isBroken ? undefined : exitCode === null ? 'pytest was stopped' : tests.length === 0 ? 'pytest found no tests' : `pytest stopped with exit code ${exitCode}`;
  return { ...count(tests), missingModules, broken: isBroken || collectionError, problem: problem ?? (collectionError ? 'a test file could not be imported' : undefined) };
}

function count(tests: TestOutcome[]) {
  const passed = tests.filter((t) => t.outcome === 'passed').length;
  const failed = tests.filter((t) => t.outcome === 'failed' || t.outcome === 'error').length;
  return { tests, passed, failed };
}

/** `files` caches each file attribute's checked path: a report names few files many times. */
function toOutcome(tc: RawCase, files: Map<string, string | undefined>): TestOutcome {
  const { attrs } = tc;
  const rawFile = attrs.file ?? '';
  if (!files.has(rawFile)) files.set(rawFile, safeRelativePath(rawFile));
  const file = files.get(rawFile);
  const name = attrs.name ?? '?';
  const line = Number(attrs.line ?? NaN);
  const id = nodeId(file, attrs.classname ?? '', name);
  const definedAt: SourceLocation | undefined = file && Number.isInteger(line) && line >= 0 ? { file, line: line + 1 } : undefined;
  const seconds = Number(attrs.time ?? NaN);
  const base: TestOutcome = { id, outcome: 'passed', definedAt, ...(Number.isFinite(seconds) ? { seconds } : {}) };
  if (tc.problem) {
    const message = clean(tc.problem.attrs.message ?? '');
    const details = clean(tc.problem.text);
    const outcome = tc.problem.kind === 'failure' ? 'failed' : 'error';
    return { ...base, outcome, message: message.split('\n')[0] || details.split('\n').pop() || outcome, details, ...assertionDiff(message), location: deepestFrame(details) ?? definedAt };
  }
  if (tc.skipped) {
    const xfail = tc.skipped.type === 'pytest.xfail';
    const reason = clean(tc.skipped.message ?? '');
    return { ...base, outcome: 'skipped', message: xfail ? `expected to fail${reason ? `: ${reason}` : ''}` : reason || 'skipped' };
  }
  return base;
}

/** pytest's node id from the JUnit names: "sub/test_a.py" + "sub.test_a.TestK" + "test_m" → "sub/test_a.py::TestK::test_m". */
function nodeId(file: string | undefined, classname: string, name: string): string {
  if (!file) return classname ? `${classname}::${name}` : name;
  const module = file.replace(/\.py$/, '').split('/').join('.');
  const classes = classname.startsWith(`${module}.`) ? classname.slice(module.length + 1).split('.') : [];
  // A collection error is reported as a test named after the module.
  if (!classname && file.endsWith(`${name}.py`)) return file;
  return [file, ...classes, name].join('::');
}

/** "assert 0.5 == 0.7" (pytest's rewritten assertion) gives actual 0.5, expected 0.7. */
function assertionDiff(message: string): { expected?: string; actual?: string } {
  const m = /^(?:AssertionError: )?assert (.+?) == (.+)$/.exec(message.split('\n')[0]);
  if (!m || m[1].includes(' == ') || m[2].includes(' == ')) return {};
  return { actual: m[1], expected: m[2] };
}

/** Traceback frames end with "path.py:LINE: ..."; the last one inside the exercise folder is the one to show. */
function deepestFrame(details: string): SourceLocation | undefined {
  let found: SourceLocation | undefined;
  for (const m of details.matchAll(/^([^\s:][^:\n]*\.py):(\d+): /gm)) {
    const file = safeRelativePath(m[1]);
    const line = Number(m[2]);
    if (file && line > 0) found = { file, line };
  }
  return found;
}

/** Terminal colour codes (pytest writes ESC as "#x1B" in XML) and control characters out, length bounded. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = s.replace(/(?:\x1b|#x1B)\[[0-9;?]*[A-Za-z]/g, '').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
  return plain.length > MAX_TEXT_CHARS ? `${plain.slice(0, MAX_TEXT_CHARS)}\n[… cut at ${MAX_TEXT_CHARS / 1024} kB]` : plain;
}

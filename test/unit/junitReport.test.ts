import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MAX_JUNIT_CHARS, parseJUnitReport } from '../../src/core/exercises/junitReport';
import { installHint, pythonVersionIn } from '../../src/core/exercises/pytestReport';
import { fixture } from './support/paths';

const real = readFileSync(fixture('junit', 'pytest-7-xunit1.xml'), 'utf8');
const byId = (xml: string) => new Map(parseJUnitReport(xml, '', 1).tests.map((t) => [t.id, t]));
const suite = (cases: string) => `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="1">${cases}</testsuite></testsuites>`;

describe("pytest's JUnit report", () => {
  it('reads passes, failures, errors, skips and expected failures, with node ids pytest would accept', () => {
    const r = parseJUnitReport(real, '', 1);
    assert.equal(r.broken, false);
    assert.deepEqual(
      r.tests.map((t) => `${t.id} ${t.outcome}`),
      [
        'test_a.py::test_pass passed',
        'test_a.py::test_eq failed',
        'test_a.py::test_impl failed',
        'test_a.py::test_skip skipped',
        'test_a.py::test_xf skipped',
        'test_a.py::test_param[a/b] passed',
        'test_a.py::test_param[../x] failed',
        'test_a.py::TestK::test_m failed',
        'test_a.py::test_err error',
      ],
    );
    assert.equal(r.passed, 2);
    assert.equal(r.failed, 5, 'errors count as failures; skips and xfails in neither');
    assert.equal(r.tests[4].message, 'expected to fail: known');
    assert.equal(r.tests[3].message, 'later');
  });

  it('gives a failed assertion its expected and actual values, its traceback and the line it failed at', () => {
    const eq = byId(real).get('test_a.py::test_eq')!;
    assert.equal(eq.message, 'assert [1, 2] == [1, 3]');
    assert.equal(eq.actual, '[1, 2]');
    assert.equal(eq.expected, '[1, 3]');
    assert.deepEqual(eq.location, { file: 'test_a.py', line: 4 });
    assert.deepEqual(eq.definedAt, { file: 'test_a.py', line: 4 });
    assert.match(eq.details!, /At index 1 diff: 2 != 3/);
    const param = byId(real).get('test_a.py::test_param[../x]')!;
    assert.equal(param.expected, "'a/b'");
    assert.equal(param.actual, "'../x'");
  });

  it("places an error raised in the learner's module at that module's line, not the test's", () => {
    const impl = byId(real).get('test_a.py::test_impl')!;
    assert.equal(impl.message, 'NotImplementedError: write f');
    assert.deepEqual(impl.location, { file: 'mod.py', line: 2 });
    assert.equal(impl.expected, undefined);
  });

  it('reports a collection error as broken, located at the import, with the missing module named', () => {
    const r = parseJUnitReport(readFileSync(fixture('junit', 'collection-error.xml'), 'utf8'), '', 2);
    assert.equal(r.broken, true);
    assert.equal(r.problem, 'a test file could not be imported');
    assert.deepEqual(r.missingModules, ['no_such_mod']);
    assert.equal(r.tests[0].id, 'test_b.py');
    assert.deepEqual(r.tests[0].location, { file: 'test_b.py', line: 1 });
  });

  it('says why when pytest wrote no report: not installed, stopped, or crashed', () => {
    const none = parseJUnitReport(undefined, '/usr/bin/python3: No module named pytest\n', 1);
    assert.equal(none.broken, true);
    assert.equal(none.problem, 'pytest is not installed for this Python');
    assert.equal(parseJUnitReport(undefined, '', null).problem, 'pytest was stopped before it wrote a report');
    assert.equal(parseJUnitReport(undefined, 'Segmentation fault', 139).problem, 'pytest wrote no report (exit code 139)');
    assert.deepEqual(parseJUnitReport(undefined, "E   ModuleNotFoundError: No module named 'torch.nn'", 2).missingModules, ['torch']);
  });

  it('refuses malformed and enormous reports in words, without throwing', () => {
    for (const bad of ['', 'not xml', '<testsuites><testsuite>', '<a></b>', '<?xml version="1.0"?><other/>']) {
      const r = parseJUnitReport(bad, '', 1);
      assert.equal(r.broken, true, bad);
      assert.ok(r.problem, bad);
      assert.deepEqual(r.tests, []);
    }
    const huge = parseJUnitReport('<'.padEnd(MAX_JUNIT_CHARS + 1, ' '), '', 1);
    assert.match(huge.problem!, /over the 8 MB limit/);
  });

  it('strips terminal colours and control characters, bounds long texts, and keeps invalid UTF-8 replaced', () => {
    const bytes = new TextEncoder().encode(suite('<testcase classname="test_a" name="test_u" file="test_a.py" line="0"><failure message="AssertionError: #x1B[31mred#x1B[0m X">BODY</failure></testcase>'));
    const at = new TextDecoder().decode(bytes).indexOf('BODY');
    const withBad = new Uint8Array([...bytes.slice(0, at), 0xff, 0xfe, ...bytes.slice(at)]);
    const t = parseJUnitReport(new TextDecoder().decode(withBad), '', 1).tests[0];
    assert.equal(t.message, 'AssertionError: red X');
    assert.equal(t.details, '\ufffd\ufffdBODY');
    const raw = parseJUnitReport(suite('<testcase classname="m" name="t"><failure message="\x1b[31m">x</failure></testcase>'), '', 1);
    assert.equal(raw.broken, true, 'a raw control character is not XML: refused in words');
    assert.match(raw.problem!, /not valid XML/);
    const long = parseJUnitReport(suite(`<testcase classname="m" name="t" file="m.py" line="0"><failure message="m">${'x'.repeat(200_000)}</failure></testcase>`), '', 1).tests[0];
    assert.ok(long.details!.length < 70_000);
  });

  it('keeps a test name with path characters as a name, and never takes a location outside the folder', () => {
    const r = parseJUnitReport(
      suite('<testcase classname="test_a" name="test_p[../../etc/passwd]" file="../../etc/test_a.py" line="3"><failure message="boom">/etc/passwd:1: Error\n../x.py:3: Error</failure></testcase>'),
      '',
      1,
    );
    const t = r.tests[0];
    assert.equal(t.id, 'test_a::test_p[../../etc/passwd]');
    assert.equal(t.location, undefined);
    assert.equal(t.definedAt, undefined);
  });

  it('reads the interpreter version from the header and installs hints for object-key names harmlessly', () => {
    assert.equal(pythonVersionIn('=== test session starts ===\nplatform linux -- Python 3.11.2, pytest-7.2.1, pluggy-1.0.0\n'), '3.11.2');
    assert.equal(installHint('constructor'), 'python3 -m pip install constructor');
  });
});

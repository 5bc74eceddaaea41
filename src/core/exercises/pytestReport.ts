/** The result of one pytest run, read from its output (run with -rA, so every test has a summary line). */
export interface TestOutcome {
  /** pytest's node id, e.g. "test_mlp.py::test_shapes". */
  id: string;
  outcome: 'passed' | 'failed' | 'error' | 'skipped';
  message?: string;
}

export interface PytestReport {
  tests: TestOutcome[];
  passed: number;
  failed: number;
  /** Python modules the tests could not import. */
  missingModules: string[];
  /** True when pytest itself could not run (not installed, or the tests could not be collected). */
  broken: boolean;
}

const LINE = /^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\s+(\S+?)(?:\s+-\s+(.*))?$/;

export function parsePytestOutput(output: string, exitCode: number | null): PytestReport {
  const tests: TestOutcome[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = LINE.exec(line.trim());
    if (!m) continue;
    const [, word, id, message] = m;
    if (word === 'SKIPPED') continue; // "SKIPPED [1] file:line: reason" has no node id
    const outcome = word === 'PASSED' || word === 'XFAIL' ? 'passed' : word === 'ERROR' ? 'error' : word === 'XPASS' ? 'failed' : 'failed';
    tests.push({ id, outcome, message });
  }
  const missing = [...output.matchAll(/(?:ModuleNotFoundError|ImportError): No module named '([\w.]+)'/g)].map((m) => m[1].split('.')[0]);
  const missingModules = [...new Set(missing)];
  const passed = tests.filter((t) => t.outcome === 'passed').length;
  const failed = tests.length - passed;
  // Exit codes: 0 all passed, 1 some failed, 2 interrupted, 3 internal error, 4 usage error, 5 no tests.
  const broken = exitCode === null || exitCode >= 2 || (tests.length === 0 && exitCode !== 0) || /No module named pytest/.test(output);
  return { tests, passed, failed, missingModules, broken };
}

/** How to get a missing module on Debian/Ubuntu (offline-friendly) and with pip. */
export function installHint(module: string): string {
  const debian: Record<string, string> = { torch: 'python3-torch', numpy: 'python3-numpy', sklearn: 'python3-sklearn', pytest: 'python3-pytest', matplotlib: 'python3-matplotlib', scipy: 'python3-scipy' };
  const pip: Record<string, string> = { sklearn: 'scikit-learn' };
  const apt = debian[module] ? `sudo apt-get install ${debian[module]}` : undefined;
  return [`python3 -m pip install ${pip[module] ?? module}`, apt].filter(Boolean).join(' or ');
}

import { debianPackage, pipName } from './packageNames';

/** Where a failure happened: a path relative to the exercise folder, and a 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** The result of one test, as pytest reported it. */
export interface TestOutcome {
  /** pytest's node id, e.g. "test_mlp.py::test_shapes" or "test_mlp.py::TestX::test_y[a]". */
  id: string;
  outcome: 'passed' | 'failed' | 'error' | 'skipped';
  /** One line for lists; the first line of pytest's message. */
  message?: string;
  /** pytest's traceback text, for the Test Explorer's peek. */
  details?: string;
  /** From an `assert actual == expected` that failed. */
  expected?: string;
  actual?: string;
  /** Where the test is defined (a 1-based line in its file). */
  definedAt?: SourceLocation;
  /** The deepest frame of the traceback inside the exercise folder: where to show the failure. */
  location?: SourceLocation;
  seconds?: number;
}

export interface PytestReport {
  tests: TestOutcome[];
  passed: number;
  /** Failed plus errors; skipped tests (and expected failures) count in neither. */
  failed: number;
  /** Python modules the tests could not import. */
  missingModules: string[];
  /** True when pytest itself could not run (not installed, crashed, or nothing could be collected). */
  broken: boolean;
  /** Why the report is broken, in words, when we know. */
  problem?: string;
}

/** Module names from "No module named 'x'" lines, top-level package only, each once. */
export function missingModulesIn(text: string): string[] {
  const found = [...text.matchAll(/(?:ModuleNotFoundError|ImportError): No module named '([\w.]+)'/g)].map((m) => m[1].split('.')[0]);
  return [...new Set(found)];
}

/** The interpreter version pytest prints in its header ("platform linux -- Python 3.11.2, ..."). */
export function pythonVersionIn(output: string): string | undefined {
  return /^platform \S+ -- Python (\S+?),/m.exec(output)?.[1];
}

/** How to get a missing module on Debian/Ubuntu (offline-friendly) and with pip. */
export function installHint(module: string): string {
  const debian = debianPackage(module);
  return [`python3 -m pip install ${pipName(module)}`, debian && `sudo apt-get install ${debian}`].filter(Boolean).join(' or ');
}

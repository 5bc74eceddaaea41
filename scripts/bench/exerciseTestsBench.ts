import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { parseJUnitReport } from '../../src/core/exercises/junitReport';
import { WatchScheduler } from '../../src/core/exercises/watchScheduler';
import { runPytest } from '../../src/extension/exercises/pytestProcess';
import { medianMs, ms, type Row } from './measure';

/** A JUnit report like pytest's, with `n` cases, every fifth a failure with a traceback. */
export function junitWithCases(n: number): string {
  const cases = Array.from({ length: n }, (_, i) => {
    const head = `<testcase classname="test_m" name="test_case_${i}[p${i}]" file="test_m.py" line="${i}" time="0.001"`;
    if (i % 5) return `${head} />`;
    const tb = `&gt;   assert value(${i}) == ${i + 1}\nE   AssertionError: assert ${i} == ${i + 1}\n\nmod.py:${i + 1}: AssertionError`;
    return `${head}><failure message="AssertionError: assert ${i} == ${i + 1}">${tb}</failure></testcase>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="${n}">${cases.join('')}</testsuite></testsuites>`;
}

/**
 * Parsing pytest's JUnit report (validation, node ids, diffs, locations) beside the bare XML
 * parser (saxes) on the same text; and watch mode's save → first result (the quiet period, pytest with
 * its report, parsing) for the fastest exercise beside a bare pytest run of the same tests.
 */
export async function exerciseTestsRows(root: string, python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3'): Promise<Row[]> {
  const xml = junitWithCases(1000);
  // The floor: the same strict parser reading the same text, with handlers that do nothing.
  const bare = () => {
    const p = new SaxesParser({ position: true });
    p.on('opentag', () => undefined);
    p.on('text', () => undefined);
    p.write(xml).close();
  };
  // Both warmed up alike, so the JIT has compiled both before the medians are taken.
  for (let i = 0; i < 20; i++) {
    parseJUnitReport(xml, '', 1);
    bare();
  }
  const parse = await medianMs(() => parseJUnitReport(xml, '', 1), 21);
  const floor = await medianMs(bare, 21);
  const rows: Row[] = [{ figure: 'parse a JUnit report of 1,000 cases (200 failures)', value: ms(parse), floor: `saxes alone: ${ms(floor)}`, ratio: `${(parse / floor).toFixed(1)}x`, goal: '< 20 ms' }];

  const id = 'logistic-regression-numpy';
  const work = mkdtempSync(join(tmpdir(), 'bench-watch-'));
  try {
    cpSync(join(root, 'roadmap', 'exercises', id, 'template'), work, { recursive: true });
    cpSync(join(root, 'roadmap', 'exercises', id, 'solution'), work, { recursive: true });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
    let passed = 0;
    const watch = () =>
      new Promise<void>((resolve) => {
        const scheduler = new WatchScheduler<string>(async () => {
          const { run, xml: report } = await runPytest(python, work, [], 120_000);
          passed = parseJUnitReport(report, run.output, run.exitCode).passed;
          resolve();
        }, 300);
        scheduler.trigger(id); // the save
      });
    const saveToResult = await medianMs(watch, 5);
    const barePytest = await medianMs(() => spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: work, env, encoding: 'utf8' }), 5);
    rows.push({ figure: `watch mode, save → first result, ${id} (${passed} tests; includes the 300 ms quiet period; outside the editor)`, value: ms(saveToResult), floor: `bare pytest -q: ${ms(barePytest)}`, ratio: `${(saveToResult / barePytest).toFixed(2)}x`, goal: 'floor + 300 ms quiet period + < 100 ms' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

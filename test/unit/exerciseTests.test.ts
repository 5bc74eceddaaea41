import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseInterpreter } from '../../src/core/exercises/interpreterChoice';
import { pytestArgs } from '../../src/core/exercises/pytestCommand';
import { discoverTests, isTestFile, withoutParameters } from '../../src/core/exercises/testDiscovery';
import { WatchScheduler, type Timers } from '../../src/core/exercises/watchScheduler';

describe('test discovery', () => {
  it('finds module tests and Test* class methods with their lines, as pytest collects them', () => {
    const src = ['import pytest', '', 'def helper(): pass', 'def test_a():', '    assert 1', '', 'async def test_b(): pass', 'class TestK:', '    def test_m(self): pass', '    def other(self): pass', 'class Other:', '    def test_no(self): pass', 'def test_c(x): pass'].join('\n');
    assert.deepEqual(discoverTests('sub/test_x.py', src), [
      { id: 'sub/test_x.py::test_a', name: 'test_a', line: 4 },
      { id: 'sub/test_x.py::test_b', name: 'test_b', line: 7 },
      { id: 'sub/test_x.py::TestK::test_m', name: 'test_m', line: 9 },
      { id: 'sub/test_x.py::test_c', name: 'test_c', line: 13 },
    ]);
    assert.deepEqual(discoverTests('t.py', 'x'.repeat(2 * 1024 * 1024)), []);
  });
  it('knows test files and maps parametrized results to their test', () => {
    assert.ok(isTestFile('test_mlp.py') && isTestFile('a/mlp_test.py'));
    assert.ok(!isTestFile('mlp.py') && !isTestFile('test_mlp.txt') && !isTestFile('_test.py'));
    assert.equal(withoutParameters('t.py::test_p[a/b::c]'), 't.py::test_p');
    assert.equal(withoutParameters('t.py::K::test_m'), 't.py::K::test_m');
  });
});

describe('pytest command and interpreter', () => {
  it('asks pytest for a JUnit report with file and line, and runs the chosen node ids only', () => {
    const args = pytestArgs('/tmp/r.xml', ['test_a.py::test_x', '-k'], );
    assert.deepEqual(args.slice(-3), ['--junitxml=/tmp/r.xml', 'test_a.py::test_x', './-k']);
    assert.ok(args.includes('junit_family=xunit1'));
  });
  it('prefers the Python extension, then the setting, then python3', () => {
    assert.deepEqual(chooseInterpreter({ path: '/venv/bin/python', version: { major: 3, minor: 12, micro: 1 } }, '/usr/bin/python3'), { command: '/venv/bin/python', source: 'the interpreter selected in the Python extension', version: '3.12.1' });
    assert.deepEqual(chooseInterpreter({ path: '  ' }, ' /opt/py '), { command: '/opt/py', source: 'the aiRoadmap.pythonPath setting' });
    assert.deepEqual(chooseInterpreter(undefined, ''), { command: 'python3', source: 'python3 on the PATH' });
  });
});

describe('watch mode scheduling', () => {
  /** A clock the test moves by hand. */
  function manualClock() {
    let now = 0;
    const pending = new Map<number, { at: number; fn: () => void }>();
    let next = 1;
    const timers: Timers = {
      setTimeout: (fn, ms) => (pending.set(next, { at: now + ms, fn }), next++),
      clearTimeout: (h) => pending.delete(h as number),
    };
    const advance = (ms: number) => {
      now += ms;
      for (const [h, t] of [...pending]) {
        if (t.at > now) continue;
        pending.delete(h);
        t.fn();
      }
    };
    return { timers, advance };
  }

  it('turns saves within the quiet period into one check', () => {
    const clock = manualClock();
    const runs: string[] = [];
    const s = new WatchScheduler<string>(async (k) => void runs.push(k), 300, clock.timers);
    s.trigger('a');
    clock.advance(200);
    s.trigger('a');
    clock.advance(200);
    assert.deepEqual(runs, []);
    clock.advance(100);
    assert.deepEqual(runs, ['a']);
  });

  it('aborts the running check when a new save comes, and runs again', async () => {
    const clock = manualClock();
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const s = new WatchScheduler<string>((_k, signal) => (signals.push(signal), new Promise<void>((r) => (release = r))), 300, clock.timers);
    s.trigger('a');
    clock.advance(300);
    assert.equal(s.isRunning('a'), true);
    s.trigger('a');
    assert.equal(signals[0].aborted, true, 'the stale check is aborted at the save');
    clock.advance(300);
    assert.equal(signals.length, 2);
    assert.equal(signals[1].aborted, false);
    release();
    await new Promise((r) => setImmediate(r));
    assert.equal(s.isRunning('a'), false);
    s.dispose();
    s.trigger('a');
    clock.advance(300);
    assert.equal(signals.length, 2, 'nothing runs after dispose');
  });
});

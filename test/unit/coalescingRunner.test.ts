import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CoalescingRunner } from '../../src/core/util/coalescingRunner';

/** A job whose runs the test finishes by hand, so the order of events is exact, not timed. */
function gatedJob() {
  const gates: Array<() => void> = [];
  let runs = 0;
  const job = () => {
    runs++;
    return new Promise<void>((r) => gates.push(r));
  };
  return { job, runs: () => runs, release: () => gates.shift()?.() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CoalescingRunner', () => {
  it('runs once for a burst of requests within the quiet period', async () => {
    let runs = 0;
    const r = new CoalescingRunner(async () => void runs++, 5);
    for (let i = 0; i < 10; i++) r.request();
    await new Promise((res) => setTimeout(res, 50));
    assert.equal(runs, 1);
    r.dispose();
  });

  it('runs again after the current run when asked during it: no change is lost', async () => {
    const g = gatedJob();
    const r = new CoalescingRunner(g.job, 0);
    const first = r.runNow();
    await tick();
    assert.equal(g.runs(), 1);
    const second = r.runNow(); // arrives while the first run is under way
    const third = r.runNow(); // coalesces with the second
    g.release();
    await tick();
    assert.equal(g.runs(), 2, 'one more run for the requests made during the first');
    g.release();
    await Promise.all([first, second, third]);
    assert.equal(g.runs(), 2);
    r.dispose();
  });

  it('keeps running after a job that throws', async () => {
    let runs = 0;
    const r = new CoalescingRunner(async () => {
      runs++;
      throw new Error('bad file');
    }, 0);
    await r.runNow();
    await r.runNow();
    assert.equal(runs, 2);
    r.dispose();
  });

  it('does nothing after dispose', async () => {
    let runs = 0;
    const r = new CoalescingRunner(async () => void runs++, 1);
    r.request();
    r.dispose();
    await new Promise((res) => setTimeout(res, 20));
    assert.equal(runs, 0);
  });
});

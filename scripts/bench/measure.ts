/** Median wall time in ms of `fn` over `runs` runs, after one warm-up run. */
export async function medianMs(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export interface Row {
  figure: string;
  value: string;
  floor?: string;
  ratio?: string;
  goal?: string;
}

export function printTable(title: string, rows: Row[]) {
  const cols: Array<keyof Row> = ['figure', 'value', 'floor', 'ratio', 'goal'];
  const head: Row = { figure: 'figure', value: 'measured', floor: 'floor (bare library)', ratio: 'ratio', goal: 'goal' };
  const all = [head, ...rows];
  const width = cols.map((c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: Row) => cols.map((c, i) => (r[c] ?? '').padEnd(width[i])).join('  ').trimEnd();
  console.log(`\n${title}\n${line(head)}\n${width.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The middle value (the upper one of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The median of the ratios of pairs measured back to back ([ours, floor]): on a shared machine
 * whose load comes and goes, both sides of a pair see the same load, where a ratio of two medians
 * over the whole run can set a quiet moment of one side against a busy one of the other.
 */
export const pairedRatio = (pairs: Array<[number, number]>) => median(pairs.map(([a, b]) => a / b));

/**
 * Numbers in [0, 1) from a fixed seed (xorshift32), to draw the order in which the sides of a pair
 * run. Strict alternation can fall into step with a periodic cost: a garbage collection every
 * fourth run lands on the same side of every other pair, and one side carries all of it.
 */
export function seededRandom(seed = 0x9e3779b9): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

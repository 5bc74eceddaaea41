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

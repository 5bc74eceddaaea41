/** fast-check runs: a few hundred in `npm run test:unit`, twenty times as many in `npm run test:fuzz`. */
export function runs(n: number): number {
  return process.env.AI_ROADMAP_FUZZ ? n * 20 : n;
}

/** Time budgets of bound tests: generous, so a loaded two-core machine passes; a missing bound fails by far. */
export async function within<T>(budgetMs: number, what: string, fn: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  const took = performance.now() - started;
  if (took > budgetMs) throw new Error(`${what} took ${took.toFixed(0)} ms; its budget is ${budgetMs} ms.`);
  return value;
}

/** Sizes of worst cases: the issue's own in `npm run test:fuzz` (and the bench), a quarter or less in `npm run test:unit`. */
export function size(fuzz: number, unit: number): number {
  return process.env.AI_ROADMAP_FUZZ ? fuzz : unit;
}

/**
 * The work's time within a budget relative to its floor (the bare library on the same input,
 * measured in the same run): eight times the floor plus five seconds, for a loaded machine.
 */
export async function withinFloor<T>(what: string, floor: () => unknown, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  floor();
  const floorMs = performance.now() - t0;
  return within(8 * floorMs + 5000, `${what} (floor ${floorMs.toFixed(0)} ms)`, fn);
}

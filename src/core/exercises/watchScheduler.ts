/** The timer functions, so a test can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Watch mode's clock: saves of one exercise within `quietMs` make one check, and a save while a
 * check runs aborts that check (its result would be stale) before the next one starts.
 */
export class WatchScheduler<K> {
  private readonly timers = new Map<K, unknown>();
  private readonly running = new Map<K, AbortController>();
  private disposed = false;

  constructor(
    private readonly check: (key: K, signal: AbortSignal) => Promise<void>,
    private readonly quietMs: number,
    private readonly clock: Timers = realTimers,
  ) {}

  /** A save came: abort the check under way now, and start a new one after the quiet period. */
  trigger(key: K): void {
    if (this.disposed) return;
    this.running.get(key)?.abort();
    const pending = this.timers.get(key);
    if (pending !== undefined) this.clock.clearTimeout(pending);
    this.timers.set(key, this.clock.setTimeout(() => void this.start(key), this.quietMs));
  }

  isRunning(key: K): boolean {
    return this.running.has(key);
  }

  /** Stops watching one key: no pending check, and the running one aborted. */
  cancel(key: K): void {
    const pending = this.timers.get(key);
    if (pending !== undefined) this.clock.clearTimeout(pending);
    this.timers.delete(key);
    this.running.get(key)?.abort();
  }

  private async start(key: K): Promise<void> {
    this.timers.delete(key);
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    try {
      await this.check(key, controller.signal);
    } finally {
      if (this.running.get(key) === controller) this.running.delete(key);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.timers.keys(), ...this.running.keys()]) this.cancel(key);
  }
}

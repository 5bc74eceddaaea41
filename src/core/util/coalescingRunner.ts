/**
 * Runs a job after a quiet period, never two at once, and never loses a request: a request
 * that comes while the job runs makes it run once more when it ends. This is how an author's
 * roadmap is reloaded: a save and the file watcher both ask, and a save during a reload must
 * still be seen.
 */
export class CoalescingRunner {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly quietMs: number,
  ) {}

  /** Asks for a run after the quiet period (requests within it coalesce into one run). */
  request(): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, this.quietMs);
  }

  /** Runs now, or once more after the run under way; resolves when that run is over. */
  async runNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.start();
  }

  private start(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.job();
        } catch {
          // The job reports its own failures; a failed run must not stop the next one.
        }
      } while (this.again && !this.disposed);
      // Cleared in the same step as the last check, so no request falls between the two.
      this.running = undefined;
    })();
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}

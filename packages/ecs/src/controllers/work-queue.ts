/**
 * A de-duplicating work queue of keys (Kubernetes' workqueue guarantees, for one process): a key
 * added many times before it is processed is processed once; one key is never processed twice at
 * once; a key whose processing throws is retried after a growing delay.
 */
const DRAIN_SLICE_MS = 50;

export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly failures = new Map<string, number>();
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly process: (key: string) => void,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
    private readonly maxRetryDelayMs = 30_000,
  ) {}

  add(key: string): void {
    if (this.closed) return;
    this.pending.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  close(): void {
    this.closed = true;
    this.pending.clear();
  }

  private drain(): void {
    this.scheduled = false;
    const started = Date.now();
    for (const key of [...this.pending]) {
      if (this.closed) return;
      // Yield to I/O (API calls, agents) after a slice of work; the rest runs on the next turn.
      if (Date.now() - started > DRAIN_SLICE_MS) {
        this.scheduled = true;
        setImmediate(() => this.drain());
        return;
      }
      this.pending.delete(key);
      try {
        this.process(key);
        this.failures.delete(key);
      } catch (error) {
        const attempt = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, attempt);
        const delay = Math.min(this.maxRetryDelayMs, 100 * 2 ** attempt);
        this.log('reconcile failed; will retry', {
          key,
          attempt,
          delay,
          error: error instanceof Error ? error.stack : String(error),
        });
        setTimeout(() => this.add(key), delay).unref();
      }
    }
  }
}

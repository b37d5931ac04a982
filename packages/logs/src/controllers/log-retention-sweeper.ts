/**
 * Deletes log events past their group's retention, once a minute. Level-triggered: each sweep
 * asks the store for everything expired at that moment, so a missed sweep only delays the next.
 * Sweeps never overlap: one still running when the timer fires makes that tick a no-op.
 */
import type { LogStore } from '@berth/telemetry';

export class LogRetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly store: LogStore,
    private readonly now: () => number,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: unknown) => this.failed(error)),
      this.intervalMs,
    );
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
  }

  /** One sweep now: answers how many events it deleted. */
  sweep(): Promise<number> {
    if (this.running) return Promise.resolve(0);
    this.running = this.store.deleteExpiredEvents(this.now()).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private failed(error: unknown): void {
    this.log('log retention sweep failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

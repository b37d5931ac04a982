const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Wakes a sleeping loop. A notify that arrives while nobody waits is remembered, so a wake-up
 * between "decide to sleep" and "sleep" is never lost. Timers are unref'd: a waiting loop does not
 * keep the process alive.
 */
export class WakeSignal {
  private pending = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter();
    } else {
      this.pending = true;
    }
  }

  /** Resolves on the next notify, or after `timeoutMs` when given. */
  async wait(timeoutMs?: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => this.wakeFromTimer(resolve), Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS));
      timer?.unref();
      this.waiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private wakeFromTimer(resolve: () => void): void {
    this.waiter = undefined;
    resolve();
  }
}

import type { TaskReport } from '@berth/wire/agent';

/**
 * Observed task states waiting to be sent. Level-triggered: only the latest report per task is
 * kept, so a backlog after a disconnect collapses to one report per task.
 */
export class ReportQueue {
  private readonly latest = new Map<string, TaskReport>();
  private waiter: (() => void) | undefined;

  push(report: TaskReport): void {
    this.latest.set(report.task, report);
    this.waiter?.();
  }

  /** Takes every pending report. */
  drain(): TaskReport[] {
    const reports = [...this.latest.values()];
    this.latest.clear();
    return reports;
  }

  /** Puts reports back after a failed send, unless a newer one arrived meanwhile. */
  restore(reports: readonly TaskReport[]): void {
    for (const report of reports) if (!this.latest.has(report.task)) this.latest.set(report.task, report);
  }

  get size(): number {
    return this.latest.size;
  }

  waitForReports(signal: AbortSignal): Promise<void> {
    if (this.latest.size > 0 || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.waiter = undefined;
        resolve();
      };
      this.waiter = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

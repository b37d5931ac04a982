/**
 * Forgets what ECS forgets: STOPPED tasks once they have been stopped longer than the retention
 * (at least an hour, as on ECS) and expired RunTask client tokens. Level-triggered: each sweep
 * re-reads the store, so a missed sweep only delays the next one. A purged FARGATE task leaves
 * its final usage behind (KIND.usage) for usage reports.
 */
import type { StateStore } from '@berth/store';

import { KIND, type ClientTokenRecord, type TaskRecord } from '../services/records.js';
import { archiveTaskUsage } from '../services/usage/usage-archive.js';

export const CLIENT_TOKEN_RETENTION_MS = 12 * 60 * 60 * 1000;

export const expiredRecords = (
  store: StateStore,
  nowMs: number,
  taskRetentionMs: number,
): { tasks: TaskRecord[]; tokens: ClientTokenRecord[] } => ({
  tasks: store
    .list<TaskRecord>(KIND.task)
    .filter(
      (t) => t.task.lastStatus === 'STOPPED' && nowMs - (t.task.stoppedAt ?? 0) * 1000 > taskRetentionMs,
    ),
  tokens: store
    .list<ClientTokenRecord>(KIND.clientToken)
    .filter((t) => nowMs - t.createdAt > CLIENT_TOKEN_RETENTION_MS),
});

export class RetentionController {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number,
    private readonly taskRetentionMs: number,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  sweep(): number {
    const nowMs = this.now();
    const { tasks, tokens } = expiredRecords(this.store, nowMs, this.taskRetentionMs);
    if (tasks.length + tokens.length === 0) return 0;
    this.store.transact((tx) => {
      for (const task of tasks) {
        archiveTaskUsage(tx, task, nowMs);
        tx.delete(KIND.task, task.task.taskArn ?? '');
      }
      for (const token of tokens) tx.delete(KIND.clientToken, token.token);
    });
    return tasks.length + tokens.length;
  }
}

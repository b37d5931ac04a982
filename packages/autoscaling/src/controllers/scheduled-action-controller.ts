/**
 * Fires scheduled actions at their times. Level-triggered: each tick re-reads every action and
 * asks the pure `nextScheduledFire` whether one is due since it last fired (or was created); a due
 * action fires once for its latest due time, so a server that was down does not replay a backlog.
 * Leader-only, like every controller.
 */
import { nextScheduledFire, parseScalingSchedule } from '@berth/scheduler';
import type { StateStore } from '@berth/store';

import { AUTOSCALING_KIND, type ScheduledActionRecord } from '../records/scaling-records.js';
import type { ScheduledActionRunner } from '../services/scheduled-action-runner.js';

export interface ScheduledActionControllerOptions {
  readonly store: StateStore;
  readonly runner: ScheduledActionRunner;
  /** Epoch ms. */
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  /** How often actions are looked at; default 1 s. */
  readonly intervalMs?: number;
}

/** The latest fire time of `action` that is due at `nowSeconds`, if any. */
export const dueFireTime = (action: ScheduledActionRecord, nowSeconds: number): number | undefined => {
  const parsed = parseScalingSchedule(action.schedule);
  if (!parsed.ok) return undefined;
  const input = {
    schedule: parsed.schedule,
    createdAt: action.creationTime,
    ...(action.timezone !== undefined ? { timezone: action.timezone } : {}),
    ...(action.startTime !== undefined ? { startTime: action.startTime } : {}),
    ...(action.endTime !== undefined ? { endTime: action.endTime } : {}),
  };
  let due: number | undefined;
  let after = action.lastFiredAt ?? action.creationTime - 1;
  for (let i = 0; i < 10_000; i++) {
    const next = nextScheduledFire({ ...input, after });
    if (next === undefined || next > nowSeconds) break;
    due = next;
    after = next;
  }
  return due;
};

export class ScheduledActionController {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ScheduledActionControllerOptions) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.options.intervalMs ?? 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Fires every action that is due now. */
  tick(): void {
    const nowSeconds = this.options.now() / 1000;
    for (const action of this.options.store.list<ScheduledActionRecord>(AUTOSCALING_KIND.scheduledAction)) {
      const due = dueFireTime(action, nowSeconds);
      if (due === undefined) continue;
      try {
        this.options.runner.fire(action, due);
      } catch (error) {
        this.options.log('scheduled action failed', {
          scheduledActionArn: action.scheduledActionArn,
          error: String(error),
        });
      }
    }
  }
}

/** How a simulated task moves on as time passes, per its task definition's behaviour. */
import type { ServiceTask } from './service-types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type SimTask = Mutable<ServiceTask>;

export interface Behaviour {
  /** Seconds from launch to RUNNING (default 5). */
  readonly startAfter?: number;
  /** Never runs: goes PENDING → STOPPED (TaskFailedToStart) this long after launch. */
  readonly failAfter?: number;
  /** The essential container exits this long after RUNNING (EssentialContainerExited). */
  readonly exitAfter?: number;
  /** A container health check that reports `health` this long after RUNNING. */
  readonly healthCheck?: { readonly health: 'HEALTHY' | 'UNHEALTHY'; readonly after: number };
}

const stop = (task: SimTask, now: number, stopCode: string): void => {
  Object.assign(task, { lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedAt: now, stopCode });
};

/** PENDING → RUNNING after `startAfter` (or → STOPPED after `failAfter`); then health and exits. */
export const progressTask = (task: SimTask, b: Behaviour, now: number): void => {
  if (task.lastStatus === 'STOPPED') return;
  if (task.lastStatus !== 'RUNNING') {
    if (b.failAfter !== undefined) {
      if (now - task.createdAt >= b.failAfter) stop(task, now, 'TaskFailedToStart');
    } else if (now - task.createdAt >= (b.startAfter ?? 5)) {
      Object.assign(task, { lastStatus: 'RUNNING', startedAt: now });
    }
    return;
  }
  const up = now - (task.startedAt ?? now);
  if (b.healthCheck !== undefined && up >= b.healthCheck.after) task.healthStatus = b.healthCheck.health;
  if (b.exitAfter !== undefined && up >= b.exitAfter) stop(task, now, 'EssentialContainerExited');
};

/**
 * Decides a task's next step from its state alone (pure): which container transitions are due now
 * (see the diagram in transitions.ts), or what to wait for. Level-triggered: it never depends on
 * having seen a particular event, only on the current state.
 */
import { mayStop, readiness } from './dependencies.js';
import type { ResolvedEngineConfig } from './engine-config.js';
import { isStopping, type ManagedContainer, type TaskState } from './task-state.js';
import type { TargetStatus } from './transitions.js';

export interface Move {
  readonly container: ManagedContainer;
  readonly to: TargetStatus;
}

export type Step =
  | { readonly kind: 'setup-resources' }
  | { readonly kind: 'transitions'; readonly moves: readonly Move[] }
  /** A container can never start: fail it (and so the task). */
  | { readonly kind: 'fail'; readonly container: ManagedContainer; readonly reason: string }
  /** Every container is STOPPED: sweep the task's leftovers and release its address; the task is STOPPED. */
  | { readonly kind: 'finish-stop' }
  | { readonly kind: 'cleanup' }
  | { readonly kind: 'wait'; readonly untilMs?: number }
  | { readonly kind: 'finished' };

const earliest = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

const planStarting = (task: TaskState, nowMs: number, config: ResolvedEngineConfig): Step => {
  if (!task.resourcesReady) return { kind: 'setup-resources' };
  const moves: Move[] = [];
  let untilMs: number | undefined;
  for (const c of task.containers) {
    if (c.known === 'NONE') moves.push({ container: c, to: 'PULLED' });
    if (c.known !== 'PULLED' && c.known !== 'CREATED') continue;
    const ready = readiness(task, c, nowMs, config.containerStartTimeoutSeconds);
    if (ready.kind === 'failed') return { kind: 'fail', container: c, reason: ready.reason };
    if (ready.kind === 'waiting') untilMs = earliest(untilMs, ready.untilMs);
    else moves.push({ container: c, to: c.known === 'PULLED' ? 'CREATED' : 'RUNNING' });
  }
  if (moves.length > 0) return { kind: 'transitions', moves };
  return untilMs === undefined ? { kind: 'wait' } : { kind: 'wait', untilMs };
};

const planStopping = (task: TaskState, nowMs: number): Step => {
  const live = task.containers.filter((c) => c.known !== 'STOPPED');
  if (live.length === 0) return { kind: 'finish-stop' };
  const due = live.filter(
    (c) => c.known !== 'RUNNING' || (mayStop(task, c) && (c.retryAtMs === undefined || c.retryAtMs <= nowMs)),
  );
  if (due.length > 0)
    return { kind: 'transitions', moves: due.map((c) => ({ container: c, to: 'STOPPED' })) };
  const retryAt = live.reduce<number | undefined>((at, c) => earliest(at, c.retryAtMs), undefined);
  return retryAt === undefined ? { kind: 'wait' } : { kind: 'wait', untilMs: retryAt };
};

const planStopped = (task: TaskState, nowMs: number, config: ResolvedEngineConfig): Step => {
  if (task.cleanedUp) return { kind: 'finished' };
  const cleanupAt = (task.stoppedAtMs ?? nowMs) + config.taskCleanupWaitSeconds * 1000;
  if (task.forgotten || nowMs >= cleanupAt) return { kind: 'cleanup' };
  return { kind: 'wait', untilMs: cleanupAt };
};

export const planStep = (task: TaskState, nowMs: number, config: ResolvedEngineConfig): Step => {
  if (task.known === 'STOPPED') return planStopped(task, nowMs, config);
  if (isStopping(task)) return planStopping(task, nowMs);
  return planStarting(task, nowMs, config);
};

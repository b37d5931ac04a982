import { observeContainer } from './observe-container.js';
import { isTaskRunning } from './task-report.js';
import {
  isBefore,
  isStopping,
  workloadStopped,
  type ManagedContainer,
  type TaskState,
} from './task-state.js';
import type { Outcome, TargetStatus } from './transitions.js';

/** A failed stop is retried after this long. */
export const STOP_RETRY_MS = 5_000;

export const ESSENTIAL_EXIT = {
  stopCode: 'EssentialContainerExited',
  reason: 'Essential container in task exited',
} as const;

/** An essential container failed to get going: the task stops. */
const failEssential = (task: TaskState, reason: string): void => {
  if (isStopping(task)) return;
  task.stop = task.reachedRunning ? ESSENTIAL_EXIT : { stopCode: 'TaskFailedToStart', reason };
};

/** A container can never start (its dependency cannot be met): it is STOPPED and so is the task. */
export const failContainer = (task: TaskState, c: ManagedContainer, reason: string): void => {
  c.known = 'STOPPED';
  c.reason ??= reason;
  if (!isStopping(task)) task.stop = { stopCode: 'TaskFailedToStart', reason };
};

/**
 * Folds a transition's outcome into the state. Returns true when the container should be
 * inspected again (the result could not be observed).
 */
export const applyOutcome = (
  task: TaskState,
  c: ManagedContainer,
  to: TargetStatus,
  outcome: Outcome,
  nowMs: number,
): boolean => {
  switch (outcome.kind) {
    case 'pulled':
      c.known = 'PULLED';
      c.image = outcome.image;
      c.imageDigest = outcome.digest;
      return false;
    case 'created':
      c.runtimeId = outcome.id;
      if (isBefore(c.known, 'CREATED')) c.known = 'CREATED';
      if (outcome.inspection) observeContainer(task.desired, c, outcome.inspection);
      return false;
    case 'observed':
      if (outcome.inspection === 'unknown') {
        if (to === 'RUNNING' && isBefore(c.known, 'RUNNING')) c.known = 'RUNNING';
        if (to === 'RUNNING') c.startedAtMs ??= nowMs;
        return true;
      }
      observeContainer(task.desired, c, outcome.inspection);
      if (to === 'STOPPED' && c.known === 'RUNNING') c.retryAtMs = nowMs + STOP_RETRY_MS;
      return to === 'RUNNING' && c.known !== 'RUNNING' && c.known !== 'STOPPED';
    case 'marked-stopped':
      c.known = 'STOPPED';
      return false;
    case 'removed':
      c.known = 'STOPPED';
      c.runtimeId = undefined;
      return false;
    case 'failed':
      if (to === 'STOPPED') {
        c.retryAtMs = nowMs + STOP_RETRY_MS;
        return true;
      }
      c.known = 'STOPPED';
      c.reason = outcome.reason;
      if (c.essential) failEssential(task, outcome.reason);
      return false;
  }
};

const latestStart = (task: TaskState): number | undefined =>
  task.containers.reduce<number | undefined>(
    (at, c) => Math.max(at ?? 0, c.startedAtMs ?? 0) || undefined,
    undefined,
  );

/**
 * Task-level consequences of container changes: essential exits stop the task; RUNNING is reached;
 * the moments the stop began and the workload stopped are recorded.
 */
export const applyTaskRules = (task: TaskState, nowMs: number): void => {
  if (task.known === 'STOPPED') return;
  if (!isStopping(task) && task.containers.some((c) => c.essential && c.known === 'STOPPED')) {
    task.stop = ESSENTIAL_EXIT;
  }
  if (!task.reachedRunning && !isStopping(task) && isTaskRunning(task)) {
    task.reachedRunning = true;
    task.startedAtMs = task.adopted ? (latestStart(task) ?? nowMs) : nowMs;
  }
  if (isStopping(task)) task.stoppingAtMs ??= nowMs;
  if (isStopping(task) && workloadStopped(task)) task.executionStoppedAtMs ??= nowMs;
};

/** Builders for daemon scheduler tests. */
import type { DaemonInstance, DaemonRollout, DaemonSnapshot, DaemonTask } from './daemon-types.js';

export const rollout = (overrides: Partial<DaemonRollout> = {}): DaemonRollout => ({
  status: 'PENDING',
  targetRevision: 'r2',
  drainPercent: 25,
  bakeTimeInMinutes: 0,
  failureCount: 0,
  threshold: 1,
  stepInFlight: false,
  ...overrides,
});

export const instance = (arn: string, overrides: Partial<DaemonInstance> = {}): DaemonInstance => ({
  arn,
  status: 'ACTIVE',
  connected: true,
  otherLiveTasks: 0,
  ...overrides,
});

export const task = (
  taskArn: string,
  instanceArn: string,
  revision: string,
  overrides: Partial<DaemonTask> = {},
): DaemonTask => ({
  taskArn,
  instanceArn,
  revision,
  lastStatus: 'RUNNING',
  desiredStatus: 'RUNNING',
  stoppedByScheduler: false,
  stopHandled: false,
  createdAt: 0,
  ...overrides,
});

export const snapshot = (overrides: Partial<DaemonSnapshot> = {}): DaemonSnapshot => {
  const instances = overrides.instances ?? [];
  const all = instances.map((i) => i.arn);
  return {
    now: 1000,
    deleting: false,
    rollout: rollout(),
    tasks: [],
    scopes: { r1: all, r2: all },
    ...overrides,
    instances,
  };
};

/** Hand-built tasks and settings for the service scheduler's unit tests. */
import type { ReconcileSettings } from './reconcile-settings.js';
import type { ServiceTask } from './service-types.js';

export const NOW = 1_000_000;

export const settings = (overrides: Partial<ReconcileSettings> = {}): ReconcileSettings => ({
  now: NOW,
  serviceName: 'web',
  healthyAfterSeconds: 40,
  lostAgentTimeoutSeconds: 60,
  launchBackoffSeconds: 5,
  healthCheckGracePeriodSeconds: 0,
  ...overrides,
});

let seq = 0;

export const task = (overrides: Partial<ServiceTask> = {}): ServiceTask => {
  seq += 1;
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/c/h${String(seq).padStart(4, '0')}`,
    deploymentId: 'ecs-svc/1',
    instanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/i0',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    createdAt: NOW - 500,
    startedAt: NOW - 400,
    healthStatus: 'UNKNOWN',
    hasHealthCheck: false,
    instanceStatus: 'ACTIVE',
    agentConnected: true,
    agentSilentForSeconds: 0,
    ...overrides,
  };
};

/** A task that went PENDING → STOPPED at `stoppedAt` without ever running. */
export const failedToStart = (stoppedAt: number, overrides: Partial<ServiceTask> = {}): ServiceTask => {
  const { startedAt: _started, ...rest } = task({
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    createdAt: stoppedAt - 5,
    stoppedAt,
    stopCode: 'TaskFailedToStart',
    ...overrides,
  });
  return overrides.startedAt === undefined ? rest : { ...rest, startedAt: overrides.startedAt };
};

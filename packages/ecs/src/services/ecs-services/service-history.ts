/**
 * The service deployment history behind ListServiceDeployments, DescribeServiceDeployments and
 * DescribeServiceRevisions. Each deployment of a service (a new task definition, a forced
 * deployment, a network change) records the service revision it deploys and a service deployment
 * whose status follows its `deployments[]` entry: IN_PROGRESS → SUCCESSFUL, or on a circuit-breaker
 * failure ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL (rollback) or STOPPED (no rollback); a
 * deployment replaced before it finished is STOPPED. StopServiceDeployment (ROLLBACK) moves an
 * IN_PROGRESS one to ROLLBACK_REQUESTED, then ROLLBACK_IN_PROGRESS once the controller runs its
 * rollback deployment [G stop-service-deployment], then ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED. Pure.
 */
import type { DeploymentConfiguration, NetworkConfiguration, ServiceDeploymentStatus } from '@berth/wire/ecs';

export interface ServiceRevisionEntry {
  readonly id: string;
  readonly taskDefinitionArn: string;
  readonly launchType: string;
  readonly networkConfiguration?: NetworkConfiguration;
  readonly createdAt: number;
}

export interface ServiceDeploymentEntry {
  readonly id: string;
  /** The `deployments[]` ids this entry follows: its own, then its rollback's. */
  readonly deploymentIds: readonly string[];
  readonly targetRevisionId: string;
  readonly sourceRevisionIds: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt?: number;
  readonly stoppedAt?: number;
  readonly status: ServiceDeploymentStatus;
  readonly statusReason?: string;
  readonly deploymentConfiguration?: DeploymentConfiguration;
  readonly rollback?: { readonly reason: string; readonly startedAt: number; readonly revisionId: string };
  /** The deployment alarms that went into ALARM and failed it. */
  readonly triggeredAlarmNames?: readonly string[];
}

export interface ServiceHistory {
  readonly revisions: readonly ServiceRevisionEntry[];
  readonly deployments: readonly ServiceDeploymentEntry[];
}

export const EMPTY_HISTORY: ServiceHistory = { revisions: [], deployments: [] };
const MAX_ENTRIES = 100;
const CIRCUIT_BREAKER_FAILED = 'ECS deployment circuit breaker: tasks failed to start.';
const FINISHED: readonly ServiceDeploymentStatus[] = [
  'SUCCESSFUL',
  'STOPPED',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
];

/** A new deployment: its revision, and a service deployment that supersedes unfinished ones. */
export const startDeployment = (
  history: ServiceHistory,
  input: {
    readonly deploymentId: string;
    readonly revision: ServiceRevisionEntry;
    readonly entryId: string;
    readonly deploymentConfiguration?: DeploymentConfiguration;
    readonly now: number;
  },
): ServiceHistory => {
  // The revisions that still run tasks: unfinished deployments and the last successful one.
  const lastSuccessful = history.deployments.find(
    (d) => d.status === 'SUCCESSFUL' || d.status === 'ROLLBACK_SUCCESSFUL',
  );
  const sources = [
    ...history.deployments.filter((d) => !FINISHED.includes(d.status)),
    ...(lastSuccessful ? [lastSuccessful] : []),
  ];
  const superseded = history.deployments.map((d) =>
    FINISHED.includes(d.status)
      ? d
      : {
          ...d,
          status: 'STOPPED' as const,
          statusReason: 'A newer service deployment replaced it.',
          stoppedAt: input.now,
          updatedAt: input.now,
        },
  );
  const entry: ServiceDeploymentEntry = {
    id: input.entryId,
    deploymentIds: [input.deploymentId],
    targetRevisionId: input.revision.id,
    sourceRevisionIds: sources.map((d) => d.targetRevisionId),
    createdAt: input.now,
    updatedAt: input.now,
    status: 'IN_PROGRESS',
    ...(input.deploymentConfiguration ? { deploymentConfiguration: input.deploymentConfiguration } : {}),
  };
  return {
    revisions: [input.revision, ...history.revisions].slice(0, MAX_ENTRIES),
    deployments: [entry, ...superseded].slice(0, MAX_ENTRIES),
  };
};

export interface DeploymentProgress {
  readonly id: string;
  readonly rolloutState: string;
  readonly rolloutStateReason: string;
  readonly taskDefinitionArn: string;
  /** A traffic-shifting deployment rolled back in place: the deployment traffic returned to. */
  readonly rolledBackTo?: string;
  /** Its deployment alarms as the scheduler saw them (triggered: the ones that failed it). */
  readonly alarms?: { readonly triggered: readonly string[] };
  /** A rollback deployment: why the deployment it replaces failed. */
  readonly rollbackOf?: { readonly reason: string; readonly triggeredAlarms?: readonly string[] };
}

/**
 * A traffic-shifting deployment rolled back in place (blue was still running, so traffic is back
 * on it at once): ROLLBACK_SUCCESSFUL; one asked to roll back that had no blue to return to:
 * ROLLBACK_FAILED.
 */
const followShiftRollback = (
  entry: ServiceDeploymentEntry,
  own: DeploymentProgress | undefined,
  history: ServiceHistory,
  now: number,
): ServiceDeploymentEntry | undefined => {
  if (entry.status !== 'IN_PROGRESS' && entry.status !== 'ROLLBACK_REQUESTED') return undefined;
  if (own?.rolloutState !== 'FAILED') return undefined;
  const back = own.rolledBackTo;
  if (back === undefined) {
    return entry.status === 'ROLLBACK_REQUESTED' && entry.deploymentIds.length === 1
      ? {
          ...entry,
          status: 'ROLLBACK_FAILED',
          statusReason: own.rolloutStateReason,
          finishedAt: now,
          updatedAt: now,
        }
      : undefined;
  }
  const revisionId = history.revisions.find((r) => `ecs-svc/${r.id}` === back)?.id ?? '';
  const reason = own.rolloutStateReason;
  return {
    ...entry,
    deploymentIds: [...entry.deploymentIds, back],
    status: 'ROLLBACK_SUCCESSFUL',
    statusReason: reason,
    rollback: entry.rollback ?? { reason, startedAt: now, revisionId },
    finishedAt: now,
    updatedAt: now,
  };
};

/** Follows the scheduler's deployments: completion, failure, and a rollback's completion. */
export const followDeployments = (
  history: ServiceHistory,
  deployments: readonly DeploymentProgress[],
  now: number,
): ServiceHistory => {
  let changed = false;
  const entries = history.deployments.map((entry) => {
    if (FINISHED.includes(entry.status)) return entry;
    const own = deployments.find((d) => d.id === entry.deploymentIds[0]);
    const rollback = deployments.find((d) => entry.deploymentIds.slice(1).includes(d.id));
    const newRollback = deployments.find(
      (d) =>
        d.rolloutStateReason.startsWith('ECS deployment circuit breaker: rolling back') &&
        !entry.deploymentIds.includes(d.id),
    );
    const shiftRolledBack = followShiftRollback(entry, own, history, now);
    if (shiftRolledBack) {
      changed = true;
      return shiftRolledBack;
    }
    let next: ServiceDeploymentEntry = entry;
    if (entry.status === 'ROLLBACK_REQUESTED' && rollback) {
      next = { ...entry, status: 'ROLLBACK_IN_PROGRESS', updatedAt: now };
    }
    if (entry.status === 'IN_PROGRESS' && own?.rolloutState === 'COMPLETED') {
      next = { ...entry, status: 'SUCCESSFUL', finishedAt: now, updatedAt: now };
    } else if (entry.status === 'IN_PROGRESS' && (own?.rolloutState === 'FAILED' || (!own && newRollback))) {
      // Failed: still listed as FAILED, or already dropped (no live task left) behind its rollback.
      const reason = own?.rolloutStateReason ?? newRollback?.rollbackOf?.reason ?? CIRCUIT_BREAKER_FAILED;
      const triggered = own?.alarms?.triggered ?? newRollback?.rollbackOf?.triggeredAlarms ?? [];
      const alarmed = triggered.length > 0 ? { triggeredAlarmNames: triggered } : {};
      const target =
        newRollback && history.revisions.find((r) => r.taskDefinitionArn === newRollback.taskDefinitionArn);
      next =
        newRollback && target
          ? {
              ...entry,
              ...alarmed,
              deploymentIds: [...entry.deploymentIds, newRollback.id],
              status: 'ROLLBACK_IN_PROGRESS',
              statusReason: reason,
              rollback: { reason, startedAt: now, revisionId: target.id },
              updatedAt: now,
            }
          : { ...entry, ...alarmed, status: 'STOPPED', statusReason: reason, stoppedAt: now, updatedAt: now };
    } else if (next.status === 'ROLLBACK_IN_PROGRESS' && rollback?.rolloutState === 'COMPLETED') {
      next = { ...next, status: 'ROLLBACK_SUCCESSFUL', finishedAt: now, updatedAt: now };
    } else if (next.status === 'ROLLBACK_IN_PROGRESS' && rollback?.rolloutState === 'FAILED') {
      next = {
        ...next,
        status: 'ROLLBACK_FAILED',
        statusReason: rollback.rolloutStateReason,
        finishedAt: now,
        updatedAt: now,
      };
    }
    if (next !== entry) changed = true;
    return next;
  });
  return changed ? { ...history, deployments: entries } : history;
};

/**
 * StopServiceDeployment with ROLLBACK: the entry (IN_PROGRESS) becomes ROLLBACK_REQUESTED and
 * follows `rollbackDeploymentId`, the new PRIMARY that returns to revision `revisionId`.
 */
export const requestRollback = (
  history: ServiceHistory,
  input: {
    readonly entryId: string;
    readonly rollbackDeploymentId: string;
    readonly revisionId: string;
    readonly reason: string;
    readonly now: number;
  },
): ServiceHistory => ({
  ...history,
  deployments: history.deployments.map((d) =>
    d.id === input.entryId
      ? {
          ...d,
          deploymentIds: [...d.deploymentIds, input.rollbackDeploymentId],
          status: 'ROLLBACK_REQUESTED' as const,
          statusReason: input.reason,
          rollback: { reason: input.reason, startedAt: input.now, revisionId: input.revisionId },
          updatedAt: input.now,
        }
      : d,
  ),
});

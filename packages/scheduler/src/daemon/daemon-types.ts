/**
 * The daemon scheduler's view of one ECS Managed Daemon [M CreateDaemon, UpdateDaemon,
 * DeleteDaemon, DaemonDeployment] and the plan it returns. Times are epoch seconds.
 */

import type { DaemonDeploymentStatus } from '@berth/wire/ecs';

/** [M DaemonDeploymentStatus], the wire enum itself. */
export type { DaemonDeploymentStatus };

export interface DaemonRollback {
  readonly reason: string;
  readonly startedAt: number;
  /** The revision the rollback deploys. */
  readonly revision: string;
}

/** The daemon's latest deployment: what the scheduler rolls out, and how far it got. */
export interface DaemonRollout {
  readonly status: DaemonDeploymentStatus;
  /** The revision every instance of the daemon's capacity providers should run; absent for DeleteDaemon's. */
  readonly targetRevision?: string;
  /** The revision the circuit breaker rolls back to: the daemon's revision before this deployment. */
  readonly rollbackRevision?: string;
  /** Percentage of instances replaced per step [M DaemonDeploymentConfiguration.drainPercent]. */
  readonly drainPercent: number;
  /** Wait after each step [M DaemonDeploymentConfiguration.bakeTimeInMinutes]. */
  readonly bakeTimeInMinutes: number;
  /** Daemon tasks of the deployed revision that stopped on their own. */
  readonly failureCount: number;
  readonly threshold: number;
  readonly startedAt?: number;
  readonly stoppedAt?: number;
  readonly finishedAt?: number;
  readonly statusReason?: string;
  /** A step of replacements is under way (its instances are not all running the revision yet). */
  readonly stepInFlight: boolean;
  /** No further step (and no completion) before this time. */
  readonly bakeUntil?: number;
  readonly rollback?: DaemonRollback;
}

export interface DaemonInstance {
  readonly arn: string;
  /** ContainerInstance.status: ACTIVE, DRAINING, INACTIVE, … */
  readonly status: string;
  readonly connected: boolean;
  /** Live (desired RUNNING) tasks on the instance that are not this daemon's. */
  readonly otherLiveTasks: number;
}

export interface DaemonTask {
  readonly taskArn: string;
  readonly instanceArn: string;
  readonly revision: string;
  readonly lastStatus: string;
  readonly desiredStatus: 'RUNNING' | 'STOPPED';
  /** Stopped by the daemon scheduler itself (rollout, deletion, scope): never a failure. */
  readonly stoppedByScheduler: boolean;
  /** Its stop was already acted on (instance drained, failure counted). */
  readonly stopHandled: boolean;
  readonly createdAt: number;
}

export interface DaemonSnapshot {
  readonly now: number;
  /** DeleteDaemon was called: stop every daemon task. */
  readonly deleting: boolean;
  readonly rollout: DaemonRollout;
  /** The cluster's registered instances (any status). */
  readonly instances: readonly DaemonInstance[];
  /** The daemon's tasks, stopped ones included while they are kept. */
  readonly tasks: readonly DaemonTask[];
  /** For each revision, the instances of its capacity providers. */
  readonly scopes: Readonly<Record<string, readonly string[]>>;
}

/** Why the daemon scheduler stops one of its own tasks. */
export type DaemonStopKind = 'rollout' | 'delete' | 'scope' | 'draining' | 'duplicate' | 'instance-gone';

export interface DaemonLaunch {
  readonly instanceArn: string;
  readonly revision: string;
}

export interface DaemonStop {
  readonly taskArn: string;
  readonly kind: DaemonStopKind;
}

export interface DaemonPlan {
  readonly launches: readonly DaemonLaunch[];
  readonly stops: readonly DaemonStop[];
  /** ACTIVE instances to set DRAINING: their daemon task stopped on its own. */
  readonly drains: readonly { readonly instanceArn: string; readonly taskArn: string }[];
  /** Self-stopped tasks acted on by this plan (drained, counted): mark them so it happens once. */
  readonly handledStops: readonly string[];
  readonly rollout: DaemonRollout;
  /** DeleteDaemon's deployment is done: every daemon task is stopped. */
  readonly finished: boolean;
}

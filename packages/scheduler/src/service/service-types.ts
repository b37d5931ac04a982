/**
 * The service scheduler's inputs and outputs. `reconcileService` is a pure function from a
 * snapshot of one service (its configuration, deployments, tasks and, for DAEMON, the eligible
 * instances) and `now` to a plan: tasks to launch, tasks to stop, the updated deployments and the
 * events to post. The control plane applies the plan; placement of launches is done separately
 * by `placeTasks`. Times are epoch seconds.
 */

import type { TrafficShiftSettings, TrafficShiftState } from './traffic-shift/shift-types.js';

export type DeploymentStatus = 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface ServiceConfig {
  readonly serviceName: string;
  /** ACTIVE services reconcile normally; DRAINING services (being deleted) scale to zero. */
  readonly status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  readonly schedulingStrategy: 'REPLICA' | 'DAEMON';
  readonly desiredCount: number;
  readonly minimumHealthyPercent: number;
  readonly maximumPercent: number;
  readonly circuitBreaker: { readonly enable: boolean; readonly rollback: boolean };
  readonly healthCheckGracePeriodSeconds: number;
  /**
   * deploymentConfiguration.strategy BLUE_GREEN, LINEAR or CANARY, with its settings (absent:
   * ROLLING). A new deployment shifts traffic when a completed deployment still serves.
   */
  readonly trafficShift?: TrafficShiftSettings;
  /** deploymentConfiguration.alarms when enabled: the CloudWatch alarms that fail a deployment. */
  readonly deploymentAlarms?: { readonly alarmNames: readonly string[]; readonly rollback: boolean };
}

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** What a deployment has seen of its deployment alarms (see deployment-alarms.ts). */
export interface DeploymentAlarmWatch {
  /** Alarms already in ALARM when the deployment first saw them: they count once they leave it. */
  readonly alreadyInAlarm: readonly string[];
  /** Alarms that went into ALARM during the deployment (set when it failed for them). */
  readonly triggered: readonly string[];
}

export interface DeploymentState {
  /** `ecs-svc/<19 digits>` */
  readonly id: string;
  readonly status: DeploymentStatus;
  readonly taskDefinitionArn: string;
  readonly desiredCount: number;
  readonly rolloutState: RolloutState;
  readonly rolloutStateReason: string;
  /** Consecutive failures counted by the circuit breaker; reset when a task of it runs healthy. */
  readonly failedTasks: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Launch throttle: consecutive tasks of this deployment that stopped without ever running. */
  readonly failedLaunches: number;
  /** Launch throttle: no launches before this time. */
  readonly nextLaunchAt: number;
  /** A traffic-shifting deployment's progress (BLUE_GREEN, LINEAR, CANARY). */
  readonly shift?: TrafficShiftState;
  /** A shifting deployment that was rolled back: the (blue) deployment traffic returned to. */
  readonly rolledBackTo?: string;
  /** Its deployment alarms, once observed while it was IN_PROGRESS. */
  readonly alarms?: DeploymentAlarmWatch;
  /** A rollback deployment: the deployment whose failure started it, why, and which alarms failed it. */
  readonly rollbackOf?: {
    readonly deploymentId: string;
    readonly reason: string;
    readonly triggeredAlarms?: readonly string[];
  };
}

export interface ServiceTask {
  readonly taskArn: string;
  /** The deployment that started it (the task's `startedBy`). */
  readonly deploymentId: string;
  readonly instanceArn: string;
  readonly lastStatus: string;
  readonly desiredStatus: 'RUNNING' | 'STOPPED';
  readonly createdAt: number;
  readonly startedAt?: number;
  readonly stoppedAt?: number;
  readonly stopCode?: string;
  /** Task health from essential containers. */
  readonly healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  /** Whether any essential container of the task definition has a healthCheck. */
  readonly hasHealthCheck: boolean;
  /** Status of the instance the task runs on, and whether its agent is connected. */
  readonly instanceStatus: string;
  readonly agentConnected: boolean;
  /** Seconds since the instance's agent was last heard from (0 when connected). */
  readonly agentSilentForSeconds: number;
  /**
   * Task scale-in protection (UpdateTaskProtection): protected until this time. While `now` is
   * before it, neither scale-in nor a deployment stops the task; from then on it is unprotected.
   */
  readonly protectedUntil?: number;
  /**
   * For a service behind load balancers: the task's targets' health across its target groups
   * (undefined without load balancers). With it, a task is healthy only once every target is.
   */
  readonly targetHealth?: TaskTargetHealth;
  /** It was stopped because its target failed the load balancer's health checks. */
  readonly stoppedForTargetHealth?: boolean;
}

/** A task's load balancer targets, summed up: healthy in every group, unhealthy in one, else initial. */
export interface TaskTargetHealth {
  readonly state: 'initial' | 'healthy' | 'unhealthy';
  /** unhealthy: the group, the target's port and the health check's reason description. */
  readonly targetGroupArn?: string;
  readonly port?: number;
  readonly description?: string;
}

export interface ServiceSnapshot {
  readonly now: number;
  readonly service: ServiceConfig;
  readonly deployments: readonly DeploymentState[];
  /**
   * Every task of the service not yet forgotten: live ones and recently STOPPED ones. The circuit
   * breaker and launch throttle count from the STOPPED ones (stoppedAt, startedAt, stopCode), so
   * tasks the plan stopped must carry stopCode ServiceSchedulerInitiated, and the PRIMARY's stopped
   * tasks should be kept while it is IN_PROGRESS (forgetting them never lowers the counts, though).
   */
  readonly tasks: readonly ServiceTask[];
  /** DAEMON: the ACTIVE, connected instances that meet the service's constraints. */
  readonly daemonInstances?: readonly string[];
  /** The id for a rollback deployment, should one be needed (ids are minted by the caller). */
  readonly nextDeploymentId: string;
  /** Tuning; defaults per ECS-REFERENCE: 40 s healthy rule, 60 s lost-agent timeout. */
  readonly healthyAfterSeconds?: number;
  readonly lostAgentTimeoutSeconds?: number;
  /** Launch throttle: the first back-off, doubled per consecutive failed launch (default 5 s). */
  readonly launchBackoffSeconds?: number;
  /** Circuit-breaker rollback target: the task definition of the last COMPLETED deployment. */
  readonly rollbackTaskDefinitionArn?: string;
  /** The id of that deployment, named in the rollback's rolloutStateReason when known. */
  readonly rollbackDeploymentId?: string;
  /**
   * The current state of each deployment alarm CloudWatch knows (service.deploymentAlarms); absent
   * when not read yet, in which case the alarms decide nothing this step.
   */
  readonly alarmStates?: Readonly<Record<string, AlarmStateValue>>;
}

export interface TaskLaunch {
  readonly deploymentId: string;
  readonly count: number;
  /** DAEMON launches name their instance. */
  readonly instanceArn?: string;
}

export interface TaskStop {
  readonly taskArn: string;
  /** The task's stoppedReason, e.g. `Scaling activity initiated by (deployment ecs-svc/…)`. */
  readonly reason: string;
}

export interface ServicePlan {
  readonly launches: readonly TaskLaunch[];
  readonly stops: readonly TaskStop[];
  /** Every deployment still listed (INACTIVE ones dropped), including a new rollback PRIMARY. */
  readonly deployments: readonly DeploymentState[];
  /** Event messages to post, oldest first, e.g. `(service web) has reached a steady state.` */
  readonly events: readonly string[];
  /** True when the service is steady: one deployment, COMPLETED, running == desired. */
  readonly steady: boolean;
  /**
   * A DRAINING service (DeleteService) may become INACTIVE: every one of its tasks has reached
   * STOPPING or later, or sits on an agent presumed lost. Always false for an ACTIVE service.
   */
  readonly drained: boolean;
}

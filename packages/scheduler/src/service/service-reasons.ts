/**
 * The `stoppedReason` of tasks the service scheduler stops, and the deployments'
 * `rolloutStateReason`s. ECS's own wordings where ECS publishes them [G, observed DescribeTasks and
 * DescribeServices output]; (impl) marks Berth's wording where ECS is silent.
 */

const ROLLBACK_PREFIX = 'ECS deployment circuit breaker: rolling back to deploymentId';
const STOP_ROLLBACK_PREFIX = 'ECS deployment rolling back to deploymentId';

export const serviceReasons = {
  /** Replacement during a deployment and scale-in, as ECS words it. */
  scaling: (deploymentId: string): string => `Scaling activity initiated by (deployment ${deploymentId})`,
  /** A RUNNING task whose container health check reports UNHEALTHY past the grace period. */
  healthCheckFailed: 'Task failed container health checks',
  /** A RUNNING task whose load balancer target is unhealthy past the grace period. */
  targetHealthCheckFailed: (targetGroupArn: string): string =>
    `Task failed ELB health checks in (target-group ${targetGroupArn})`,
  isTargetHealthCheckFailure: (stoppedReason: string): boolean =>
    stoppedReason.startsWith('Task failed ELB health checks in '),
  /** (impl) The instance's agent has been silent for the lost-agent timeout: the task is presumed gone. */
  agentLost: 'Container instance lost: its agent stopped reporting',
  /** (impl) The instance was deregistered (or is otherwise no longer known) while the task lived. */
  instanceDeregistered: 'Container instance deregistered',
  /** (impl) PENDING tasks on a DRAINING instance, and RUNNING ones once replaced [G container-instance-draining]. */
  instanceDraining: 'Container instance is draining',
  /** (impl) DeleteService: a DRAINING service stops everything it still runs. */
  serviceDeleted: 'Service deleted',

  inProgress: (deploymentId: string): string => `ECS deployment ${deploymentId} in progress.`,
  completed: (deploymentId: string): string => `ECS deployment ${deploymentId} completed.`,
  circuitBreakerFailed: 'ECS deployment circuit breaker: tasks failed to start.',
  /** (impl) ECS publishes no wording: the deployment alarms that went into ALARM. */
  alarmsFailed: (alarmNames: readonly string[]): string =>
    `ECS deployment failed: alarm(s) ${alarmNames.join(', ')} went into ALARM state.`,
  /** Names the deployment rolled back *to* (the last COMPLETED one). */
  rollingBack: (deploymentId: string): string => `${ROLLBACK_PREFIX} ${deploymentId}.`,
  /** (impl) A rollback StopServiceDeployment asked for; names the deployment rolled back to. */
  stopRollingBack: (deploymentId: string): string =>
    `${STOP_ROLLBACK_PREFIX} ${deploymentId} (StopServiceDeployment).`,
  /** (impl) The deployment StopServiceDeployment stopped. */
  stoppedByRequest: 'ECS deployment stopped by StopServiceDeployment: rolling back.',
  /** A rollback deployment (circuit breaker or StopServiceDeployment): never rolled back again. */
  isRollback: (rolloutStateReason: string): boolean =>
    rolloutStateReason.startsWith(ROLLBACK_PREFIX) || rolloutStateReason.startsWith(STOP_ROLLBACK_PREFIX),
} as const;

/**
 * Service event messages, worded as ECS posts them [G service-event-messages.md]. `S` in
 * `(service S)` is the service name; a task is named by its id, the last segment of its ARN.
 * `has started N tasks` and `was unable to place a task` are not here: the caller posts those once
 * placement has run, because only it knows the new task ids and the placement failures.
 */

const taskId = (taskArn: string): string => taskArn.slice(taskArn.lastIndexOf('/') + 1);

export const serviceEvents = {
  healthCheckFailed: (service: string, taskArn: string): string =>
    `(service ${service}) (task ${taskId(taskArn)}) failed container health checks.`,
  /** The target of a task failed the health checks of its target group. */
  targetUnhealthy: (
    service: string,
    taskArn: string,
    port: number,
    targetGroupArn: string,
    description: string,
  ): string =>
    `(service ${service}) (port ${port}) is unhealthy in (target-group ${targetGroupArn}) due to (reason ${description}).` +
    ` (task ${taskId(taskArn)})`,
  stoppedRunningTasks: (service: string, taskArns: readonly string[]): string =>
    `(service ${service}) has stopped ${taskArns.length} running tasks: ${taskArns
      .map((arn) => `(task ${taskId(arn)})`)
      .join(' ')}.`,
  deploymentFailed: (service: string, deploymentId: string): string =>
    `(service ${service}) (deployment ${deploymentId}) deployment failed: tasks failed to start.`,
  /** (impl) ECS publishes no wording for a deployment its alarms failed. */
  deploymentAlarmFailed: (service: string, deploymentId: string, alarmNames: readonly string[]): string =>
    `(service ${service}) (deployment ${deploymentId}) deployment failed: alarm detected (${alarmNames.join(', ')}).`,
  /** Names the new (rollback) deployment: the one that later posts `deployment completed`. */
  rollingBack: (service: string, deploymentId: string): string =>
    `(service ${service}) rolling back to deployment ${deploymentId}.`,
  deploymentCompleted: (service: string, deploymentId: string): string =>
    `(service ${service}) (deployment ${deploymentId}) deployment completed.`,
  steadyState: (service: string): string => `(service ${service}) has reached a steady state.`,
  deploymentConfigurationStuck: (service: string): string =>
    `(service ${service}) was unable to stop or start tasks during a deployment because of the service ` +
    'deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
  launchesThrottled: (service: string): string =>
    `(service ${service}) is unable to consistently start tasks successfully.`,
  /**
   * (impl) ECS says it posts an event when protected tasks keep a deployment from reaching a steady
   * state [G task-scale-in-protection] but publishes no wording.
   */
  protectedTasksHeld: (service: string, count: number): string =>
    `(service ${service}) was unable to scale in due to (reason ${count} tasks under protection).`,
} as const;

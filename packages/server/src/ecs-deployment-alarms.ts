/**
 * ECS's DeploymentAlarms port served by CloudWatch: the deployment alarms' states come from the
 * alarmStates use case, in the service's partition.
 */
import type { CloudWatchUseCases } from '@berth/cloudwatch';
import type { DeploymentAlarms } from '@berth/ecs';

export const ecsDeploymentAlarms = (cloudWatch: CloudWatchUseCases): DeploymentAlarms => ({
  statesOf: (partition, names) => cloudWatch.alarmStates(names, partition),
});

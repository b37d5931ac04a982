/**
 * The checks a service's target groups share, the primary (`targetGroupArn`) and the blue/green
 * alternate alike: the group exists and has the target type the task definition's network mode
 * needs (awsvpc → ip; bridge/host → instance). Messages are ECS's for the primary.
 */
import { invalidParameter, type Partition } from '@berth/core';
import type { NetworkMode } from '@berth/wire/ecs';

import type { LoadBalancing, TargetGroupFacts } from './load-balancing.js';

/** The target group `arn` given as `member`; ECS's error when it does not exist. */
export const checkedTargetGroup = (
  loadBalancing: LoadBalancing,
  partition: Partition,
  arn: string,
  member: 'targetGroupArn' | 'alternateTargetGroupArn',
): TargetGroupFacts => {
  const group = loadBalancing.targetGroup(partition, arn);
  if (!group)
    // ECS validates through the service's role, so a missing group reads as a role failure.
    // (impl) for alternateTargetGroupArn: ECS's wording for targetGroupArn, with the member's name.
    throw invalidParameter(
      `Unable to assume role and validate the specified ${member}. Please verify that the ECS service role being passed has the proper permissions.`,
    );
  return group;
};

export const checkTargetType = (arn: string, group: TargetGroupFacts, networkMode: NetworkMode): void => {
  const wanted = networkMode === 'awsvpc' ? 'ip' : 'instance';
  if (group.targetType !== wanted)
    throw invalidParameter(
      `The provided target group ${arn} has target type ${group.targetType}, which is incompatible with the ${networkMode} network mode specified in the task definition.`,
    );
};

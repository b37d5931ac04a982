/**
 * Auto Scaling group references. ECS accepts an Auto Scaling group ARN
 * (arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<NAME>)
 * or a plain group name. In Berth a group is a named set of agents (`berth agent
 * --auto-scaling-group NAME`), so what matters is the NAME; the given value is kept as is.
 */
import { clientException, type ApiError } from '@berth/core';

const GROUP_ARN =
  /^arn:aws[a-z-]*:autoscaling:[a-z0-9-]*:\d*:autoScalingGroup:[^:]*:autoScalingGroupName\/(.+)$/;
const MAX_GROUP_NAME = 255;

// (impl) ECS validates the group against EC2 Auto Scaling; its message for a malformed ARN is not
// published. Worded after its other capacity provider messages.
const invalidGroup = (): ApiError =>
  clientException(
    'The specified Auto Scaling group ARN is invalid. Specify a valid Auto Scaling group ARN and try again.',
  );

/** The group NAME an `autoScalingGroupArn` value names, or ClientException. */
export const autoScalingGroupName = (value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0) throw invalidGroup();
  if (value.startsWith('arn:')) {
    const name = GROUP_ARN.exec(value)?.[1];
    if (name === undefined || name.length > MAX_GROUP_NAME) throw invalidGroup();
    return name;
  }
  if (value.length > MAX_GROUP_NAME) throw invalidGroup();
  return value;
};

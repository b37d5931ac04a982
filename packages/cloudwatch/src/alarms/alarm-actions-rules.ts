/**
 * Which action ARNs an alarm may name, as PutMetricAlarm and PutCompositeAlarm check them: SNS
 * topics, Auto Scaling (and Application Auto Scaling) policies, EC2 actions, SSM OpsItems and
 * incident response plans, and Lambda functions; at most 5 per list.
 */
import { validationError } from '../services/cloudwatch-errors.js';

const ACTION_PATTERNS: readonly RegExp[] = [
  /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/,
  /^arn:aws[a-z-]*:autoscaling:[a-z0-9-]+:\d{12}:scalingPolicy:.+$/,
  /^arn:aws[a-z-]*:automate:[a-z0-9-]+:ec2:(stop|terminate|reboot|recover)$/,
  /^arn:aws[a-z-]*:swf:[a-z0-9-]+:\d{12}:action\/actions\/AWS_EC2\.InstanceId\.(Stop|Terminate|Reboot)\/1\.0$/,
  /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:opsitem:[1-4](#CATEGORY=.+)?$/,
  /^arn:aws[a-z-]*:ssm-incidents::\d{12}:responseplan\/.+$/,
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/,
];

export const MAX_ACTIONS = 5;

export const isAutoScalingAction = (arn: string): boolean => /^arn:aws[a-z-]*:autoscaling:/.test(arn);

export const checkActions = (actions: readonly string[] | undefined, member: string): string[] => {
  const list = actions ?? [];
  if (list.length > MAX_ACTIONS)
    throw validationError(`The collection ${member} must not have a size greater than ${MAX_ACTIONS}.`);
  for (const arn of list) {
    if (typeof arn !== 'string' || !arn.startsWith('arn:'))
      throw validationError(`Invalid arn syntax: ${String(arn)}`);
    if (!ACTION_PATTERNS.some((p) => p.test(arn)))
      throw validationError(`Invalid ${member.replace(/s$/, '')}: ${arn} is not a valid alarm action ARN.`);
  }
  return [...new Set(list)];
};

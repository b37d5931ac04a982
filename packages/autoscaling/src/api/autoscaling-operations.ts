/**
 * The Application Auto Scaling handlers: decode, call one use case, shape the reply. Predictive
 * scaling's GetPredictiveScalingForecast answers a ValidationException saying Berth lacks it.
 */
import type { Operation } from '@berth/gateway';
import type {
  DeleteScalingPolicyRequest,
  DeleteScheduledActionRequest,
  DeregisterScalableTargetRequest,
  DescribeScalableTargetsRequest,
  DescribeScalingActivitiesRequest,
  DescribeScalingPoliciesRequest,
  DescribeScheduledActionsRequest,
  ListTagsForResourceRequest,
  PutScalingPolicyRequest,
  PutScheduledActionRequest,
  RegisterScalableTargetRequest,
  TagResourceRequest,
  UntagResourceRequest,
} from '@berth/wire/application-autoscaling';

import { notSupported } from '../services/autoscaling-errors.js';
import type { Page } from '../services/pagination.js';
import { requireMember, targetRefOf } from '../services/target-request.js';

import type { AutoScalingServices } from './autoscaling-services.js';

/** Decoded input viewed as its wire shape: the use cases check every value they use. */
const as = <T>(input: Record<string, unknown>): T => input as T;

const page = <K extends string, T>(member: K, { items, nextToken }: Page<T>): Record<string, unknown> => ({
  [member]: items,
  ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
});

export const autoScalingOperations = (services: AutoScalingServices): Record<string, Operation> => ({
  RegisterScalableTarget: (ctx, input) => ({
    ScalableTargetARN: services.targets.register(ctx.partition, as<RegisterScalableTargetRequest>(input)),
  }),
  DeregisterScalableTarget: async (ctx, input) => {
    const alarms = services.targets.deregister(
      ctx.partition,
      targetRefOf(as<DeregisterScalableTargetRequest>(input)),
    );
    await services.policies.deleteAlarms(ctx.partition, 'of the deregistered target’s policies', alarms);
    return {};
  },
  DescribeScalableTargets: (ctx, input) =>
    page(
      'ScalableTargets',
      services.targets.describe(ctx.partition, as<DescribeScalableTargetsRequest>(input)),
    ),
  PutScalingPolicy: (ctx, input) => services.policies.put(ctx.partition, as<PutScalingPolicyRequest>(input)),
  DeleteScalingPolicy: async (ctx, input) => {
    const request = as<DeleteScalingPolicyRequest>(input);
    await services.policies.delete(ctx.partition, targetRefOf(request), request.PolicyName);
    return {};
  },
  DescribeScalingPolicies: (ctx, input) =>
    page(
      'ScalingPolicies',
      services.policies.describe(ctx.partition, as<DescribeScalingPoliciesRequest>(input)),
    ),
  PutScheduledAction: (ctx, input) => {
    services.scheduledActions.put(ctx.partition, as<PutScheduledActionRequest>(input));
    return {};
  },
  DeleteScheduledAction: (ctx, input) => {
    const request = as<DeleteScheduledActionRequest>(input);
    services.scheduledActions.delete(ctx.partition, targetRefOf(request), request.ScheduledActionName);
    return {};
  },
  DescribeScheduledActions: (ctx, input) =>
    page(
      'ScheduledActions',
      services.scheduledActions.describe(ctx.partition, as<DescribeScheduledActionsRequest>(input)),
    ),
  DescribeScalingActivities: (ctx, input) =>
    page(
      'ScalingActivities',
      services.activities.describe(ctx.partition, as<DescribeScalingActivitiesRequest>(input)),
    ),
  TagResource: (ctx, input) => {
    const request = as<TagResourceRequest>(input);
    requireMember(request.ResourceARN, 'resourceARN');
    services.tags.tag(ctx.partition, request.ResourceARN, request.Tags ?? {});
    return {};
  },
  UntagResource: (ctx, input) => {
    const request = as<UntagResourceRequest>(input);
    requireMember(request.ResourceARN, 'resourceARN');
    services.tags.untag(ctx.partition, request.ResourceARN, request.TagKeys ?? []);
    return {};
  },
  ListTagsForResource: (ctx, input) => {
    const request = as<ListTagsForResourceRequest>(input);
    requireMember(request.ResourceARN, 'resourceARN');
    return { Tags: services.tags.list(ctx.partition, request.ResourceARN) };
  },
  GetPredictiveScalingForecast: () => {
    throw notSupported('predictive scaling (GetPredictiveScalingForecast)');
  },
});

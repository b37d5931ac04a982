/** Registered-target handlers: RegisterTargets, DeregisterTargets, DescribeTargetHealth. */
import type { Operation } from '@berth/gateway';
import type {
  DeregisterTargetsInput,
  DescribeTargetHealthInput,
  DescribeTargetHealthOutput,
  RegisterTargetsInput,
} from '@berth/wire/elbv2';

import type { Elbv2Services } from './elbv2-services.js';
import { as } from './input.js';

export const targetOperations = ({ targets }: Elbv2Services): Record<string, Operation> => ({
  RegisterTargets: (ctx, input) => {
    const request = as<RegisterTargetsInput>(input);
    targets.register(ctx.partition, request.TargetGroupArn, request.Targets);
    return {};
  },
  DeregisterTargets: (ctx, input) => {
    const request = as<DeregisterTargetsInput>(input);
    targets.deregister(ctx.partition, request.TargetGroupArn, request.Targets);
    return {};
  },
  DescribeTargetHealth: (ctx, input): DescribeTargetHealthOutput => {
    const request = as<DescribeTargetHealthInput>(input);
    return {
      TargetHealthDescriptions: targets.describeHealth(
        ctx.partition,
        request.TargetGroupArn,
        request.Targets,
      ),
    };
  },
});

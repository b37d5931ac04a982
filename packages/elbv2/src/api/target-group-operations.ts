/** Target group handlers: Create/Describe/Modify/Delete TargetGroup(s) and their attributes. */
import type { Operation } from '@berth/gateway';
import type {
  CreateTargetGroupInput,
  CreateTargetGroupOutput,
  DeleteTargetGroupInput,
  DescribeTargetGroupAttributesInput,
  DescribeTargetGroupAttributesOutput,
  DescribeTargetGroupsInput,
  DescribeTargetGroupsOutput,
  ModifyTargetGroupAttributesInput,
  ModifyTargetGroupAttributesOutput,
  ModifyTargetGroupInput,
  ModifyTargetGroupOutput,
} from '@berth/wire/elbv2';

import type { Elbv2Services } from './elbv2-services.js';
import { as, marker } from './input.js';

export const targetGroupOperations = ({ targetGroups }: Elbv2Services): Record<string, Operation> => ({
  CreateTargetGroup: (ctx, input): CreateTargetGroupOutput => ({
    TargetGroups: [targetGroups.create(ctx.partition, as<CreateTargetGroupInput>(input))],
  }),
  DescribeTargetGroups: (ctx, input): DescribeTargetGroupsOutput => {
    const page = targetGroups.describe(ctx.partition, as<DescribeTargetGroupsInput>(input));
    return { TargetGroups: page.items, ...marker(page) };
  },
  ModifyTargetGroup: (ctx, input): ModifyTargetGroupOutput => ({
    TargetGroups: [targetGroups.modify(ctx.partition, as<ModifyTargetGroupInput>(input))],
  }),
  DeleteTargetGroup: (ctx, input) => {
    targetGroups.delete(ctx.partition, as<DeleteTargetGroupInput>(input).TargetGroupArn);
    return {};
  },
  DescribeTargetGroupAttributes: (ctx, input): DescribeTargetGroupAttributesOutput => ({
    Attributes: targetGroups.describeAttributes(
      ctx.partition,
      as<DescribeTargetGroupAttributesInput>(input).TargetGroupArn,
    ),
  }),
  ModifyTargetGroupAttributes: (ctx, input): ModifyTargetGroupAttributesOutput => {
    const request = as<ModifyTargetGroupAttributesInput>(input);
    return {
      Attributes: targetGroups.modifyAttributes(ctx.partition, request.TargetGroupArn, request.Attributes),
    };
  },
});

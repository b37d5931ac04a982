/** Load balancer handlers: Create/Describe/Delete LoadBalancers and their attributes. */
import type { Operation } from '@berth/gateway';
import type {
  CreateLoadBalancerInput,
  CreateLoadBalancerOutput,
  DeleteLoadBalancerInput,
  DescribeLoadBalancerAttributesInput,
  DescribeLoadBalancerAttributesOutput,
  DescribeLoadBalancersInput,
  DescribeLoadBalancersOutput,
  ModifyLoadBalancerAttributesInput,
  ModifyLoadBalancerAttributesOutput,
} from '@berth/wire/elbv2';

import type { Elbv2Services } from './elbv2-services.js';
import { as, marker } from './input.js';

export const loadBalancerOperations = ({ loadBalancers }: Elbv2Services): Record<string, Operation> => ({
  CreateLoadBalancer: (ctx, input): CreateLoadBalancerOutput => ({
    LoadBalancers: [loadBalancers.create(ctx.partition, as<CreateLoadBalancerInput>(input))],
  }),
  DescribeLoadBalancers: (ctx, input): DescribeLoadBalancersOutput => {
    const page = loadBalancers.describe(ctx.partition, as<DescribeLoadBalancersInput>(input));
    return { LoadBalancers: page.items, ...marker(page) };
  },
  DeleteLoadBalancer: (ctx, input) => {
    loadBalancers.delete(ctx.partition, as<DeleteLoadBalancerInput>(input).LoadBalancerArn);
    return {};
  },
  DescribeLoadBalancerAttributes: (ctx, input): DescribeLoadBalancerAttributesOutput => ({
    Attributes: loadBalancers.describeAttributes(
      ctx.partition,
      as<DescribeLoadBalancerAttributesInput>(input).LoadBalancerArn,
    ),
  }),
  ModifyLoadBalancerAttributes: (ctx, input): ModifyLoadBalancerAttributesOutput => {
    const request = as<ModifyLoadBalancerAttributesInput>(input);
    return {
      Attributes: loadBalancers.modifyAttributes(ctx.partition, request.LoadBalancerArn, request.Attributes),
    };
  },
});

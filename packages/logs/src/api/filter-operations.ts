/** Metric and subscription filter handlers. */
import type { Operation } from '@berth/gateway';
import type {
  DeleteMetricFilterRequest,
  DeleteSubscriptionFilterRequest,
  DescribeMetricFiltersRequest,
  DescribeMetricFiltersResponse,
  DescribeSubscriptionFiltersRequest,
  DescribeSubscriptionFiltersResponse,
  PutMetricFilterRequest,
  PutSubscriptionFilterRequest,
  TestMetricFilterRequest,
} from '@berth/wire/logs';

import { as, nextToken } from './input.js';
import type { LogsServices } from './logs-services.js';

export const filterOperations = ({
  metricFilters,
  subscriptionFilters,
}: LogsServices): Record<string, Operation> => ({
  PutMetricFilter: async (ctx, input) => {
    await metricFilters.put(ctx.partition, as<PutMetricFilterRequest>(input));
    return {};
  },
  DescribeMetricFilters: async (ctx, input): Promise<DescribeMetricFiltersResponse> => {
    const page = await metricFilters.describe(ctx.partition, as<DescribeMetricFiltersRequest>(input));
    return { metricFilters: page.items, ...nextToken(page) };
  },
  DeleteMetricFilter: async (ctx, input) => {
    await metricFilters.delete(ctx.partition, as<DeleteMetricFilterRequest>(input));
    return {};
  },
  TestMetricFilter: (_ctx, input) => Promise.resolve(metricFilters.test(as<TestMetricFilterRequest>(input))),
  PutSubscriptionFilter: async (ctx, input) => {
    await subscriptionFilters.put(ctx.partition, as<PutSubscriptionFilterRequest>(input));
    return {};
  },
  DescribeSubscriptionFilters: async (ctx, input): Promise<DescribeSubscriptionFiltersResponse> => {
    const page = await subscriptionFilters.describe(
      ctx.partition,
      as<DescribeSubscriptionFiltersRequest>(input),
    );
    return { subscriptionFilters: page.items, ...nextToken(page) };
  },
  DeleteSubscriptionFilter: async (ctx, input) => {
    await subscriptionFilters.delete(ctx.partition, as<DeleteSubscriptionFilterRequest>(input));
    return {};
  },
});

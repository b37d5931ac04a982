/** The metric handlers: PutMetricData, GetMetricStatistics, GetMetricData, ListMetrics. */
import type { Operation, RequestContext } from '@berth/gateway';
import type {
  GetMetricDataInput,
  GetMetricStatisticsInput,
  ListMetricsInput,
  PutMetricDataInput,
} from '@berth/wire/cloudwatch';
import type { MetricScope } from '@berth/telemetry';

import type { CloudWatchServices } from './cloudwatch-services.js';

/** Decoded input viewed as its wire shape: the services check every value they use. */
const as = <T>(input: Record<string, unknown>): T => input as T;
const scopeOf = (ctx: RequestContext): MetricScope => ctx.partition;

export const metricOperations = ({ metrics, metricData }: CloudWatchServices): Record<string, Operation> => ({
  PutMetricData: async (ctx, input) => {
    const request = as<PutMetricDataInput>(input);
    const data = [
      ...(request.MetricData ?? []),
      ...(request.EntityMetricData ?? []).flatMap((e) => e.MetricData ?? []),
    ];
    await metrics.put(
      scopeOf(ctx),
      request.Namespace,
      request.MetricData || request.EntityMetricData ? data : undefined,
    );
    return {};
  },
  GetMetricStatistics: (ctx, input) =>
    metrics.getStatistics(scopeOf(ctx), as<GetMetricStatisticsInput>(input)),
  GetMetricData: (ctx, input) => metricData.getData(scopeOf(ctx), as<GetMetricDataInput>(input)),
  ListMetrics: (ctx, input) => metrics.list(scopeOf(ctx), as<ListMetricsInput>(input)),
});

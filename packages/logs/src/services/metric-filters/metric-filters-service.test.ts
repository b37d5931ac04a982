import { describe, expect, it } from 'vitest';
import { SqliteLogStore } from '@berth/telemetry';
import type { DescribeMetricFiltersResponse } from '@berth/wire/logs';

import { createLogsModule } from '../../logs-module.js';
import { CTX, NOW, unitLogs } from '../../test-support/logs.test-support.js';

import type { LogMetricSink } from './log-metric-sink.js';

const countErrors = (name: string, group = 'g') => ({
  logGroupName: group,
  filterName: name,
  filterPattern: 'ERROR',
  metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1' }],
});

describe('MetricFiltersService', () => {
  it('publishes from the use case the agent’s shipping calls, as from the API', async () => {
    const published: number[] = [];
    const sink: LogMetricSink = {
      putMetricData: (_scope, _namespace, data) => {
        published.push(...data.map((d) => d.StatisticValues.Sum));
        return Promise.resolve();
      },
    };
    const t = unitLogs({ metricSink: sink });
    await t.groupAndStream();
    await t.call('PutMetricFilter', countErrors('errors'));
    await t.module.useCases.putLogEvents(CTX.partition, {
      logGroupName: 'g',
      logStreamName: 's',
      logEvents: ['ERROR a', 'ok', 'ERROR b'].map((message) => ({ timestamp: NOW, message })),
    });
    expect(published).toEqual([2]);
  });

  it('stores the events when publishing fails, and logs the failure', async () => {
    const logged: string[] = [];
    const module = createLogsModule({
      store: new SqliteLogStore(':memory:'),
      now: () => NOW,
      log: (message) => logged.push(message),
      metricSink: { putMetricData: () => Promise.reject(new Error('CloudWatch is away')) },
    });
    const logs = module.useCases;
    await logs.createLogGroup(CTX.partition, { logGroupName: 'g' });
    await logs.createLogStream(CTX.partition, 'g', 's');
    await module.services.metricFilters.put(CTX.partition, countErrors('errors'));
    const put = await logs.putLogEvents(CTX.partition, {
      logGroupName: 'g',
      logStreamName: 's',
      logEvents: [{ timestamp: NOW, message: 'ERROR' }],
    });
    expect(put.nextSequenceToken).toMatch(/^0*1$/);
    expect(logged).toEqual(['metric filters: publishing failed']);
  });

  it('applies filterNamePrefix only with a logGroupName, as CloudWatch Logs does', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await t.call('PutMetricFilter', countErrors('a-1'));
    await t.call('PutMetricFilter', countErrors('b-1'));
    const names = async (input: object): Promise<string[]> =>
      (await t.call<DescribeMetricFiltersResponse>('DescribeMetricFilters', input)).metricFilters!.map(
        (f) => f.filterName!,
      );
    expect(await names({ filterNamePrefix: 'a' })).toEqual(['a-1', 'b-1']);
    expect(await names({ logGroupName: 'g', filterNamePrefix: 'a' })).toEqual(['a-1']);
  });
});

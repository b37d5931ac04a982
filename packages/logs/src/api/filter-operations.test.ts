import { describe, expect, it } from 'vitest';
import type {
  DescribeLogGroupsResponse,
  DescribeMetricFiltersResponse,
  DescribeSubscriptionFiltersResponse,
  TestMetricFilterResponse,
} from '@berth/wire/logs';

import type { LogMetricDatum, LogMetricSink } from '../services/metric-filters/log-metric-sink.js';
import { NOW, OTHER_REGION, unitLogs } from '../test-support/logs.test-support.js';

const latencyFilter = (name = 'latency', more: object = {}) => ({
  logGroupName: 'g',
  filterName: name,
  filterPattern: '{ $.latency > 100 }',
  metricTransformations: [
    { metricName: 'Latency', metricNamespace: 'App', metricValue: '$.latency', unit: 'Milliseconds' },
  ],
  ...more,
});

const recordingSink = (): LogMetricSink & { calls: [string, string, LogMetricDatum[]][] } => {
  const calls: [string, string, LogMetricDatum[]][] = [];
  return {
    calls,
    putMetricData: (scope, namespace, data) => {
      calls.push([scope.region, namespace, [...data]]);
      return Promise.resolve();
    },
  };
};

describe('metric filters', () => {
  it('publish what matching events extract, one call per batch and namespace, in the caller’s partition', async () => {
    const sink = recordingSink();
    const t = unitLogs({ metricSink: sink });
    await t.groupAndStream();
    await t.call('PutMetricFilter', latencyFilter());
    const minute = Math.floor((NOW - 1000) / 60_000) * 60;
    await t.call('PutLogEvents', {
      logGroupName: 'g',
      logStreamName: 's',
      logEvents: ['{"latency": 150}', '{"latency": 90}', '{"latency": 250}', 'not json'].map((message) => ({
        timestamp: NOW - 1000,
        message,
      })),
    });
    expect(sink.calls).toEqual([
      [
        'us-east-1',
        'App',
        [
          {
            MetricName: 'Latency',
            Dimensions: [],
            Timestamp: minute,
            StatisticValues: { SampleCount: 2, Sum: 400, Minimum: 150, Maximum: 250 },
            Unit: 'Milliseconds',
          },
        ],
      ],
    ]);
  });

  it('are described by group, name prefix and metric, paged, and deleted', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await t.call('CreateLogGroup', { logGroupName: 'h' });
    await t.call('PutMetricFilter', latencyFilter('b'));
    await t.call('PutMetricFilter', latencyFilter('a'));
    await t.call('PutMetricFilter', { ...latencyFilter('c'), logGroupName: 'h' });
    const names = async (input: object): Promise<string[]> =>
      (await t.call<DescribeMetricFiltersResponse>('DescribeMetricFilters', input)).metricFilters!.map(
        (f) => `${f.logGroupName}/${f.filterName}`,
      );
    expect(await names({})).toEqual(['g/a', 'g/b', 'h/c']);
    expect(await names({ logGroupName: 'g', filterNamePrefix: 'b' })).toEqual(['g/b']);
    expect(await names({ metricName: 'Latency', metricNamespace: 'App' })).toHaveLength(3);
    expect(await names({ metricName: 'Latency', metricNamespace: 'Other' })).toEqual([]);
    const first = await t.call<DescribeMetricFiltersResponse>('DescribeMetricFilters', { limit: 2 });
    expect(first.nextToken).toBeDefined();
    expect(await names({ limit: 2, nextToken: first.nextToken })).toEqual(['h/c']);
    const [shown] = (
      await t.call<DescribeMetricFiltersResponse>('DescribeMetricFilters', { logGroupName: 'h' })
    ).metricFilters!;
    expect(shown).toEqual({
      filterName: 'c',
      filterPattern: '{ $.latency > 100 }',
      metricTransformations: latencyFilter().metricTransformations,
      creationTime: NOW,
      logGroupName: 'h',
      applyOnTransformedLogs: false,
    });
    const [group] = (
      await t.call<DescribeLogGroupsResponse>('DescribeLogGroups', { logGroupNamePrefix: 'g' })
    ).logGroups!;
    expect(group?.metricFilterCount).toBe(2);
    await t.call('DeleteMetricFilter', { logGroupName: 'g', filterName: 'a' });
    expect(await t.errorOf('DeleteMetricFilter', { logGroupName: 'g', filterName: 'a' })).toBe(
      'ResourceNotFoundException: The specified resource does not exist.',
    );
    expect(await names({ logGroupName: 'g' })).toEqual(['g/b']);
    expect(await t.errorOf('DescribeMetricFilters', { logGroupName: 'g' }, OTHER_REGION)).toBe(
      'ResourceNotFoundException: The specified log group does not exist.',
    );
  });

  it('are checked as CloudWatch Logs checks them', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    const transformation = latencyFilter().metricTransformations[0]!;
    const put = (more: object): Promise<string> => t.errorOf('PutMetricFilter', latencyFilter('f', more));
    expect(await put({ logGroupName: 'none' })).toBe(
      'ResourceNotFoundException: The specified log group does not exist.',
    );
    expect(await put({ filterPattern: '{ $.latency > }' })).toBe(
      'InvalidParameterException: Invalid metric filter pattern',
    );
    expect(await put({ metricTransformations: [] })).toMatch(
      /^InvalidParameterException: .*greater than or equal to 1$/,
    );
    expect(await put({ metricTransformations: [transformation, transformation] })).toMatch(
      /less than or equal to 1$/,
    );
    expect(await put({ metricTransformations: [{ ...transformation, metricValue: '$status' }] })).toMatch(
      /^InvalidParameterException: Invalid metric value/,
    );
    expect(await put({ metricTransformations: [{ ...transformation, metricValue: 'many' }] })).toMatch(
      /^InvalidParameterException: Invalid metric value/,
    );
    expect(
      await put({
        metricTransformations: [{ ...transformation, defaultValue: 0, dimensions: { Path: '$.path' } }],
      }),
    ).toBe('InvalidParameterException: A metric filter with dimensions cannot have a default value.');
    expect(
      await put({
        metricTransformations: [
          { ...transformation, dimensions: { A: '$.a', B: '$.b', C: '$.c', D: '$.d' } },
        ],
      }),
    ).toMatch(/dimensions' failed to satisfy constraint: Member must have length less than or equal to 3$/);
    expect(await put({ metricTransformations: [{ ...transformation, unit: 'Parsecs' }] })).toMatch(
      /enum value set/,
    );
    expect(await put({ applyOnTransformedLogs: true })).toMatch(
      /^InvalidOperationException: Berth does not support/,
    );
    expect(await put({ metricTransformations: [{ ...transformation, metricValue: '1' }] })).toBe('none');
    for (let i = 1; i < 100; i += 1) await t.call('PutMetricFilter', latencyFilter(`f${i}`));
    expect(await put({})).toBe('none');
    expect(await t.errorOf('PutMetricFilter', latencyFilter('one-too-many'))).toBe(
      'LimitExceededException: Resource limit exceeded.',
    );
    expect(await t.errorOf('DescribeMetricFilters', { metricName: 'Latency' })).toMatch(
      /^InvalidParameterException/,
    );
  });

  it('are tested against messages, answering the matches with their extracted values', async () => {
    const t = unitLogs();
    const out = await t.call<TestMetricFilterResponse>('TestMetricFilter', {
      filterPattern: '[ip, user, status = 5*]',
      logEventMessages: ['1.1.1.1 bob 200', '2.2.2.2 ann 503'],
    });
    expect(out).toEqual({
      matches: [
        {
          eventNumber: 2,
          eventMessage: '2.2.2.2 ann 503',
          extractedValues: { $ip: '2.2.2.2', $user: 'ann', $status: '503' },
        },
      ],
    });
    expect(await t.errorOf('TestMetricFilter', { filterPattern: 'x', logEventMessages: [] })).toMatch(
      /^InvalidParameterException: logEventMessages/,
    );
  });
});

describe('subscription filters', () => {
  const subscription = (name: string, more: object = {}) => ({
    logGroupName: 'g',
    filterName: name,
    filterPattern: 'ERROR',
    destinationArn: 'arn:aws:lambda:us-east-1:123456789012:function:errors',
    ...more,
  });

  it('are stored, at most two per group, and described and deleted', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await t.call('PutSubscriptionFilter', subscription('a'));
    await t.call('PutSubscriptionFilter', subscription('b', { distribution: 'Random' }));
    await t.call('PutSubscriptionFilter', subscription('b', { filterPattern: 'WARN' }));
    expect(await t.errorOf('PutSubscriptionFilter', subscription('c'))).toBe(
      'LimitExceededException: Resource limit exceeded.',
    );
    const out = await t.call<DescribeSubscriptionFiltersResponse>('DescribeSubscriptionFilters', {
      logGroupName: 'g',
    });
    expect(out.subscriptionFilters).toEqual([
      {
        filterName: 'a',
        logGroupName: 'g',
        filterPattern: 'ERROR',
        destinationArn: 'arn:aws:lambda:us-east-1:123456789012:function:errors',
        distribution: 'ByLogStream',
        applyOnTransformedLogs: false,
        creationTime: NOW,
      },
      expect.objectContaining({ filterName: 'b', filterPattern: 'WARN', distribution: 'ByLogStream' }),
    ]);
    await t.call('DeleteSubscriptionFilter', { logGroupName: 'g', filterName: 'a' });
    expect(await t.errorOf('DeleteSubscriptionFilter', { logGroupName: 'g', filterName: 'a' })).toBe(
      'ResourceNotFoundException: The specified resource does not exist.',
    );
    expect(await t.errorOf('PutSubscriptionFilter', subscription('c'))).toBe('none');
  });

  it('are checked as CloudWatch Logs checks them', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    const put = (more: object): Promise<string> =>
      t.errorOf('PutSubscriptionFilter', subscription('f', more));
    expect(await put({ destinationArn: undefined })).toBe(
      'InvalidParameterException: destinationArn is required.',
    );
    expect(await put({ destinationArn: 'somewhere' })).toBe(
      'InvalidParameterException: Invalid destinationArn: somewhere',
    );
    expect(await put({ distribution: 'Evenly' })).toMatch(/enum value set: \[Random, ByLogStream\]$/);
    expect(await put({ filterPattern: '{ $.a = ' })).toBe(
      'InvalidParameterException: Invalid subscription filter pattern',
    );
    expect(await put({ logGroupName: 'none' })).toBe(
      'ResourceNotFoundException: The specified log group does not exist.',
    );
    expect(await t.errorOf('DescribeSubscriptionFilters', {})).toBe(
      'InvalidParameterException: logGroupName is required.',
    );
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { putMinutes, T0, unitCloudWatch } from '../test-support/cloudwatch.test-support.js';

const stats = (extra: object = {}): object => ({
  Namespace: 'App',
  MetricName: 'Latency',
  Dimensions: [{ Name: 'Service', Value: 'web' }],
  StartTime: T0,
  EndTime: T0 + 600,
  Period: 60,
  Statistics: ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'],
  ...extra,
});

describe('PutMetricData', () => {
  const datum = (d: object): object => ({ Namespace: 'App', MetricData: [{ MetricName: 'm', ...d }] });

  it('checks namespace, value forms, units, resolution, dimensions and timestamps', async () => {
    const t = unitCloudWatch();
    expect(
      await t.errorOf('PutMetricData', { Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'm', Value: 1 }] }),
    ).toBe('InvalidParameterValue: The value AWS/EC2 for parameter Namespace is invalid.');
    expect(await t.errorOf('PutMetricData', { MetricData: [] })).toBe(
      'MissingParameter: The parameter Namespace is required.',
    );
    expect(
      await t.errorOf(
        'PutMetricData',
        datum({ Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }),
      ),
    ).toBe(
      'InvalidParameterCombination: The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.',
    );
    expect(await t.errorOf('PutMetricData', datum({ Value: 1, Unit: 'Parsecs' }))).toBe(
      'InvalidParameterValue: The value Parsecs for parameter MetricData.member.1.Unit is invalid.',
    );
    expect(await t.errorOf('PutMetricData', datum({ Value: 1, StorageResolution: 5 }))).toBe(
      'InvalidParameterValue: The value 5 for parameter MetricData.member.1.StorageResolution is invalid.',
    );
    const dims = Array.from({ length: 31 }, (_, i) => ({ Name: `d${i}`, Value: 'v' }));
    expect(await t.errorOf('PutMetricData', datum({ Value: 1, Dimensions: dims }))).toBe(
      'InvalidParameterValue: The collection MetricData.member.1.Dimensions must not have a size greater than 30.',
    );
    expect(await t.errorOf('PutMetricData', datum({ Value: 1, Timestamp: T0 + 3600 - 15 * 86400 }))).toMatch(
      /two weeks in the past/,
    );
    expect(await t.errorOf('PutMetricData', datum({ Value: 1, Timestamp: T0 + 3600 + 3 * 3600 }))).toMatch(
      /two hours in the future/,
    );
    expect(await t.errorOf('PutMetricData', datum({ Values: [1, 2], Counts: [1] }))).toMatch(
      /must be of the same size/,
    );
    const many = {
      Namespace: 'App',
      MetricData: Array.from({ length: 1001 }, () => ({ MetricName: 'm', Value: 1 })),
    };
    expect(await t.errorOf('PutMetricData', many)).toBe(
      'InvalidParameterValue: The collection MetricData must not have a size greater than 1000.',
    );
  });

  it('lets Berth’s own metrics use AWS/ namespaces', async () => {
    const t = unitCloudWatch();
    await t.module.useCases.putMetricData({ accountId: '123456789012', region: 'us-east-1' }, 'AWS/ECS', [
      { MetricName: 'CPUUtilization', Value: 50, Timestamp: T0 },
    ]);
    expect((await t.call('ListMetrics', { Namespace: 'AWS/ECS' }))['Metrics']).toHaveLength(1);
  });
});

describe('GetMetricStatistics', () => {
  it('answers each period’s statistics from the merged statistic sets', async () => {
    const t = unitCloudWatch();
    await putMinutes(t, [10, 20]);
    await t.call('PutMetricData', {
      Namespace: 'App',
      MetricData: [
        {
          MetricName: 'Latency',
          Dimensions: [{ Name: 'Service', Value: 'web' }],
          Timestamp: T0 + 30,
          Values: [4, 6],
          Counts: [1, 3],
          Unit: 'Milliseconds',
        },
      ],
    });
    const out = await t.call('GetMetricStatistics', stats());
    expect(out['Label']).toBe('Latency');
    expect(out['Datapoints']).toEqual([
      {
        Timestamp: T0,
        Unit: 'Milliseconds',
        Average: 32 / 5,
        Maximum: 10,
        Minimum: 4,
        Sum: 32,
        SampleCount: 5,
      },
      {
        Timestamp: T0 + 60,
        Unit: 'Milliseconds',
        Average: 20,
        Maximum: 20,
        Minimum: 20,
        Sum: 20,
        SampleCount: 1,
      },
    ]);
    const fiveMinutes = await t.call('GetMetricStatistics', stats({ Period: 300, Statistics: ['Sum'] }));
    expect(fiveMinutes['Datapoints']).toEqual([{ Timestamp: T0, Unit: 'Milliseconds', Sum: 52 }]);
    expect((await t.call('GetMetricStatistics', stats({ Unit: 'Seconds' })))['Datapoints']).toEqual([]);
  });

  it('checks period, statistics, time range and the 1,440-datapoint limit', async () => {
    const t = unitCloudWatch();
    expect(await t.errorOf('GetMetricStatistics', stats({ Period: 90 }))).toBe(
      'InvalidParameterValue: The parameter Period must be a multiple of 60.',
    );
    expect(await t.errorOf('GetMetricStatistics', stats({ Period: 10 }))).toBe('none');
    expect(await t.errorOf('GetMetricStatistics', stats({ Statistics: [] }))).toBe(
      'InvalidParameterCombination: Must specify either Statistics or ExtendedStatistics.',
    );
    expect(
      await t.errorOf('GetMetricStatistics', stats({ Statistics: [], ExtendedStatistics: ['p99'] })),
    ).toMatch(/^InvalidParameterCombination: .*ExtendedStatistics/);
    expect(await t.errorOf('GetMetricStatistics', stats({ EndTime: T0 }))).toBe(
      'InvalidParameterValue: The parameter StartTime must be less than the parameter EndTime.',
    );
    expect(await t.errorOf('GetMetricStatistics', stats({ EndTime: T0 + 1441 * 60 }))).toBe(
      'InvalidParameterCombination: You have requested up to 1,441 datapoints, which exceeds the limit of 1,440. ' +
        'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
    expect(await t.errorOf('GetMetricStatistics', stats({ EndTime: T0 + 1440 * 60 }))).toBe('none');
  });
});

describe('ListMetrics', () => {
  it('filters by namespace, name and dimensions, and pages 500 at a time', async () => {
    const t = unitCloudWatch();
    for (let batch = 0; batch < 3; batch += 1) {
      await t.call('PutMetricData', {
        Namespace: 'Many',
        MetricData: Array.from({ length: 200 }, (_, i) => ({
          MetricName: 'm',
          Dimensions: [{ Name: 'N', Value: `${batch}-${String(i).padStart(3, '0')}` }],
          Value: 1,
        })),
      });
    }
    await putMinutes(t, [1]);
    const first = await t.call('ListMetrics', { Namespace: 'Many' });
    expect(first['Metrics']).toHaveLength(500);
    const second = await t.call('ListMetrics', { Namespace: 'Many', NextToken: first['NextToken'] });
    expect(second['Metrics']).toHaveLength(100);
    expect(second['NextToken']).toBeUndefined();
    const names = [...first['Metrics'], ...second['Metrics']].map((m: any) => m.Dimensions[0].Value);
    expect(new Set(names).size).toBe(600);
    expect(
      (await t.call('ListMetrics', { Dimensions: [{ Name: 'Service', Value: 'web' }] }))['Metrics'],
    ).toEqual([{ Namespace: 'App', MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'web' }] }]);
    expect(await t.errorOf('ListMetrics', { NextToken: 'nonsense' })).toBe(
      'InvalidNextToken: The NextToken is invalid.',
    );
    t.clock.now += 4 * 3600 * 1000;
    expect((await t.call('ListMetrics', { RecentlyActive: 'PT3H' }))['Metrics']).toEqual([]);
  });
});

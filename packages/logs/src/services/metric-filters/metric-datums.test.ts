import { describe, expect, it } from 'vitest';
import type { MetricTransformation } from '@berth/wire/logs';

import { compileExtractingPattern } from '../filter-pattern/compile-filter-pattern.js';

import { metricDatumsOf } from './metric-datums.js';

const MINUTE = 1_700_000_040_000; // a minute boundary
const filter = (pattern: string, transformation: Partial<MetricTransformation>) => ({
  pattern: compileExtractingPattern(pattern),
  transformation: {
    metricName: 'Latency',
    metricNamespace: 'App',
    metricValue: '$.latency',
    ...transformation,
  },
});
const at = (offsetMs: number, message: string) => ({ timestamp: MINUTE + offsetMs, message });

describe('metricDatumsOf', () => {
  it('folds the extracted values of one minute into one statistic set, skipping events that do not match', () => {
    const datums = metricDatumsOf(
      [filter('{ $.latency > 100 }', { unit: 'Milliseconds' })],
      [
        at(0, '{"latency": 150}'),
        at(1, '{"latency": 50}'),
        at(59_999, '{"latency": 250}'),
        at(60_000, '{"latency": 101}'),
      ],
    );
    expect(datums.get('App')).toEqual([
      {
        MetricName: 'Latency',
        Dimensions: [],
        Timestamp: MINUTE / 1000,
        StatisticValues: { SampleCount: 2, Sum: 400, Minimum: 150, Maximum: 250 },
        Unit: 'Milliseconds',
      },
      {
        MetricName: 'Latency',
        Dimensions: [],
        Timestamp: MINUTE / 1000 + 60,
        StatisticValues: { SampleCount: 1, Sum: 101, Minimum: 101, Maximum: 101 },
        Unit: 'Milliseconds',
      },
    ]);
  });

  it('counts with a literal value, and splits by the dimensions it extracts', () => {
    const datums = metricDatumsOf(
      [
        filter('[ip, method, status = 5*]', {
          metricName: 'Errors',
          metricValue: '1',
          dimensions: { Status: '$status' },
        }),
      ],
      [
        at(0, '1.1.1.1 GET 500'),
        at(1, '1.1.1.1 GET 503'),
        at(2, '1.1.1.1 GET 500'),
        at(3, '1.1.1.1 GET 200'),
      ],
    );
    expect(datums.get('App')?.map((d) => [d.Dimensions, d.StatisticValues.Sum])).toEqual([
      [[{ Name: 'Status', Value: '500' }], 2],
      [[{ Name: 'Status', Value: '503' }], 1],
    ]);
  });

  it('gives the default value for a minute with events but no match, and nothing for values that are not numbers', () => {
    const datums = metricDatumsOf(
      [filter('{ $.latency = * }', { defaultValue: 0 })],
      [at(0, '{"latency": "slow"}'), at(60_000, '{"other": 1}')],
    );
    expect(datums.get('App')?.map((d) => [d.Timestamp, d.StatisticValues])).toEqual([
      [MINUTE / 1000 + 60, { SampleCount: 1, Sum: 0, Minimum: 0, Maximum: 0 }],
    ]);
  });

  it('keeps namespaces apart', () => {
    const datums = metricDatumsOf(
      [filter('{ $.latency > 0 }', {}), filter('{ $.latency > 0 }', { metricNamespace: 'Other' })],
      [at(0, '{"latency": 1}')],
    );
    expect([...datums.keys()]).toEqual(['App', 'Other']);
  });
});

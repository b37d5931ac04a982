/**
 * CloudWatch Logs metric filters, subscription filters and `berth logs` against a real
 * `berth server --in-memory`, through the aws CLI, boto3 and the berth CLI: a JSON metric filter
 * turns PutLogEvents into CloudWatch statistics read back with GetMetricStatistics;
 * TestMetricFilter's extracted values; boto3's DescribeMetricFilters paginator; subscription
 * filters stored, two per group at most; `berth logs --follow` prints events put after it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BERTH_BIN, startServer, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk, python } from './support/clients.js';
import { waitFor } from './support/wait-for.js';

const GROUP = '/app/api';
const STREAM = 'api/1';

let berth: BerthProcess | undefined;
beforeAll(async () => {
  berth = await startServer({ agent: false });
  logs('create-log-group', '--log-group-name', GROUP);
  logs('create-log-stream', '--log-group-name', GROUP, '--log-stream-name', STREAM);
});
afterAll(async () => {
  await berth?.stop();
});

const env = (): NodeJS.ProcessEnv => berth!.env;
const logs = (...args: string[]): any => awsOk(env(), ['logs', ...args]);
const logsError = (...args: string[]): string => {
  const result = aws(env(), ['logs', ...args]);
  expect(result.status).not.toBe(0);
  return result.stderr.trim();
};
const putEvents = (events: readonly { timestamp: number; message: string }[]): void => {
  logs(
    'put-log-events',
    '--log-group-name',
    GROUP,
    '--log-stream-name',
    STREAM,
    '--log-events',
    JSON.stringify(events),
  );
};

describe('metric filters', () => {
  it('turn matching events into CloudWatch statistics of the value they extract', () => {
    logs(
      'put-metric-filter',
      '--log-group-name',
      GROUP,
      '--filter-name',
      'slow-requests',
      '--filter-pattern',
      '{ $.latency > 100 }',
      '--metric-transformations',
      'metricName=Latency,metricNamespace=Berth/E2E,metricValue=$.latency,unit=Milliseconds',
    );
    const now = Date.now();
    putEvents(
      [150, 50, 250, 101].map((latency) => ({
        timestamp: now,
        message: JSON.stringify({ latency, path: '/a' }),
      })),
    );
    const stats = awsOk(env(), [
      'cloudwatch',
      'get-metric-statistics',
      '--namespace',
      'Berth/E2E',
      '--metric-name',
      'Latency',
      '--start-time',
      new Date(now - 600_000).toISOString(),
      '--end-time',
      new Date(now + 600_000).toISOString(),
      '--period',
      '60',
      '--statistics',
      'Sum',
      'SampleCount',
      'Maximum',
    ]);
    expect(stats.Datapoints).toEqual([
      expect.objectContaining({ Sum: 501, SampleCount: 3, Maximum: 250, Unit: 'Milliseconds' }),
    ]);
    const [filter] = logs(
      'describe-metric-filters',
      '--log-group-name',
      GROUP,
      '--filter-name-prefix',
      'slow',
    ).metricFilters;
    expect(filter).toMatchObject({
      filterName: 'slow-requests',
      filterPattern: '{ $.latency > 100 }',
      logGroupName: GROUP,
      metricTransformations: [
        {
          metricName: 'Latency',
          metricNamespace: 'Berth/E2E',
          metricValue: '$.latency',
          unit: 'Milliseconds',
        },
      ],
    });
    expect(logs('describe-log-groups', '--log-group-name-prefix', GROUP).logGroups[0].metricFilterCount).toBe(
      1,
    );
  });

  it('are tested against messages with their extracted values, and checked as CloudWatch Logs checks them', () => {
    const tested = logs(
      'test-metric-filter',
      '--filter-pattern',
      '[ip, user, status = 5*, bytes]',
      '--log-event-messages',
      '10.0.0.1 ann 200 10',
      '10.0.0.2 bob 503 99',
    );
    expect(tested.matches).toEqual([
      {
        eventNumber: 2,
        eventMessage: '10.0.0.2 bob 503 99',
        extractedValues: { $ip: '10.0.0.2', $user: 'bob', $status: '503', $bytes: '99' },
      },
    ]);
    expect(
      logsError(
        'put-metric-filter',
        '--log-group-name',
        '/app/none',
        '--filter-name',
        'f',
        '--filter-pattern',
        'ERROR',
        '--metric-transformations',
        'metricName=Errors,metricNamespace=Berth/E2E,metricValue=1',
      ),
    ).toBe(
      'An error occurred (ResourceNotFoundException) when calling the PutMetricFilter operation: The specified log group does not exist.',
    );
    expect(
      logsError(
        'put-metric-filter',
        '--log-group-name',
        GROUP,
        '--filter-name',
        'f',
        '--filter-pattern',
        'ERROR',
        '--metric-transformations',
        'metricName=Errors,metricNamespace=Berth/E2E,metricValue=$.count',
      ),
    ).toMatch(
      /^An error occurred \(InvalidParameterException\) when calling the PutMetricFilter operation: Invalid metric value/,
    );
  });

  it('page through boto3’s DescribeMetricFilters paginator', () => {
    const result = python(env(), 'logs_metric_filters_paging.py', [GROUP]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  });
});

describe('subscription filters', () => {
  it('are stored and described, two per group at most', () => {
    const put = (name: string): string[] => [
      'put-subscription-filter',
      '--log-group-name',
      GROUP,
      '--filter-name',
      name,
      '--filter-pattern',
      'ERROR',
      '--destination-arn',
      'arn:aws:lambda:us-east-1:000000000000:function:errors',
    ];
    logs(...put('errors-1'));
    logs(...put('errors-2'));
    expect(logsError(...put('errors-3'))).toBe(
      'An error occurred (LimitExceededException) when calling the PutSubscriptionFilter operation: Resource limit exceeded.',
    );
    const described = logs('describe-subscription-filters', '--log-group-name', GROUP).subscriptionFilters;
    expect(described.map((f: any) => [f.filterName, f.distribution, f.destinationArn])).toEqual([
      ['errors-1', 'ByLogStream', 'arn:aws:lambda:us-east-1:000000000000:function:errors'],
      ['errors-2', 'ByLogStream', 'arn:aws:lambda:us-east-1:000000000000:function:errors'],
    ]);
    logs('delete-subscription-filter', '--log-group-name', GROUP, '--filter-name', 'errors-1');
    expect(logs('describe-subscription-filters', '--log-group-name', GROUP).subscriptionFilters).toHaveLength(
      1,
    );
  });
});

describe('berth logs', () => {
  let tail: ChildProcess | undefined;
  afterAll(() => {
    tail?.kill('SIGKILL');
  });

  it('is the tail: aws CLI v1 has no `logs tail`', () => {
    expect(aws(env(), ['logs', 'tail', GROUP]).stderr).toContain('Invalid choice');
  });

  it('--follow prints the events already there, then the ones put after it started', async () => {
    const before = `before ${Date.now()}`;
    putEvents([{ timestamp: Date.now(), message: before }]);
    tail = spawn(
      process.execPath,
      [BERTH_BIN, 'logs', GROUP, '--endpoint', berth!.endpoint, '--follow', '--since', '5m'],
      {
        env: env(),
      },
    );
    let output = '';
    tail.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tail.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes(before), `berth logs to print "${before}"`, 30_000, 100);
    const line = output.split('\n').find((l) => l.endsWith(before));
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 api\/1 before \d+$/);
    const after = `after ${Date.now()}`;
    putEvents([{ timestamp: Date.now(), message: after }]);
    await waitFor(() => output.includes(after), `berth logs --follow to print "${after}"`, 30_000, 100);
    expect(output.split('\n').filter((l) => l.endsWith(before))).toHaveLength(1);
    const exited = new Promise((resolve) => tail!.once('exit', resolve));
    tail.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

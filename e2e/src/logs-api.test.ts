/**
 * CloudWatch Logs through the aws CLI and boto3 against a real `berth server`: groups, streams,
 * PutLogEvents, GetLogEvents token paging in both directions to the "same token back" end,
 * FilterLogEvents with a term, DescribeLogGroups/Streams by prefix and pages, retention values,
 * CloudWatch Logs' exact errors, partitioning by region, and events kept across a restart in
 * telemetry.db in the data directory.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, tempDir, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk, python } from './support/clients.js';

let berth: BerthProcess | undefined;
let dataDir = '';
beforeAll(async () => {
  dataDir = tempDir('berth-logs-');
  berth = await startServer({ agent: false, dataDir });
});
afterAll(async () => {
  await berth?.stop();
});

const env = (): NodeJS.ProcessEnv => berth!.env;
const logs = (...args: string[]): any => awsOk(env(), ['logs', ...args]);
/** The CLI's error line for a failing `aws logs` call. */
const logsError = (...args: string[]): string => {
  const result = aws(env(), ['logs', ...args]);
  expect(result.status).not.toBe(0);
  return result.stderr.trim();
};
const events = (count: number, prefix: string): string =>
  JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      timestamp: Date.now() - 1000 + i,
      message: `${prefix} ${i}`,
    })),
  );

describe('CloudWatch Logs API', () => {
  it('creates a group and a stream, and answers CloudWatch Logs’ errors for duplicates and missing ones', () => {
    logs('create-log-group', '--log-group-name', '/ecs/web', '--tags', 'team=web');
    logs('create-log-stream', '--log-group-name', '/ecs/web', '--log-stream-name', 'web/app/1');
    expect(logsError('create-log-group', '--log-group-name', '/ecs/web')).toBe(
      'An error occurred (ResourceAlreadyExistsException) when calling the CreateLogGroup operation: The specified log group already exists.',
    );
    expect(
      logsError('create-log-stream', '--log-group-name', '/ecs/web', '--log-stream-name', 'web/app/1'),
    ).toBe(
      'An error occurred (ResourceAlreadyExistsException) when calling the CreateLogStream operation: The specified log stream already exists.',
    );
    expect(logsError('create-log-stream', '--log-group-name', '/ecs/none', '--log-stream-name', 's')).toBe(
      'An error occurred (ResourceNotFoundException) when calling the CreateLogStream operation: The specified log group does not exist.',
    );
    expect(logsError('get-log-events', '--log-group-name', '/ecs/web', '--log-stream-name', 'nope')).toBe(
      'An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: The specified log stream does not exist.',
    );
    expect(logsError('delete-log-group', '--log-group-name', '/ecs/none')).toBe(
      'An error occurred (ResourceNotFoundException) when calling the DeleteLogGroup operation: The specified log group does not exist.',
    );
    expect(logsError('create-log-group', '--log-group-name', 'bad:name')).toContain(
      'An error occurred (InvalidParameterException) when calling the CreateLogGroup operation: 1 validation error detected',
    );
    const [group] = logs('describe-log-groups', '--log-group-name-prefix', '/ecs/web').logGroups;
    expect(group).toMatchObject({
      logGroupName: '/ecs/web',
      arn: 'arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web:*',
      logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web',
      logGroupClass: 'STANDARD',
    });
    expect(logs('list-tags-for-resource', '--resource-arn', group.logGroupArn).tags).toEqual({ team: 'web' });
  });

  it('puts events, reads them with get-log-events and finds them with filter-log-events', () => {
    const put = logs(
      'put-log-events',
      '--log-group-name',
      '/ecs/web',
      '--log-stream-name',
      'web/app/1',
      '--log-events',
      JSON.stringify([
        { timestamp: Date.now() - 2, message: 'GET /health 200' },
        { timestamp: Date.now() - 1, message: 'GET /orders 500' },
      ]),
    );
    expect(put.nextSequenceToken).toMatch(/^\d{56}$/);
    const got = logs(
      'get-log-events',
      '--log-group-name',
      '/ecs/web',
      '--log-stream-name',
      'web/app/1',
      '--start-from-head',
    );
    expect(got.events.map((e: any) => e.message)).toEqual(['GET /health 200', 'GET /orders 500']);
    expect(got.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    expect(got.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
    const end = logs(
      'get-log-events',
      '--log-group-name',
      '/ecs/web',
      '--log-stream-name',
      'web/app/1',
      '--start-from-head',
      '--next-token',
      got.nextForwardToken,
    );
    expect(end).toMatchObject({ events: [], nextForwardToken: got.nextForwardToken });
    const found = logs('filter-log-events', '--log-group-name', '/ecs/web', '--filter-pattern', '500');
    expect(found.events).toHaveLength(1);
    expect(found.events[0]).toMatchObject({ logStreamName: 'web/app/1', message: 'GET /orders 500' });
    expect(found.events[0].eventId).toMatch(/^\d{56}$/);
    expect(found.nextToken).toBeUndefined();
    expect(
      logsError(
        'put-log-events',
        '--log-group-name',
        '/ecs/web',
        '--log-stream-name',
        'web/app/1',
        '--log-events',
        JSON.stringify([
          { timestamp: Date.now(), message: 'b' },
          { timestamp: Date.now() - 10, message: 'a' },
        ]),
      ),
    ).toBe(
      'An error occurred (InvalidParameterException) when calling the PutLogEvents operation: Log events in a single PutLogEvents request must be in chronological order.',
    );
  });

  it('pages get-log-events both ways to the same-token end, and filter-log-events to no nextToken (boto3)', () => {
    logs('create-log-group', '--log-group-name', '/paging');
    logs('create-log-stream', '--log-group-name', '/paging', '--log-stream-name', 'only');
    const result = python(env(), 'logs_get_events.py', ['/paging', 'only']);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  });

  it('describes groups and streams by prefix, a page at a time', () => {
    for (const name of ['/svc/a', '/svc/b', '/svc/c']) logs('create-log-group', '--log-group-name', name);
    const first = logs(
      'describe-log-groups',
      '--log-group-name-prefix',
      '/svc/',
      '--limit',
      '2',
      '--no-paginate',
    );
    expect(first.logGroups.map((g: any) => g.logGroupName)).toEqual(['/svc/a', '/svc/b']);
    const second = logs(
      'describe-log-groups',
      '--log-group-name-prefix',
      '/svc/',
      '--limit',
      '2',
      '--no-paginate',
      '--next-token',
      first.nextToken,
    );
    expect(second.logGroups.map((g: any) => g.logGroupName)).toEqual(['/svc/c']);
    expect(second.nextToken).toBeUndefined();
    // The CLI's own paginator follows nextToken to the end.
    const all = logs('describe-log-groups', '--log-group-name-prefix', '/svc/', '--page-size', '1');
    expect(all.logGroups.map((g: any) => g.logGroupName)).toEqual(['/svc/a', '/svc/b', '/svc/c']);
    for (const name of ['web/1', 'web/2', 'db/1']) {
      logs('create-log-stream', '--log-group-name', '/svc/a', '--log-stream-name', name);
    }
    const streams = logs(
      'describe-log-streams',
      '--log-group-name',
      '/svc/a',
      '--log-stream-name-prefix',
      'web/',
      '--page-size',
      '1',
    );
    expect(streams.logStreams.map((s: any) => s.logStreamName)).toEqual(['web/1', 'web/2']);
    expect(
      logsError(
        'describe-log-streams',
        '--log-group-name',
        '/svc/a',
        '--order-by',
        'LastEventTime',
        '--log-stream-name-prefix',
        'w',
      ),
    ).toBe(
      'An error occurred (InvalidParameterException) when calling the DescribeLogStreams operation: Cannot order by LastEventTime with a logStreamNamePrefix.',
    );
  });

  it('takes the documented retention periods and refuses others with CloudWatch Logs’ message', () => {
    logs('put-retention-policy', '--log-group-name', '/svc/a', '--retention-in-days', '731');
    expect(
      logs('describe-log-groups', '--log-group-name-prefix', '/svc/a').logGroups[0].retentionInDays,
    ).toBe(731);
    expect(logsError('put-retention-policy', '--log-group-name', '/svc/a', '--retention-in-days', '2')).toBe(
      "An error occurred (InvalidParameterException) when calling the PutRetentionPolicy operation: 1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
    );
    logs('delete-retention-policy', '--log-group-name', '/svc/a');
    expect(
      logs('describe-log-groups', '--log-group-name-prefix', '/svc/a').logGroups[0].retentionInDays,
    ).toBeUndefined();
  });

  it('keeps groups apart by region', () => {
    expect(logs('describe-log-groups', '--region', 'eu-west-1').logGroups).toEqual([]);
    awsOk(env(), ['logs', 'create-log-group', '--log-group-name', '/ecs/web', '--region', 'eu-west-1']);
    const [there] = logs('describe-log-groups', '--region', 'eu-west-1').logGroups;
    expect(there.logGroupArn).toBe('arn:aws:logs:eu-west-1:000000000000:log-group:/ecs/web');
    expect(logs('list-tags-log-group', '--log-group-name', '/ecs/web', '--region', 'eu-west-1').tags).toEqual(
      {},
    );
  });

  it('answers an operation Berth does not implement with a reason', () => {
    expect(logsError('describe-queries')).toBe(
      'An error occurred (InvalidOperationException) when calling the DescribeQueries operation: Berth does not support DescribeQueries (Logs Insights queries): Berth has no query engine over log events; use FilterLogEvents.',
    );
  });

  it('keeps its events in telemetry.db in the data directory, across a restart', async () => {
    expect(existsSync(join(dataDir, 'telemetry.db'))).toBe(true);
    logs('create-log-stream', '--log-group-name', '/svc/b', '--log-stream-name', 'kept');
    logs(
      'put-log-events',
      '--log-group-name',
      '/svc/b',
      '--log-stream-name',
      'kept',
      '--log-events',
      events(3, 'kept'),
    );
    await berth!.stop();
    berth = await startServer({ agent: false, dataDir });
    const got = logs(
      'get-log-events',
      '--log-group-name',
      '/svc/b',
      '--log-stream-name',
      'kept',
      '--start-from-head',
    );
    expect(got.events.map((e: any) => e.message)).toEqual(['kept 0', 'kept 1', 'kept 2']);
  });

  it('serves logs from memory under --in-memory', async () => {
    const inMemory = await startServer({ agent: false });
    try {
      const run = (...args: string[]): any => awsOk(inMemory.env, ['logs', ...args]);
      run('create-log-group', '--log-group-name', '/mem');
      run('create-log-stream', '--log-group-name', '/mem', '--log-stream-name', 's');
      run(
        'put-log-events',
        '--log-group-name',
        '/mem',
        '--log-stream-name',
        's',
        '--log-events',
        events(2, 'mem'),
      );
      const found = run('filter-log-events', '--log-group-name', '/mem', '--filter-pattern', 'mem');
      expect(found.events.map((e: any) => e.message)).toEqual(['mem 0', 'mem 1']);
    } finally {
      await inMemory.stop();
    }
  });
});

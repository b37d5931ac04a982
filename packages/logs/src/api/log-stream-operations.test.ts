import { describe, expect, it } from 'vitest';

import type {
  DescribeLogGroupsResponse,
  DescribeLogStreamsResponse,
  FilterLogEventsResponse,
  GetLogEventsResponse,
  PutLogEventsResponse,
} from '@berth/wire/logs';

import { NOW, OTHER_REGION, unitLogs, type UnitLogs } from '../test-support/logs.test-support.js';

const put = (
  t: UnitLogs,
  messages: readonly string[],
  stream = 's',
  at = NOW - 1000,
): Promise<PutLogEventsResponse> =>
  t.call<PutLogEventsResponse>('PutLogEvents', {
    logGroupName: 'g',
    logStreamName: stream,
    logEvents: messages.map((message, i) => ({ timestamp: at + i, message })),
  });

const messagesOf = (out: { events?: { message?: string }[] }): string[] =>
  (out.events ?? []).map((e) => e.message!);

describe('log streams', () => {
  it('are created once per group, and not found when missing', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    expect(await t.errorOf('CreateLogStream', { logGroupName: 'g', logStreamName: 's' })).toBe(
      'ResourceAlreadyExistsException: The specified log stream already exists.',
    );
    expect(await t.errorOf('CreateLogStream', { logGroupName: 'g', logStreamName: 'a:b' })).toMatch(
      /^InvalidParameterException: .*regular expression pattern: \[\^:\*\]\*$/,
    );
    expect(await t.errorOf('DeleteLogStream', { logGroupName: 'g', logStreamName: 'nope' })).toBe(
      'ResourceNotFoundException: The specified log stream does not exist.',
    );
    expect(await t.errorOf('GetLogEvents', { logGroupName: 'g', logStreamName: 'nope' })).toBe(
      'ResourceNotFoundException: The specified log stream does not exist.',
    );
    expect(await t.errorOf('PutLogEvents', { logGroupName: 'g', logStreamName: 'nope', logEvents: [] })).toBe(
      'ResourceNotFoundException: The specified log stream does not exist.',
    );
    expect(await t.errorOf('GetLogEvents', { logGroupName: 'g', logStreamName: 's' }, OTHER_REGION)).toBe(
      'ResourceNotFoundException: The specified log group does not exist.',
    );
  });

  it('are described by name or last event time, either way, paged', async () => {
    const t = unitLogs();
    await t.groupAndStream('g', 'web/2');
    for (const name of ['web/1', 'db/1'])
      await t.call('CreateLogStream', { logGroupName: 'g', logStreamName: name });
    await put(t, ['x'], 'db/1', NOW - 10);
    await put(t, ['x'], 'web/1', NOW - 20);
    const names = async (input: object): Promise<{ names: string[]; nextToken?: string }> => {
      const out = await t.call<DescribeLogStreamsResponse>('DescribeLogStreams', {
        logGroupName: 'g',
        ...input,
      });
      return {
        names: (out.logStreams ?? []).map((s) => s.logStreamName!),
        ...(out.nextToken ? { nextToken: out.nextToken } : {}),
      };
    };
    expect((await names({})).names).toEqual(['db/1', 'web/1', 'web/2']);
    expect((await names({ logStreamNamePrefix: 'web/' })).names).toEqual(['web/1', 'web/2']);
    expect((await names({ orderBy: 'LastEventTime', descending: true })).names).toEqual([
      'db/1',
      'web/1',
      'web/2',
    ]);
    const first = await names({ orderBy: 'LastEventTime', limit: 2 });
    expect(first.names).toEqual(['web/2', 'web/1']);
    expect(await names({ orderBy: 'LastEventTime', limit: 2, nextToken: first.nextToken })).toEqual({
      names: ['db/1'],
    });
    expect(
      await t.errorOf('DescribeLogStreams', {
        logGroupName: 'g',
        orderBy: 'LastEventTime',
        logStreamNamePrefix: 'w',
      }),
    ).toBe('InvalidParameterException: Cannot order by LastEventTime with a logStreamNamePrefix.');
    const [stream] = (
      await t.call<DescribeLogStreamsResponse>('DescribeLogStreams', { logGroupName: 'g', limit: 1 })
    ).logStreams!;
    expect(stream).toEqual({
      logStreamName: 'db/1',
      creationTime: NOW,
      firstEventTimestamp: NOW - 10,
      lastEventTimestamp: NOW - 10,
      lastIngestionTime: NOW,
      arn: 'arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:db/1',
      storedBytes: 0,
    });
    const [group] = (await t.call<DescribeLogGroupsResponse>('DescribeLogGroups', {})).logGroups!;
    expect(group?.storedBytes).toBe(2);
  });
});

describe('PutLogEvents', () => {
  it('stores the events, answers a sequence token, and ignores the one it is given', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    const first = await put(t, ['a', 'b']);
    expect(first.nextSequenceToken).toMatch(/^\d{56}$/);
    const second = await t.call<PutLogEventsResponse>('PutLogEvents', {
      logGroupName: 'g',
      logStreamName: 's',
      sequenceToken: 'anything',
      logEvents: [{ timestamp: NOW, message: 'c' }],
    });
    expect(second.nextSequenceToken).not.toBe(first.nextSequenceToken);
    const got = await t.call<GetLogEventsResponse>('GetLogEvents', { logGroupName: 'g', logStreamName: 's' });
    expect(messagesOf(got)).toEqual(['a', 'b', 'c']);
    expect(got.events?.[0]).toEqual({ timestamp: NOW - 1000, message: 'a', ingestionTime: NOW });
  });

  it('names the events it rejects and stores the others', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await t.call('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 });
    // One batch may not span 24 hours, so the expired and the too-new events go in two.
    const putAll = (logEvents: object[]): Promise<PutLogEventsResponse> =>
      t.call<PutLogEventsResponse>('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents });
    const expired = await putAll([
      { timestamp: NOW - 86_400_001, message: 'expired' },
      { timestamp: NOW - 1, message: 'kept' },
    ]);
    expect(expired.rejectedLogEventsInfo).toEqual({ expiredLogEventEndIndex: 0 });
    const tooNew = await putAll([
      { timestamp: NOW, message: 'kept too' },
      { timestamp: NOW + 7_200_001, message: 'too new' },
    ]);
    expect(tooNew.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    expect(messagesOf(await t.call('GetLogEvents', { logGroupName: 'g', logStreamName: 's' }))).toEqual([
      'kept',
      'kept too',
    ]);
  });
});

describe('GetLogEvents', () => {
  it('reads the latest page first by default, then pages backward until the token comes back unchanged', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await put(t, ['1', '2', '3', '4', '5']);
    const get = (input: object): Promise<GetLogEventsResponse> =>
      t.call<GetLogEventsResponse>('GetLogEvents', {
        logGroupName: 'g',
        logStreamName: 's',
        limit: 2,
        ...input,
      });
    const latest = await get({});
    expect(messagesOf(latest)).toEqual(['4', '5']);
    const older = await get({ nextToken: latest.nextBackwardToken });
    expect(messagesOf(older)).toEqual(['2', '3']);
    const oldest = await get({ nextToken: older.nextBackwardToken });
    expect(messagesOf(oldest)).toEqual(['1']);
    const end = await get({ nextToken: oldest.nextBackwardToken });
    expect(end).toMatchObject({ events: [], nextBackwardToken: oldest.nextBackwardToken });
  });

  it('reads from the head forward with startFromHead, and returns the same forward token at the end', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await put(t, ['1', '2', '3']);
    const get = (input: object): Promise<GetLogEventsResponse> =>
      t.call<GetLogEventsResponse>('GetLogEvents', {
        logGroupName: 'g',
        logStreamName: 's',
        limit: 2,
        ...input,
      });
    const head = await get({ startFromHead: true });
    expect(head.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    expect(head.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
    expect(messagesOf(head)).toEqual(['1', '2']);
    const rest = await get({ startFromHead: true, nextToken: head.nextForwardToken });
    expect(messagesOf(rest)).toEqual(['3']);
    const end = await get({ startFromHead: true, nextToken: rest.nextForwardToken });
    expect(end).toEqual({
      events: [],
      nextForwardToken: rest.nextForwardToken,
      nextBackwardToken: expect.stringMatching(/^b\//),
    });
    await put(t, ['4'], 's', NOW);
    expect(messagesOf(await get({ startFromHead: true, nextToken: end.nextForwardToken }))).toEqual(['4']);
  });

  it('keeps to startTime and endTime (both inclusive) and checks limit and token', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await put(t, ['1', '2', '3', '4'], 's', NOW - 100);
    const out = await t.call<GetLogEventsResponse>('GetLogEvents', {
      logGroupName: 'g',
      logStreamName: 's',
      startFromHead: true,
      startTime: NOW - 99,
      endTime: NOW - 98,
    });
    expect(messagesOf(out)).toEqual(['2', '3']);
    expect(await t.errorOf('GetLogEvents', { logGroupName: 'g', logStreamName: 's', limit: 10_001 })).toMatch(
      /less than or equal to 10000$/,
    );
    expect(
      await t.errorOf('GetLogEvents', { logGroupName: 'g', logStreamName: 's', nextToken: 'f/1/s' }),
    ).toBe('InvalidParameterException: The specified nextToken is invalid.');
  });
});

describe('FilterLogEvents', () => {
  it('answers at most 1 MB of events a page, then the rest after its nextToken', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    const big = 'x'.repeat(300_000);
    for (let i = 0; i < 4; i += 1) await put(t, [`${i}${big}`], 's', NOW - 100 + i);
    const first = await t.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g' });
    expect(first.events?.map((e) => e.message![0])).toEqual(['0', '1', '2']);
    const rest = await t.call<FilterLogEventsResponse>('FilterLogEvents', {
      logGroupName: 'g',
      nextToken: first.nextToken,
    });
    expect(rest.events?.map((e) => e.message![0])).toEqual(['3']);
    expect(rest.nextToken).toBeUndefined();
  });

  it('interleaves streams by time, matches plain terms, and pages until nextToken is absent', async () => {
    const t = unitLogs();
    await t.groupAndStream('g', 'web');
    await t.call('CreateLogStream', { logGroupName: 'g', logStreamName: 'db' });
    await put(t, ['GET /a 200', 'GET /b 500'], 'web', NOW - 100);
    await put(t, ['query 500 slow', 'query ok'], 'db', NOW - 100);
    const filter = (input: object): Promise<FilterLogEventsResponse> =>
      t.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', ...input });
    const all = await filter({});
    expect(all.events?.map((e) => `${e.logStreamName}:${e.message}`)).toEqual([
      'web:GET /a 200',
      'db:query 500 slow',
      'web:GET /b 500',
      'db:query ok',
    ]);
    expect(all.nextToken).toBeUndefined();
    expect(all).not.toHaveProperty('searchedLogStreams');
    expect(all.events?.[0]?.eventId).toMatch(/^\d{56}$/);
    expect(messagesOf(await filter({ filterPattern: '500' }))).toEqual(['query 500 slow', 'GET /b 500']);
    expect(messagesOf(await filter({ filterPattern: 'GET 500' }))).toEqual(['GET /b 500']);
    expect(messagesOf(await filter({ filterPattern: 'get' }))).toEqual([]);
    expect(messagesOf(await filter({ logStreamNames: ['db'] }))).toEqual(['query 500 slow', 'query ok']);
    expect(messagesOf(await filter({ logStreamNamePrefix: 'we' }))).toEqual(['GET /a 200', 'GET /b 500']);
    expect(messagesOf(await filter({ startTime: NOW - 99, endTime: NOW - 99 }))).toEqual([
      'GET /b 500',
      'query ok',
    ]);
    const first = await filter({ limit: 3 });
    expect(first.events).toHaveLength(3);
    const rest = await filter({ limit: 3, nextToken: first.nextToken });
    expect(messagesOf(rest)).toEqual(['query ok']);
    expect(rest.nextToken).toBeUndefined();
    expect(
      await t.errorOf('FilterLogEvents', {
        logGroupName: 'g',
        logStreamNames: ['db'],
        logStreamNamePrefix: 'd',
      }),
    ).toMatch(/^InvalidParameterException: /);
    expect(await t.errorOf('FilterLogEvents', { logGroupName: 'nope' })).toBe(
      'ResourceNotFoundException: The specified log group does not exist.',
    );
  });
});

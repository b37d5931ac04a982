import { describe, expect, it } from 'vitest';

import { DAY_MS, type LogGroupRecord, type LogScope, type LogStore } from './log-store.js';

const HERE: LogScope = { accountId: '000000000000', region: 'us-east-1' };
const THERE: LogScope = { accountId: '000000000000', region: 'eu-west-1' };

const group = (name: string, more: Partial<LogGroupRecord> = {}): LogGroupRecord => ({
  name,
  arn: `arn:aws:logs:us-east-1:000000000000:log-group:${name}`,
  creationTime: 1_000,
  tags: {},
  ...more,
});

const withStream = async (store: LogStore, groupName = 'g', stream = 's'): Promise<void> => {
  await store.createGroup(HERE, group(groupName));
  await store.createStream(HERE, groupName, { name: stream, creationTime: 1_000 });
};

/** The LogStore contract, run against every implementation. */
export const runLogStoreConformance = (
  name: string,
  open: () => LogStore,
  reopen?: (store: LogStore) => Promise<LogStore>,
): void => {
  describe(`LogStore conformance: ${name}`, () => {
    it('keeps one group of a name per partition, and lists by prefix, substring and after a name', async () => {
      const store = open();
      expect(await store.createGroup(HERE, group('/ecs/web', { retentionInDays: 7, tags: { a: '1' } }))).toBe(
        true,
      );
      expect(await store.createGroup(HERE, group('/ecs/web'))).toBe(false);
      expect(await store.createGroup(THERE, group('/ecs/web'))).toBe(true);
      await store.createGroup(HERE, group('/ecs/api'));
      await store.createGroup(HERE, group('/ECS/other'));
      expect(await store.getGroup(HERE, '/ecs/web')).toEqual({
        ...group('/ecs/web', { retentionInDays: 7, tags: { a: '1' } }),
        storedBytes: 0,
      });
      const names = async (q: Parameters<LogStore['listGroups']>[1]): Promise<string[]> =>
        (await store.listGroups(HERE, q)).map((g) => g.name);
      expect(await names({ limit: 50 })).toEqual(['/ECS/other', '/ecs/api', '/ecs/web']);
      expect(await names({ namePrefix: '/ecs/', limit: 50 })).toEqual(['/ecs/api', '/ecs/web']);
      expect(await names({ nameContains: 'api', limit: 50 })).toEqual(['/ecs/api']);
      expect(await names({ afterName: '/ecs/api', limit: 1 })).toEqual(['/ecs/web']);
      expect(await names({ namePrefix: '%', limit: 50 })).toEqual([]);
      await store.close();
    });

    it('changes retention and tags, and deletes a group with its streams and events', async () => {
      const store = open();
      await withStream(store);
      expect(await store.setRetention(HERE, 'g', 30)).toBe(true);
      expect(await store.setTags(HERE, 'g', { team: 'x' })).toBe(true);
      expect(await store.getGroup(HERE, 'g')).toMatchObject({ retentionInDays: 30, tags: { team: 'x' } });
      expect(await store.setRetention(HERE, 'g', undefined)).toBe(true);
      expect((await store.getGroup(HERE, 'g'))?.retentionInDays).toBeUndefined();
      expect(await store.setRetention(HERE, 'missing', 1)).toBe(false);
      await store.appendEvents(HERE, 'g', 's', [{ timestamp: 5, message: 'm' }], 10);
      expect(await store.deleteGroup(HERE, 'g')).toBe(true);
      expect(await store.deleteGroup(HERE, 'g')).toBe(false);
      await withStream(store);
      expect(await store.readStream(HERE, 'g', 's', { direction: 'forward', limit: 10 })).toEqual([]);
      await store.close();
    });

    it('creates streams once per group, lists them by name or last event time, with cursors', async () => {
      const store = open();
      expect(await store.createStream(HERE, 'g', { name: 'a', creationTime: 1 })).toBe('no-group');
      await store.createGroup(HERE, group('g'));
      for (const name of ['b', 'a', 'c']) {
        expect(await store.createStream(HERE, 'g', { name, creationTime: 1 })).toBe('created');
      }
      expect(await store.createStream(HERE, 'g', { name: 'a', creationTime: 2 })).toBe('exists');
      await store.appendEvents(HERE, 'g', 'a', [{ timestamp: 300, message: 'x' }], 400);
      await store.appendEvents(HERE, 'g', 'c', [{ timestamp: 100, message: 'x' }], 400);
      const names = async (q: Partial<Parameters<LogStore['listStreams']>[2]>): Promise<string[]> =>
        (await store.listStreams(HERE, 'g', { orderBy: 'name', descending: false, limit: 50, ...q })).map(
          (s) => s.name,
        );
      expect(await names({})).toEqual(['a', 'b', 'c']);
      expect(await names({ descending: true })).toEqual(['c', 'b', 'a']);
      expect(await names({ after: { name: 'a', lastEventTimestamp: 0 }, limit: 1 })).toEqual(['b']);
      expect(await names({ orderBy: 'lastEventTime' })).toEqual(['b', 'c', 'a']);
      expect(await names({ orderBy: 'lastEventTime', descending: true })).toEqual(['a', 'c', 'b']);
      expect(
        await names({
          orderBy: 'lastEventTime',
          descending: true,
          after: { name: 'c', lastEventTimestamp: 100 },
        }),
      ).toEqual(['b']);
      expect(await names({ namePrefix: 'b' })).toEqual(['b']);
      expect(await store.deleteStream(HERE, 'g', 'b')).toBe(true);
      expect(await store.deleteStream(HERE, 'g', 'b')).toBe(false);
      expect(await names({})).toEqual(['a', 'c']);
      await store.close();
    });

    it('appends events with increasing seq and keeps the stream’s bounds and size', async () => {
      const store = open();
      await withStream(store);
      expect(
        await store.appendEvents(HERE, 'g', 'missing', [{ timestamp: 1, message: 'x' }], 2),
      ).toBeUndefined();
      const first = await store.appendEvents(
        HERE,
        'g',
        's',
        [
          { timestamp: 20, message: 'héllo' },
          { timestamp: 30, message: 'b' },
        ],
        100,
      );
      const second = await store.appendEvents(HERE, 'g', 's', [{ timestamp: 10, message: 'c' }], 200);
      expect(first!.lastSeq).toBeGreaterThan(first!.firstSeq);
      expect(second!.firstSeq).toBeGreaterThan(first!.lastSeq);
      expect(second!.stream).toMatchObject({
        firstEventTimestamp: 10,
        lastEventTimestamp: 30,
        lastIngestionTime: 200,
        storedBytes: 8,
      });
      expect((await store.getGroup(HERE, 'g'))?.storedBytes).toBe(8);
      expect((await store.listGroups(HERE, { limit: 1 }))[0]?.storedBytes).toBe(8);
      await store.close();
    });

    it('reads one stream forward and backward from a position, within a time range', async () => {
      const store = open();
      await withStream(store);
      await store.appendEvents(
        HERE,
        'g',
        's',
        [1, 2, 2, 3, 4].map((timestamp, i) => ({ timestamp, message: `m${i}` })),
        9,
      );
      const read = async (q: Partial<Parameters<LogStore['readStream']>[3]>): Promise<string[]> =>
        (await store.readStream(HERE, 'g', 's', { direction: 'forward', limit: 100, ...q })).map(
          (e) => e.message,
        );
      expect(await read({})).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
      expect(await read({ limit: 2 })).toEqual(['m0', 'm1']);
      expect(await read({ direction: 'backward', limit: 2 })).toEqual(['m3', 'm4']);
      const all = await store.readStream(HERE, 'g', 's', { direction: 'forward', limit: 100 });
      const m1 = all[1]!;
      expect(await read({ from: { timestamp: m1.timestamp, seq: m1.seq } })).toEqual(['m2', 'm3', 'm4']);
      expect(await read({ direction: 'backward', from: { timestamp: m1.timestamp, seq: m1.seq } })).toEqual([
        'm0',
      ]);
      expect(await read({ startTime: 2, endTime: 3 })).toEqual(['m1', 'm2', 'm3']);
      expect(all[0]).toMatchObject({ stream: 's', timestamp: 1, ingestionTime: 9 });
      await store.close();
    });

    it('scans a group across streams in (timestamp, ingestion time, seq) order, by names or prefix', async () => {
      const store = open();
      await withStream(store, 'g', 'web/1');
      await store.createStream(HERE, 'g', { name: 'web/2', creationTime: 1 });
      await store.createStream(HERE, 'g', { name: 'db/1', creationTime: 1 });
      await store.appendEvents(HERE, 'g', 'web/2', [{ timestamp: 5, message: 'w2-5' }], 50);
      await store.appendEvents(
        HERE,
        'g',
        'web/1',
        [
          { timestamp: 5, message: 'w1-5' },
          { timestamp: 7, message: 'w1-7' },
        ],
        40,
      );
      await store.appendEvents(HERE, 'g', 'db/1', [{ timestamp: 6, message: 'd1-6' }], 60);
      const scan = async (q: Partial<Parameters<LogStore['scanGroup']>[2]>): Promise<string[]> =>
        (await store.scanGroup(HERE, 'g', { limit: 100, ...q })).map((e) => e.message);
      expect(await scan({})).toEqual(['w1-5', 'w2-5', 'd1-6', 'w1-7']);
      expect(await scan({ streamNamePrefix: 'web/' })).toEqual(['w1-5', 'w2-5', 'w1-7']);
      expect(await scan({ streamNames: ['db/1', 'web/2'] })).toEqual(['w2-5', 'd1-6']);
      expect(await scan({ startTime: 6, endTime: 6 })).toEqual(['d1-6']);
      const [first] = await store.scanGroup(HERE, 'g', { limit: 1 });
      expect(await scan({ after: first!, limit: 2 })).toEqual(['w2-5', 'd1-6']);
      expect(await store.scanGroup(THERE, 'g', { limit: 100 })).toEqual([]);
      await store.close();
    });

    it('keeps group filters per kind and group, replaces them by name, and drops them with the group', async () => {
      const store = open();
      await withStream(store, 'b');
      await withStream(store, 'a');
      const filter = (groupName: string, name: string, body = {}) => ({
        groupName,
        name,
        creationTime: 5,
        body,
      });
      expect(await store.putGroupFilter(HERE, 'metric', filter('b', 'f2', { v: 1 }))).toBe(true);
      expect(await store.putGroupFilter(HERE, 'metric', filter('a', 'f1'))).toBe(true);
      expect(await store.putGroupFilter(HERE, 'subscription', filter('a', 'f1', { s: 1 }))).toBe(true);
      expect(await store.putGroupFilter(HERE, 'metric', filter('none', 'f1'))).toBe(false);
      expect(await store.putGroupFilter(THERE, 'metric', filter('a', 'f1'))).toBe(false);
      expect(
        await store.putGroupFilter(HERE, 'metric', { ...filter('b', 'f2', { v: 2 }), creationTime: 9 }),
      ).toBe(true);
      expect(await store.listGroupFilters(HERE, 'metric', {})).toEqual([
        filter('a', 'f1'),
        filter('b', 'f2', { v: 2 }),
      ]);
      expect(await store.listGroupFilters(HERE, 'subscription', { groupName: 'a' })).toEqual([
        filter('a', 'f1', { s: 1 }),
      ]);
      expect(await store.deleteGroupFilter(HERE, 'metric', 'a', 'f1')).toBe(true);
      expect(await store.deleteGroupFilter(HERE, 'metric', 'a', 'f1')).toBe(false);
      await store.deleteGroup(HERE, 'a');
      expect(await store.listGroupFilters(HERE, 'subscription', {})).toEqual([]);
      expect(await store.listGroupFilters(HERE, 'metric', {})).toHaveLength(1);
    });

    it('deletes exactly the events older than their group’s retention', async () => {
      const store = open();
      const now = 100 * DAY_MS;
      await withStream(store, 'kept');
      await withStream(store, 'short');
      await store.setRetention(HERE, 'short', 1);
      for (const name of ['kept', 'short']) {
        await store.appendEvents(
          HERE,
          name,
          's',
          [
            { timestamp: now - 2 * DAY_MS, message: 'old' },
            { timestamp: now - DAY_MS + 1, message: 'new' },
          ],
          now,
        );
      }
      expect(await store.deleteExpiredEvents(now)).toBe(1);
      const messages = async (g: string): Promise<string[]> =>
        (await store.readStream(HERE, g, 's', { direction: 'forward', limit: 10 })).map((e) => e.message);
      expect(await messages('short')).toEqual(['new']);
      expect(await messages('kept')).toEqual(['old', 'new']);
      expect(await store.getStream(HERE, 'short', 's')).toMatchObject({
        firstEventTimestamp: now - DAY_MS + 1,
        storedBytes: 3,
      });
      expect(await store.deleteExpiredEvents(now)).toBe(0);
      await store.close();
    });

    if (reopen) {
      it('keeps groups, streams, events and filters across a reopen', async () => {
        const store = open();
        await withStream(store);
        await store.appendEvents(HERE, 'g', 's', [{ timestamp: 1, message: 'kept' }], 2);
        const filter = { groupName: 'g', name: 'f', creationTime: 3, body: { filterPattern: 'x' } };
        await store.putGroupFilter(HERE, 'metric', filter);
        const again = await reopen(store);
        expect(await again.listGroupFilters(HERE, 'metric', {})).toEqual([filter]);
        expect((await again.getGroup(HERE, 'g'))?.name).toBe('g');
        expect(
          (await again.readStream(HERE, 'g', 's', { direction: 'forward', limit: 10 }))[0]?.message,
        ).toBe('kept');
        await again.close();
      });
    }
  });
};

import { describe, expect, it, vi } from 'vitest';

import { SqliteLogStore } from '@berth/telemetry';
import type { GetLogEventsResponse } from '@berth/wire/logs';

import { createLogsModule } from '../logs-module.js';
import { CTX, NOW, unitLogs } from '../test-support/logs.test-support.js';

const DAY = 86_400_000;

describe('the log retention sweep', () => {
  it('deletes the events past their group’s retention and keeps the rest', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    for (const [timestamp, message] of [
      [NOW - 2 * DAY, 'old'],
      [NOW - 1000, 'new'],
    ] as const) {
      await t.call('PutLogEvents', {
        logGroupName: 'g',
        logStreamName: 's',
        logEvents: [{ timestamp, message }],
      });
    }
    await t.call('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 });
    expect(await t.module.retention.sweep()).toBe(1);
    const left = await t.call<GetLogEventsResponse>('GetLogEvents', {
      logGroupName: 'g',
      logStreamName: 's',
    });
    expect(left.events?.map((e) => e.message)).toEqual(['new']);
    t.clock.now += DAY;
    expect(await t.module.retention.sweep()).toBe(1);
  });

  it('runs on its interval between start and stop', async () => {
    const store = new SqliteLogStore(':memory:');
    const swept = vi.spyOn(store, 'deleteExpiredEvents');
    const module = createLogsModule({ store, now: () => NOW, retentionSweepIntervalMs: 5 });
    await module.useCases.createLogGroup(CTX.partition, { logGroupName: 'g' });
    module.start();
    await vi.waitFor(() => expect(swept).toHaveBeenCalled());
    await module.stop();
    const calls = swept.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(swept.mock.calls.length).toBe(calls);
    await store.close();
  });
});

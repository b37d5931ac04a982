import { describe, expect, it } from 'vitest';

import { EMPTY_RESOURCES } from '@berth/core';

import type { ManagedHostRecord } from '../records.js';

import { assignManagedHosts, type ManagedHostView } from './managed-capacity.js';

const host = (hostArn: string, freeMemory: number): ManagedHostView => ({
  record: {
    hostArn,
    accountId: '000000000000',
    status: 'ACTIVE',
    registeredResources: { ...EMPTY_RESOURCES, memory: 8192 },
    attributes: [],
    registeredAt: 0,
  } satisfies ManagedHostRecord,
  freeMemory,
});

describe('assignManagedHosts', () => {
  it('spreads tasks to the host with the most free memory, counting earlier picks', () => {
    const picks = assignManagedHosts([host('a', 2048), host('b', 1536)], [512, 512, 512, 512]);
    expect(picks.map((p) => p?.hostArn)).toEqual(['a', 'a', 'b', 'a']);
  });

  it('leaves a task unplaced when no host has its memory', () => {
    const picks = assignManagedHosts([host('a', 1024)], [512, 1024, 512]);
    expect(picks.map((p) => p?.hostArn)).toEqual(['a', undefined, 'a']);
  });
});

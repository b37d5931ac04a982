import { describe, expect, it } from 'vitest';

import { prepareEndpointAddress } from './endpoint-address.js';

const deps = (ip: (args: readonly string[]) => Promise<void>, present: string[] = ['127.0.0.1']) => {
  const logs: string[] = [];
  const calls: (readonly string[])[] = [];
  return {
    logs,
    calls,
    deps: {
      ip: (args: readonly string[]) => {
        calls.push(args);
        return ip(args);
      },
      hostAddresses: () => present,
      bridgeGateway: () => Promise.resolve('172.17.0.1'),
      log: (message: string) => logs.push(message),
    },
  };
};

describe('prepareEndpointAddress', () => {
  it('adds 169.254.170.2/32 to lo', async () => {
    const t = deps(() => Promise.resolve());
    expect(await prepareEndpointAddress('169.254.170.2', t.deps)).toBe('169.254.170.2');
    expect(t.calls).toEqual([['addr', 'add', '169.254.170.2/32', 'dev', 'lo']]);
  });

  it('uses it as it is when the host has it, and tolerates another agent adding it first', async () => {
    const present = deps(() => Promise.reject(new Error('unexpected')), ['127.0.0.1', '169.254.170.2']);
    expect(await prepareEndpointAddress('169.254.170.2', present.deps)).toBe('169.254.170.2');
    expect(present.calls).toEqual([]);
    const raced = deps(() => Promise.reject(new Error('RTNETLINK answers: File exists')));
    expect(await prepareEndpointAddress('169.254.170.2', raced.deps)).toBe('169.254.170.2');
    expect(raced.logs).toEqual([]);
  });

  it("falls back to Docker's bridge gateway with a warning when it cannot add the address", async () => {
    const t = deps(() => Promise.reject(new Error('RTNETLINK answers: Operation not permitted')));
    expect(await prepareEndpointAddress('169.254.170.2', t.deps)).toBe('172.17.0.1');
    expect(t.logs.join('\n')).toMatch(
      /could not add 169\.254\.170\.2 to lo.*AWS_CONTAINER_CREDENTIALS_FULL_URI/s,
    );
  });

  it('another configured address is used as given', async () => {
    const t = deps(() => Promise.reject(new Error('unexpected')));
    expect(await prepareEndpointAddress('127.0.0.1', t.deps)).toBe('127.0.0.1');
    expect(await prepareEndpointAddress('10.9.9.9', t.deps)).toBe('10.9.9.9');
    expect(t.calls).toEqual([]);
  });
});

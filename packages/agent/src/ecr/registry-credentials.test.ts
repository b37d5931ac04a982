import { describe, expect, it } from 'vitest';

import type { EcrTokenSource } from './ecr-client.js';
import {
  RegistryCredentials,
  TOKEN_FAILURE_BACKOFF_MS,
  TOKEN_REFRESH_MARGIN_MS,
} from './registry-credentials.js';
import { decodeAuthorizationData, type RegistryToken } from './registry-token.js';

const HOUR = 60 * 60 * 1000;

class FakeEcr implements EcrTokenSource {
  readonly calls: string[] = [];
  failWith: Error | undefined;
  constructor(private readonly clock: { now: number }) {}

  getAuthorizationToken(region: string, registryId?: string): Promise<RegistryToken> {
    this.calls.push(registryId === undefined ? region : `${region}/${registryId}`);
    if (this.failWith) return Promise.reject(this.failWith);
    return Promise.resolve({
      username: 'AWS',
      password: `${region}-${this.calls.length}`,
      expiresAtMs: this.clock.now + 12 * HOUR,
      proxyEndpoint: 'http://localhost:7471',
    });
  }
}

const setup = () => {
  const clock = { now: 1_000_000 };
  const ecr = new FakeEcr(clock);
  const logs: string[] = [];
  const credentials = new RegistryCredentials({
    source: ecr,
    now: () => clock.now,
    log: (m) => logs.push(m),
  });
  return { clock, ecr, logs, credentials };
};

describe('RegistryCredentials', () => {
  it('keeps a region’s token until an hour before it expires, then asks again', async () => {
    const { clock, ecr, credentials } = setup();
    const first = await credentials.get('us-east-1');
    expect(first?.password).toBe('us-east-1-1');
    clock.now += 11 * HOUR - 1;
    expect((await credentials.get('us-east-1'))?.password).toBe('us-east-1-1');
    clock.now += 1;
    expect(clock.now).toBe(first!.expiresAtMs - TOKEN_REFRESH_MARGIN_MS);
    expect((await credentials.get('us-east-1'))?.password).toBe('us-east-1-2');
    expect(ecr.calls).toEqual(['us-east-1', 'us-east-1']);
  });

  it('keeps one token per region', async () => {
    const { ecr, credentials } = setup();
    await credentials.get('us-east-1');
    await credentials.get('eu-west-1');
    await credentials.get('us-east-1');
    expect(ecr.calls).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('shares one call among callers asking at once', async () => {
    const { ecr, credentials } = setup();
    const [a, b] = await Promise.all([credentials.get('us-east-1'), credentials.get('us-east-1')]);
    expect(a).toBe(b);
    expect(ecr.calls).toHaveLength(1);
  });

  it('answers undefined when the call fails (no ECR on the server), and waits before asking again', async () => {
    const { clock, ecr, logs, credentials } = setup();
    ecr.failWith = new Error('UnknownOperationException: unknown operation');
    expect(await credentials.get('us-east-1')).toBeUndefined();
    expect(logs[0]).toMatch(/GetAuthorizationToken failed/);
    clock.now += TOKEN_FAILURE_BACKOFF_MS - 1;
    expect(await credentials.get('us-east-1')).toBeUndefined();
    expect(ecr.calls).toHaveLength(1);
    ecr.failWith = undefined;
    clock.now += 1;
    expect((await credentials.get('us-east-1'))?.password).toBe('us-east-1-2');
  });
});

describe('decodeAuthorizationData', () => {
  it('decodes base64("AWS:"+password) and epoch-second expiry', () => {
    const token = Buffer.from('AWS:pa:ss').toString('base64');
    expect(
      decodeAuthorizationData({
        authorizationToken: token,
        expiresAt: 1700000000,
        proxyEndpoint: 'http://localhost:7471',
      }),
    ).toEqual({
      username: 'AWS',
      password: 'pa:ss',
      expiresAtMs: 1700000000000,
      proxyEndpoint: 'http://localhost:7471',
    });
  });

  it('refuses an answer without authorization data or a user:password token', () => {
    expect(() => decodeAuthorizationData(undefined)).toThrow(/without authorizationData/);
    const plain = Buffer.from('nocolon').toString('base64');
    expect(() =>
      decodeAuthorizationData({ authorizationToken: plain, expiresAt: 1, proxyEndpoint: 'http://x' }),
    ).toThrow(/user:password/);
  });

  it('keeps one token per registry: another account’s registry is asked for by its id', async () => {
    const { ecr, credentials } = setup();
    const own = await credentials.get('us-east-1');
    const other = await credentials.get('us-east-1', '999999999999');
    expect(await credentials.get('us-east-1', '999999999999')).toBe(other);
    expect(other).not.toBe(own);
    expect(ecr.calls).toEqual(['us-east-1', 'us-east-1/999999999999']);
  });
});

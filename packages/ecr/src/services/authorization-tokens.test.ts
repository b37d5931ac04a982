import { describe, expect, it } from 'vitest';

import { MemoryStateStore } from '@berth/store';

import { createEcrModule } from '../ecr-module.js';
import { MemoryLayerBlobs, PARTITION, T0 } from '../test-support/ecr.test-support.js';

const moduleOver = (store: MemoryStateStore, clock: { now: number }) =>
  createEcrModule({
    store,
    blobs: new MemoryLayerBlobs(clock),
    registryHost: 'localhost:7471',
    now: () => clock.now,
  });

const passwordOf = (token: string): string => Buffer.from(token, 'base64').toString().slice('AWS:'.length);

describe('authorization tokens', () => {
  it('verify on another replica over the same store, and expire after 12 hours', () => {
    const store = new MemoryStateStore();
    const clock = { now: T0 };
    const minter = moduleOver(store, clock);
    const verifier = moduleOver(store, clock);
    const password = passwordOf(minter.services.tokens.mint(PARTITION).authorizationToken);
    expect(verifier.authenticator.verifyPassword(password)).toEqual({ ok: true, partition: PARTITION });
    clock.now += 12 * 3600 * 1000 - 1000;
    expect(verifier.authenticator.verifyPassword(password).ok).toBe(true);
    clock.now += 1000;
    expect(verifier.authenticator.verifyPassword(password)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a tampered payload or mac, garbage, and a token from another store', () => {
    const clock = { now: T0 };
    const ecr = moduleOver(new MemoryStateStore(), clock);
    const password = passwordOf(ecr.services.tokens.mint(PARTITION).authorizationToken);
    const [payload = '', mac = ''] = password.split('.');
    const forged = Buffer.from(
      JSON.stringify({ account: '999999999999', region: 'us-east-1', exp: T0 / 1000 + 99999 }),
    ).toString('base64url');
    for (const bad of [
      `${forged}.${mac}`,
      `${payload}.${mac.slice(0, -2)}AA`,
      'garbage',
      '',
      `${payload}.${mac}.x`,
      `.${mac}`,
    ]) {
      expect(ecr.authenticator.verifyPassword(bad)).toEqual({ ok: false, reason: 'invalid' });
    }
    const stranger = moduleOver(new MemoryStateStore(), clock);
    expect(stranger.authenticator.verifyPassword(password)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a token asked for another account’s registry opens nothing there; the own account’s opens its own', () => {
    const clock = { now: T0 };
    const ecr = moduleOver(new MemoryStateStore(), clock);
    const other = passwordOf(ecr.services.tokens.mint(PARTITION, '999999999999').authorizationToken);
    expect(ecr.authenticator.verifyPassword(other)).toEqual({
      ok: false,
      reason: 'denied',
      registryId: '999999999999',
    });
    const own = passwordOf(ecr.services.tokens.mint(PARTITION, PARTITION.accountId).authorizationToken);
    expect(ecr.authenticator.verifyPassword(own)).toEqual({ ok: true, partition: PARTITION });
  });
});

/**
 * GetAuthorizationToken's password and its check. The password is
 * `<base64url(payload)>.<base64url(hmac)>`, payload `{account, region, exp}` (exp in epoch
 * seconds; `registry` too when the caller asked for another account's registry, which the token
 * then does not open: Berth has no cross-account repository policies), HMAC-SHA256 under a secret kept in the state store (created on first use), so every
 * replica over the same store verifies what any replica minted. Compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { PasswordCheck, Partition } from '@berth/core';

import { ECR_KIND, type TokenSecretRecord } from '../records/ecr-records.js';

import type { ServiceDeps } from './service-deps.js';

/** ECR's tokens last 12 hours. */
export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
const SECRET_KEY = 'hmac';

export interface AuthorizationData {
  readonly authorizationToken: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
  readonly proxyEndpoint: string;
}

export class AuthorizationTokens {
  constructor(private readonly deps: ServiceDeps) {}

  private secret(): Buffer {
    const existing = this.deps.store.get<TokenSecretRecord>(ECR_KIND.tokenSecret, SECRET_KEY);
    if (existing !== undefined) return Buffer.from(existing.secret, 'base64');
    const record = this.deps.store.transact((tx) => {
      const raced = tx.get<TokenSecretRecord>(ECR_KIND.tokenSecret, SECRET_KEY);
      if (raced !== undefined) return raced;
      const created: TokenSecretRecord = { secret: this.deps.ids.secret().toString('base64') };
      tx.put(ECR_KIND.tokenSecret, SECRET_KEY, 'global', created);
      return created;
    });
    return Buffer.from(record.secret, 'base64');
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret()).update(payload).digest();
  }

  mintPassword(partition: Partition, expiresAtMs: number, registryId = partition.accountId): string {
    const payload = Buffer.from(
      JSON.stringify({
        account: partition.accountId,
        region: partition.region,
        ...(registryId === partition.accountId ? {} : { registry: registryId }),
        exp: Math.floor(expiresAtMs / 1000),
      }),
    ).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** A token for the registry of `registryId` (default: the caller's own account's). */
  mint(partition: Partition, registryId = partition.accountId): AuthorizationData {
    const expiresAtMs = this.deps.now() + TOKEN_LIFETIME_MS;
    const password = this.mintPassword(partition, expiresAtMs, registryId);
    return {
      authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'),
      expiresAt: Math.floor(expiresAtMs / 1000),
      proxyEndpoint: `http://${this.deps.registryHost()}`,
    };
  }

  verifyPassword(password: string): PasswordCheck {
    const [payload, mac, ...rest] = password.split('.');
    if (payload === undefined || mac === undefined || rest.length > 0 || payload === '')
      return { ok: false, reason: 'invalid' };
    const expected = this.mac(payload);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'invalid' };
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const c = claims as { account?: unknown; region?: unknown; registry?: unknown; exp?: unknown };
    if (typeof c.account !== 'string' || typeof c.region !== 'string' || typeof c.exp !== 'number') {
      return { ok: false, reason: 'invalid' };
    }
    if (c.exp * 1000 <= this.deps.now()) return { ok: false, reason: 'expired' };
    if (typeof c.registry === 'string' && c.registry !== c.account)
      return { ok: false, reason: 'denied', registryId: c.registry };
    return { ok: true, partition: { accountId: c.account, region: c.region } };
  }
}

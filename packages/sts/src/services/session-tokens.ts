/**
 * Stateless session tokens: the claims of a role session (its ASIA… key and secret, role, session
 * name, account, expiry) sealed with AES-256-GCM under a key kept in the state store (created on
 * first use, so every replica over the same store opens what any replica sealed). AssumeRole
 * writes nothing; a token that was altered, or sealed under another key, does not open.
 *
 * Token: base64url(version 1 | 12-byte IV | 16-byte tag | ciphertext of the JSON claims).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { StateStore } from '@berth/store';

export const STS_KIND = { tokenKey: 'sts-token-key' } as const;
const KEY_NAME = 'aes-256-gcm';
const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const MAX_OPENED = 4096;

interface TokenKeyRecord {
  /** base64 of 32 random bytes. */
  readonly key: string;
}

export interface SessionClaims {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly roleArn: string;
  readonly roleId: string;
  readonly sessionName: string;
  readonly accountId: string;
  /** Epoch seconds. */
  readonly expiration: number;
}

const isClaims = (value: unknown): value is SessionClaims => {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    ['accessKeyId', 'secretAccessKey', 'roleArn', 'roleId', 'sessionName', 'accountId'].every(
      (k) => typeof c[k] === 'string',
    ) && typeof c['expiration'] === 'number'
  );
};

export class SessionTokens {
  private cached: { record: TokenKeyRecord; key: Buffer } | undefined;
  /** Tokens already opened (every request of a session carries the same one). */
  private readonly opened = new Map<string, SessionClaims>();

  constructor(
    private readonly store: StateStore,
    private readonly newKey: () => Buffer = () => randomBytes(32),
  ) {}

  private keyOf(record: TokenKeyRecord): Buffer {
    if (this.cached?.record !== record) this.cached = { record, key: Buffer.from(record.key, 'base64') };
    return this.cached.key;
  }

  /** The sealing key, created on first use. */
  private key(): Buffer {
    const existing = this.store.get<TokenKeyRecord>(STS_KIND.tokenKey, KEY_NAME);
    if (existing !== undefined) return this.keyOf(existing);
    const record = this.store.transact((tx) => {
      const raced = tx.get<TokenKeyRecord>(STS_KIND.tokenKey, KEY_NAME);
      if (raced !== undefined) return raced;
      const created: TokenKeyRecord = { key: this.newKey().toString('base64') };
      tx.put(STS_KIND.tokenKey, KEY_NAME, 'global', created);
      return created;
    });
    return this.keyOf(record);
  }

  seal(claims: SessionClaims): string {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The claims of a token sealed under this store's key, else undefined. */
  unseal(token: string): SessionClaims | undefined {
    const hit = this.opened.get(token);
    if (hit !== undefined) return hit;
    const claims = this.open(token);
    if (claims !== undefined) {
      if (this.opened.size >= MAX_OPENED) this.opened.clear();
      this.opened.set(token, claims);
    }
    return claims;
  }

  private open(token: string): SessionClaims | undefined {
    const existing = this.store.get<TokenKeyRecord>(STS_KIND.tokenKey, KEY_NAME);
    if (existing === undefined) return undefined;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length <= 1 + IV_LENGTH + TAG_LENGTH || bytes[0] !== VERSION) return undefined;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.keyOf(existing),
        bytes.subarray(1, 1 + IV_LENGTH),
      );
      decipher.setAuthTag(bytes.subarray(1 + IV_LENGTH, 1 + IV_LENGTH + TAG_LENGTH));
      const text = Buffer.concat([
        decipher.update(bytes.subarray(1 + IV_LENGTH + TAG_LENGTH)),
        decipher.final(),
      ]).toString('utf8');
      const claims: unknown = JSON.parse(text);
      return isClaims(claims) ? claims : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * A unit Secrets Manager over an in-memory store with a settable clock, deterministic randomness
 * and a real AES-256-GCM test cipher (one key, rotatable) so tests can read the stored records.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read as the JSON a client sees */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { ApiError, type Partition, type SecretCipher } from '@berth/core';
import type { RequestContext } from '@berth/gateway';
import { MemoryStateStore } from '@berth/store';

import { createSecretsManagerModule, type SecretsManagerModule } from '../secrets-manager-module.js';

export const PARTITION: Partition = { accountId: '123456789012', region: 'us-east-1' };
export const contextFor = (partition: Partition): RequestContext => ({
  requestId: 'unit',
  partition,
  accessKeyId: 'AKIAUNIT',
  principalArn: `arn:aws:iam::${partition.accountId}:root`,
  identity: {
    accountId: partition.accountId,
    arn: `arn:aws:iam::${partition.accountId}:root`,
    userId: partition.accountId,
    kind: 'root',
  },
  endpoint: 'http://127.0.0.1/',
});
export const CTX = contextFor(PARTITION);
/** 2026-12-03T12:00:00Z in epoch ms. */
export const T0 = Date.UTC(2026, 11, 3, 12);
export const DAY_MS = 86_400_000;

/** AES-256-GCM under numbered in-memory keys: `t:<key>:<iv>:<body>`. */
export class TestCipher implements SecretCipher {
  private readonly keys: Buffer[] = [randomBytes(32)];

  rotate(): void {
    this.keys.push(randomBytes(32));
  }

  seal(plaintext: Uint8Array): string {
    const index = this.keys.length - 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[index] as Buffer, iv);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `t:${index}:${iv.toString('base64')}:${body.toString('base64')}`;
  }

  open(sealed: string): Uint8Array {
    const [, index = '', iv = '', body = ''] = sealed.split(':');
    const key = this.keys[Number(index)];
    if (key === undefined) throw new Error('unknown key');
    const bytes = Buffer.from(body, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
  }

  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`t:${this.keys.length - 1}:`);
  }
}

export interface UnitSecrets {
  readonly module: SecretsManagerModule;
  readonly store: MemoryStateStore;
  readonly cipher: TestCipher;
  readonly clock: { now: number };
  call(operation: string, input: object, ctx?: RequestContext): Promise<Record<string, any>>;
  errorOf(operation: string, input: object, ctx?: RequestContext): Promise<string>;
}

export const unitSecrets = (): UnitSecrets => {
  const clock = { now: T0 };
  const store = new MemoryStateStore();
  const cipher = new TestCipher();
  let counter = 0;
  const module = createSecretsManagerModule({
    store,
    cipher,
    now: () => clock.now,
    random: {
      suffix: () => `Ab${String(++counter).padStart(4, '0')}`,
      versionId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
      int: (max) => ++counter % max,
    },
  });
  const call = async (operation: string, input: object, ctx = CTX): Promise<Record<string, any>> => {
    const op = module.api.operations.get(operation);
    if (!op) throw new Error(`no operation ${operation}`);
    return (await op(ctx, input as Record<string, unknown>)) as Record<string, any>;
  };
  const errorOf = async (operation: string, input: object, ctx = CTX): Promise<string> => {
    try {
      await call(operation, input, ctx);
      return 'none';
    } catch (error) {
      return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
    }
  };
  return { module, store, cipher, clock, call, errorOf };
};

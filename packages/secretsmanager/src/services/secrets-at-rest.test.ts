import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SqliteStateStore } from '@berth/store';

import type { SecretRecord } from '../records/secret-records.js';
import { createSecretsManagerModule } from '../secrets-manager-module.js';
import { CTX, TestCipher, unitSecrets } from '../test-support/secrets-manager.test-support.js';

const PLAIN = 'correct-horse-battery-staple';
const BINARY = Buffer.from('binary-plaintext-bytes').toString('base64');

describe('secrets at rest', () => {
  it('stores only sealed values: no record holds the plaintext, as text or base64', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 'a', SecretString: PLAIN });
    await t.call('PutSecretValue', { SecretId: 'a', SecretString: `${PLAIN}-2` });
    await t.call('CreateSecret', { Name: 'b', SecretBinary: BINARY });
    const stored = JSON.stringify(t.store.list('secretsmanager-secret'));
    expect(stored).not.toContain(PLAIN);
    expect(stored).not.toContain(Buffer.from(PLAIN).toString('base64'));
    expect(stored).not.toContain('binary-plaintext-bytes');
    expect(stored).not.toContain(BINARY);
    expect(stored).toContain('"sealedString":"t:0:');
  });

  it('re-seals every value under the active key after a rotation, and the values still read', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 'a', SecretString: 'one' });
    await t.call('PutSecretValue', { SecretId: 'a', SecretString: 'two' });
    await t.call('CreateSecret', { Name: 'b', SecretBinary: BINARY });
    await t.call('CreateSecret', { Name: 'empty' });
    t.cipher.rotate();
    expect(t.module.resealAll()).toEqual({ records: 2, values: 3 });
    for (const record of t.store.list<SecretRecord>('secretsmanager-secret')) {
      for (const v of record.versions) {
        for (const sealed of [v.sealedString, v.sealedBinary].filter((s) => s !== undefined)) {
          expect(t.cipher.isCurrent(sealed)).toBe(true);
        }
      }
    }
    expect((await t.call('GetSecretValue', { SecretId: 'a' })).SecretString).toBe('two');
    expect(
      (await t.call('GetSecretValue', { SecretId: 'a', VersionStage: 'AWSPREVIOUS' })).SecretString,
    ).toBe('one');
    expect((await t.call('GetSecretValue', { SecretId: 'b' })).SecretBinary).toBe(BINARY);
    expect(t.module.resealAll()).toEqual({ records: 0, values: 0 });
  });

  it('answers DecryptionFailure when a stored value cannot be opened', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 'a', SecretString: 'one' });
    const [record] = t.store.list<SecretRecord>('secretsmanager-secret');
    if (!record) throw new Error('no record');
    const broken = {
      ...record,
      versions: record.versions.map((v) => ({ ...v, sealedString: 't:9:AAAA:AAAA' })),
    };
    t.store.transact((tx) =>
      tx.put('secretsmanager-secret', `123456789012/us-east-1|a`, '123456789012/us-east-1', broken),
    );
    expect(await t.errorOf('GetSecretValue', { SecretId: 'a' })).toMatch(/^DecryptionFailure: /);
  });
});

describe('secrets in an SQLite data file', () => {
  it('the file holds no plaintext, and a reopened store reads the value back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-sm-at-rest-'));
    try {
      const cipher = new TestCipher();
      const path = join(dir, 'state.db');
      const store = new SqliteStateStore(path);
      const module = createSecretsManagerModule({ store, cipher });
      const create = module.api.operations.get('CreateSecret');
      await create?.(CTX, { Name: 'db', SecretString: PLAIN });
      store.close();
      for (const file of readdirSync(dir)) {
        const bytes = readFileSync(join(dir, file));
        expect(bytes.includes(PLAIN)).toBe(false);
        expect(bytes.includes(Buffer.from(PLAIN).toString('base64'))).toBe(false);
      }
      const reopened = new SqliteStateStore(path);
      const again = createSecretsManagerModule({ store: reopened, cipher });
      expect(again.services.values.getValue(CTX.partition, { SecretId: 'db' }).SecretString).toBe(PLAIN);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

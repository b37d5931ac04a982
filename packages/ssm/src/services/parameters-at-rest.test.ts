import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SqliteStateStore } from '@berth/store';

import type { ParameterRecord } from '../records/parameter-records.js';
import { createSsmModule } from '../ssm-module.js';
import { CTX, TestCipher, unitSsm } from '../test-support/ssm.test-support.js';

describe('parameters at rest', () => {
  it('stores every value sealed: no record holds a plaintext, as text or base64', async () => {
    const t = unitSsm();
    await t.call('PutParameter', { Name: '/db/password', Value: 'sup3r-s3cret-value', Type: 'SecureString' });
    await t.call('PutParameter', { Name: '/db/host', Value: 'plain-host-name', Type: 'String' });
    await t.call('PutParameter', { Name: '/db/list', Value: 'first-item,second-item', Type: 'StringList' });
    const stored = JSON.stringify(t.store.list('ssm-parameter'));
    for (const plain of ['sup3r-s3cret-value', 'plain-host-name', 'first-item']) {
      expect(stored).not.toContain(plain);
      expect(stored).not.toContain(Buffer.from(plain).toString('base64'));
    }
    expect(stored).toContain('"sealedValue":"t:0:');
  });

  it('re-seals every value under the active key after a rotation, and the values still read', async () => {
    const t = unitSsm();
    await t.call('PutParameter', { Name: '/a', Value: 'one', Type: 'SecureString' });
    await t.call('PutParameter', { Name: '/a', Value: 'two', Overwrite: true });
    await t.call('PutParameter', { Name: 'b', Value: 'bee', Type: 'String' });
    t.cipher.rotate();
    await t.call('PutParameter', { Name: '/c', Value: 'fresh', Type: 'String' });
    expect(t.module.resealAll()).toEqual({ records: 2, values: 3 });
    for (const record of t.store.list<ParameterRecord>('ssm-parameter')) {
      for (const v of record.versions) expect(t.cipher.isCurrent(v.sealedValue)).toBe(true);
    }
    expect((await t.call('GetParameter', { Name: '/a:1', WithDecryption: true })).Parameter.Value).toBe(
      'one',
    );
    expect((await t.call('GetParameter', { Name: '/a', WithDecryption: true })).Parameter.Value).toBe('two');
    expect((await t.call('GetParameter', { Name: 'b' })).Parameter.Value).toBe('bee');
    expect(t.module.resealAll()).toEqual({ records: 0, values: 0 });
  });
});

describe('parameters in an SQLite data file', () => {
  it('the file holds no plaintext, and a reopened store reads the value back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-ssm-at-rest-'));
    const plain = 'a-securestring-plaintext';
    try {
      const cipher = new TestCipher();
      const path = join(dir, 'state.db');
      const store = new SqliteStateStore(path);
      const put = createSsmModule({ store, cipher }).api.operations.get('PutParameter');
      await put?.(CTX, { Name: '/db/password', Value: plain, Type: 'SecureString' });
      store.close();
      for (const file of readdirSync(dir)) {
        const bytes = readFileSync(join(dir, file));
        expect(bytes.includes(plain)).toBe(false);
        expect(bytes.includes(Buffer.from(plain).toString('base64'))).toBe(false);
      }
      const reopened = new SqliteStateStore(path);
      const again = createSsmModule({ store: reopened, cipher });
      expect(again.parameters.get(CTX.partition, '/db/password', true).Parameter?.Value).toBe(plain);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

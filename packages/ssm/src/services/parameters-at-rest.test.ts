import { describe, expect, it } from 'vitest';

import type { ParameterRecord } from '../records/parameter-records.js';
import { unitSsm } from '../test-support/ssm.test-support.js';

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

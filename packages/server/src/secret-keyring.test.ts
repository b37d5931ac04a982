import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { openSecretKeyring } from './secret-keyring.js';

const dirs: string[] = [];
const keyringPath = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-keyring-'));
  dirs.push(dir);
  return join(dir, 'secrets.keyring');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const bytes = (value: string): Uint8Array => Buffer.from(value, 'utf8');

describe('the secrets keyring', () => {
  it('opens what it sealed, for any bytes, and never shows the plaintext', () => {
    const keyring = openSecretKeyring(undefined);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (plaintext) => {
        const sealed = keyring.seal(plaintext);
        expect(Buffer.from(keyring.open(sealed))).toEqual(Buffer.from(plaintext));
        expect(sealed.startsWith(`bk1:${keyring.activeKeyId}:`)).toBe(true);
        expect(keyring.isCurrent(sealed)).toBe(true);
      }),
    );
    const sealed = keyring.seal(bytes('hunter2-password'));
    expect(sealed).not.toContain('hunter2');
    expect(Buffer.from(sealed).toString('base64')).not.toContain(Buffer.from('hunter2').toString('base64'));
  });

  it('uses a fresh IV for every value', () => {
    const keyring = openSecretKeyring(undefined);
    expect(keyring.seal(bytes('same'))).not.toBe(keyring.seal(bytes('same')));
  });

  it('refuses a tampered value: ciphertext, tag, IV or key id', () => {
    const keyring = openSecretKeyring(undefined);
    const sealed = keyring.seal(bytes('the value'));
    const [format, keyId, iv = '', body = ''] = sealed.split(':');
    const flip = (b64: string, index: number): string => {
      const raw = Buffer.from(b64, 'base64');
      raw[index] = (raw[index] ?? 0) ^ 1;
      return raw.toString('base64');
    };
    for (const tampered of [
      [format, keyId, iv, flip(body, 0)].join(':'),
      [format, keyId, iv, flip(body, Buffer.from(body, 'base64').length - 1)].join(':'),
      [format, keyId, flip(iv, 3), body].join(':'),
    ]) {
      expect(() => keyring.open(tampered)).toThrow(/failed authentication/);
    }
    expect(() => keyring.open([format, 'other', iv, body].join(':'))).toThrow(/does not hold/);
    expect(() => keyring.open('plain text')).toThrow(/Not a sealed secret value/);
  });

  it('another keyring cannot open its values', () => {
    const sealed = openSecretKeyring(undefined).seal(bytes('x'));
    expect(() => openSecretKeyring(undefined).open(sealed)).toThrow();
  });

  it('creates its file with mode 0600 and reopens the same keys', () => {
    const path = keyringPath();
    const first = openSecretKeyring(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { active: string; keys: Record<string, string> };
    expect(file.active).toBe(first.activeKeyId);
    expect(Buffer.from(file.keys[first.activeKeyId] ?? '', 'base64')).toHaveLength(32);
    const sealed = first.seal(bytes('kept across restarts'));
    const second = openSecretKeyring(path);
    expect(second.activeKeyId).toBe(first.activeKeyId);
    expect(text(second.open(sealed))).toBe('kept across restarts');
  });

  it('rotates: a new active key, old values still open and are no longer current', () => {
    const path = keyringPath();
    const keyring = openSecretKeyring(path);
    const before = keyring.activeKeyId;
    const old = keyring.seal(bytes('old value'));
    const added = keyring.rotate();
    expect(added).not.toBe(before);
    expect(keyring.activeKeyId).toBe(added);
    expect(keyring.keyIds).toEqual([before, added]);
    expect(keyring.isCurrent(old)).toBe(false);
    expect(text(keyring.open(old))).toBe('old value');
    const fresh = keyring.seal(bytes('new value'));
    expect(keyring.isCurrent(fresh)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(path))).toEqual(['secrets.keyring']);
    const reopened = openSecretKeyring(path);
    expect(reopened.activeKeyId).toBe(added);
    expect(text(reopened.open(old))).toBe('old value');
    expect(text(reopened.open(fresh))).toBe('new value');
  });

  it('refuses a keyring file others may read, or one that is malformed', () => {
    const path = keyringPath();
    openSecretKeyring(path);
    chmodSync(path, 0o644);
    expect(() => openSecretKeyring(path)).toThrow(/may be read by other users \(mode 644\)/);
    chmodSync(path, 0o600);
    writeFileSync(path, JSON.stringify({ active: 'a', keys: { a: 'c2hvcnQ=' } }));
    expect(() => openSecretKeyring(path)).toThrow(/malformed key "a"/);
    writeFileSync(path, JSON.stringify({ active: 'b', keys: {} }));
    expect(() => openSecretKeyring(path)).toThrow(/does not hold/);
    writeFileSync(path, 'nope');
    expect(() => openSecretKeyring(path)).toThrow(/is not JSON/);
  });
});

describe('opening a keyring twice', () => {
  it('the second opener reads the key the first created, and no temporary file stays', () => {
    const path = keyringPath();
    const a = openSecretKeyring(path);
    const b = openSecretKeyring(path);
    expect(b.activeKeyId).toBe(a.activeKeyId);
    expect(text(b.open(a.seal(bytes('shared'))))).toBe('shared');
    expect(readdirSync(dirname(path))).toEqual(['secrets.keyring']);
  });
});

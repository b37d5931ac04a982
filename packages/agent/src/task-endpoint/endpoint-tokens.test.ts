import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { EndpointTokens, loadEndpointSecret, sameSecret } from './endpoint-tokens.js';

const dir = mkdtempSync(join(tmpdir(), 'berth-endpoint-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('endpoint tokens', () => {
  it('the secret is created once (mode 0600) and read back by a restarted agent', () => {
    const first = loadEndpointSecret(dir);
    expect(loadEndpointSecret(dir).equals(first)).toBe(true);
    expect(statSync(join(dir, 'task-endpoint-secret')).mode & 0o777).toBe(0o600);
    const again = new EndpointTokens(loadEndpointSecret(dir));
    expect(again.containerToken('arn:t', 'web')).toBe(
      new EndpointTokens(first).containerToken('arn:t', 'web'),
    );
  });

  it('tokens differ between containers, tasks, purposes and secrets, and are URL-safe', () => {
    const a = new EndpointTokens(Buffer.alloc(32, 1));
    const b = new EndpointTokens(Buffer.alloc(32, 2));
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (task, one, two) => {
        const token = a.containerToken(task, one);
        expect(token).toMatch(/^[A-Za-z0-9_-]{40}$/);
        expect(b.containerToken(task, one)).not.toBe(token);
        if (one !== two) expect(a.containerToken(task, two)).not.toBe(token);
        expect(a.credentialsId(task)).not.toBe(a.authorizationToken(task).slice(0, 40));
      }),
    );
    expect(a.containerToken('arn:a', 'x\0y')).not.toBe(a.containerToken('arn:a\0x', 'y'));
  });

  it('sameSecret compares exactly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('ab', 'abc')).toBe(false);
  });
});

/** Sealed session tokens: what is sealed opens unchanged; any altered byte makes it not open. */
import { MemoryStateStore } from '@berth/store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type SessionClaims, SessionTokens } from './session-tokens.js';

const claims = fc.record({
  accessKeyId: fc.string({ minLength: 1 }),
  secretAccessKey: fc.string({ minLength: 1 }),
  roleArn: fc.string(),
  roleId: fc.string(),
  sessionName: fc.string(),
  accountId: fc.string(),
  expiration: fc.integer({ min: 0, max: 2 ** 40 }),
}) as fc.Arbitrary<SessionClaims>;

describe('SessionTokens', () => {
  it('opens what it sealed, and every replica over the same store opens it', () => {
    const store = new MemoryStateStore();
    const tokens = new SessionTokens(store);
    const replica = new SessionTokens(store);
    fc.assert(
      fc.property(claims, (c) => {
        const token = tokens.seal(c);
        expect(tokens.unseal(token)).toEqual(c);
        expect(replica.unseal(token)).toEqual(c);
      }),
    );
  });

  it('does not open a token with any byte altered', () => {
    const tokens = new SessionTokens(new MemoryStateStore());
    fc.assert(
      fc.property(claims, fc.nat(), fc.integer({ min: 1, max: 255 }), (c, at, flip) => {
        const bytes = Buffer.from(tokens.seal(c), 'base64url');
        const i = at % bytes.length;
        bytes[i] = (bytes[i] ?? 0) ^ flip;
        expect(tokens.unseal(bytes.toString('base64url'))).toBeUndefined();
      }),
    );
  });

  it('opens nothing before a key exists', () => {
    expect(new SessionTokens(new MemoryStateStore()).unseal('AQID')).toBeUndefined();
  });
});

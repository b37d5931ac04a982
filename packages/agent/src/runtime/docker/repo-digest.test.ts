import { describe, expect, it } from 'vitest';

import { repoDigestFor, repositoryOf } from './repo-digest.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('repoDigestFor', () => {
  it('picks the digest of the reference’s own repository', () => {
    const digests = [`localhost:7471/web@${A}`, `127.0.0.1:40123/web@${B}`];
    expect(repoDigestFor('127.0.0.1:40123/web:1.0', digests)).toBe(B);
    expect(repoDigestFor('localhost:7471/web', digests)).toBe(A);
  });

  it('falls back to the first, and to none', () => {
    expect(repoDigestFor('busybox:latest', [`docker.io/library/busybox@${A}`])).toBe(A);
    expect(repoDigestFor('berth-test/busybox:latest', [])).toBeUndefined();
  });

  it('strips the tag or digest, never a registry port', () => {
    expect(repositoryOf('localhost:7471/web:1')).toBe('localhost:7471/web');
    expect(repositoryOf('localhost:7471/web')).toBe('localhost:7471/web');
    expect(repositoryOf(`web@${A}`)).toBe('web');
    expect(repositoryOf(`localhost:7471/team/web:2@${A}`)).toBe('localhost:7471/team/web');
  });
});

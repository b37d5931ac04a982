import { describe, expect, it } from 'vitest';

import { parseByteRange } from './byte-range.js';
import { parseRoute } from './registry-route.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseRoute', () => {
  it('takes the repository name from everything before the endpoint suffix, slashes included', () => {
    expect(parseRoute('/v2/')).toEqual({ kind: 'base' });
    expect(parseRoute('/v2')).toEqual({ kind: 'base' });
    expect(parseRoute(`/v2/team/web-app/blobs/${D}`)).toEqual({
      kind: 'blob',
      name: 'team/web-app',
      digest: D,
    });
    expect(parseRoute('/v2/a/b/c/blobs/uploads/')).toEqual({ kind: 'uploads', name: 'a/b/c' });
    expect(parseRoute('/v2/web/blobs/uploads')).toEqual({ kind: 'uploads', name: 'web' });
    expect(parseRoute('/v2/web/blobs/uploads/abc')).toEqual({ kind: 'upload', name: 'web', uploadId: 'abc' });
    expect(parseRoute('/v2/web/manifests/latest')).toEqual({
      kind: 'manifest',
      name: 'web',
      reference: 'latest',
    });
    expect(parseRoute('/v2/team/web/tags/list')).toEqual({ kind: 'tags', name: 'team/web' });
    expect(parseRoute(`/v2/web/referrers/${D}`)).toEqual({ kind: 'referrers', name: 'web', digest: D });
    // A repository may itself be called "manifests" or end in "blobs".
    expect(parseRoute('/v2/manifests/manifests/v1')).toEqual({
      kind: 'manifest',
      name: 'manifests',
      reference: 'v1',
    });
    expect(parseRoute(`/v2/x/blobs/blobs/${D}`)).toEqual({ kind: 'blob', name: 'x/blobs', digest: D });
  });

  it("refuses names outside distribution's grammar and paths that are no endpoint", () => {
    expect(parseRoute('/v2/Web/tags/list')).toEqual({ kind: 'invalid-name', name: 'Web' });
    expect(parseRoute('/v2/web//x/tags/list').kind).toBe('invalid-name');
    expect(parseRoute('/v2/-web/tags/list').kind).toBe('invalid-name');
    expect(parseRoute('/v2/web/other')).toEqual({ kind: 'unknown' });
    expect(parseRoute('/v1/web/tags/list')).toEqual({ kind: 'unknown' });
    expect(parseRoute('/v2/web/manifests/%E0%A4%A')).toEqual({ kind: 'unknown' });
  });
});

describe('parseByteRange', () => {
  it('reads single ranges, suffixes and open ends; ignores what it cannot read; refuses ranges past the end', () => {
    expect(parseByteRange(undefined, 10)).toBeUndefined();
    expect(parseByteRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseByteRange('bytes=2-', 10)).toEqual({ start: 2, end: 9 });
    expect(parseByteRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseByteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseByteRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=0-1,4-5', 10)).toBeUndefined();
    expect(parseByteRange('bytes=5-2', 10)).toBeUndefined();
    expect(parseByteRange('items=0-1', 10)).toBeUndefined();
    expect(parseByteRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 10)).toBe('unsatisfiable');
  });
});

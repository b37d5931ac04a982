import { describe, expect, it } from 'vitest';

import { routeOf } from './endpoint-routes.js';

describe('routeOf', () => {
  it('knows the metadata and credentials paths', () => {
    expect(routeOf('/v4/abc')).toEqual({ kind: 'metadata', version: 'v4', token: 'abc', path: 'container' });
    expect(routeOf('/v4/abc/task')).toMatchObject({ path: 'task' });
    expect(routeOf('/v3/a-b_c/stats')).toEqual({
      kind: 'metadata',
      version: 'v3',
      token: 'a-b_c',
      path: 'container-stats',
    });
    expect(routeOf('/v4/abc/task/stats?x=1')).toMatchObject({ path: 'task-stats' });
    expect(routeOf('/v2/credentials/id-1')).toEqual({ kind: 'credentials', id: 'id-1' });
  });

  it('anything else is no route', () => {
    for (const url of [
      '/',
      '/v2/abc',
      '/v4/',
      '/v4/abc/stats/task',
      '/v4/abc/other',
      '/v5/abc',
      '/v2/credentials/',
    ])
      expect(routeOf(url)).toEqual({ kind: 'none' });
  });
});

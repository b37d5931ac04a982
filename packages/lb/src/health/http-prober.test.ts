import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '../haproxy/haproxy.test-support.js';
import { checkOutcomeOf, probeHttp } from './http-prober.js';
import { compileHttpCodeMatcher } from './matcher.js';

describe('probeHttp', () => {
  let server: http.Server;
  let port: number;
  const matcher = compileHttpCodeMatcher('200-299');
  const probe = (path: string, timeoutMs = 1000, p = port) =>
    probeHttp({ protocol: 'HTTP', host: '127.0.0.1', port: p, path, timeoutMs, matcher });

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/hang') return; // never answers
      response.statusCode = request.url === '/down' ? 503 : 200;
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('passes on a matching code and reports a mismatching one', async () => {
    expect(await probe('/health')).toEqual({ ok: true, statusCode: 200 });
    const down = await probe('/down');
    expect(down).toEqual({ ok: false, statusCode: 503 });
    expect(checkOutcomeOf(down)).toEqual({ kind: 'code-mismatch', statusCode: 503 });
  });

  it('times out on a target that never answers', async () => {
    const result = await probe('/hang', 200);
    expect(result).toMatchObject({ ok: false, timedOut: true });
    expect(checkOutcomeOf(result)).toEqual({ kind: 'timeout' });
  });

  it('reports a refused connection as a failed check', async () => {
    const result = await probe('/', 1000, await freePort());
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED/);
    expect(checkOutcomeOf(result)).toEqual({ kind: 'connection-error' });
  });
});

/**
 * HAProxy against the oracle: a real haproxy runs the rendered config in front of two echo servers,
 * and for random requests its answer (which backend, which fixed response, which redirect) must be
 * the one rule-matcher.ts predicts. Also checks the headers ALB adds, ALB's 503, lb_cookie
 * stickiness and that the backends accept runtime `add server`.
 */
import { type Server, createServer, request as httpRequest } from 'node:http';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AlbRequest } from '../model/alb-request.js';
import type { DataPlaneModel } from '../model/lb-model.js';
import { serverName } from '../model/lb-model.js';
import { albErrorBody } from './error-pages.js';
import { renderHaproxyConfig } from './haproxy-config.js';
import { type RunningHaproxy, freePort, startHaproxy } from './haproxy-process.test-support.js';
import { type Answer, expected, observed, requestArb, rules } from './routing-fixture.test-support.js';

const echoServer = (name: string): Promise<{ server: Server; port: number }> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      res.setHeader('x-backend', name);
      res.end(JSON.stringify({ name, headers: req.headers }));
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });

const send = (port: number, req: AlbRequest, extraHeaders: Record<string, string> = {}): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { host: req.host, ...extraHeaders };
    for (const [name, values] of Object.entries(req.headers)) headers[name] = [...values];
    const path = req.query === undefined ? req.path : `${req.path}?${req.query}`;
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path, headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    outgoing.once('error', reject);
    outgoing.end();
  });

describe('HAProxy routes as the rule matcher says', () => {
  let haproxy: RunningHaproxy | undefined;
  let port = 0;
  let serverNameB = '';
  const servers: Server[] = [];

  beforeAll(async () => {
    const [a, b] = await Promise.all([echoServer('ta'), echoServer('tb')]);
    servers.push(a.server, b.server);
    port = await freePort();
    serverNameB = serverName('127.0.0.1', b.port);
    const model: DataPlaneModel = {
      loadBalancers: [
        {
          id: 'lb',
          name: 'it',
          listeners: [{ id: 'it', bindAddress: '127.0.0.1', port, protocol: 'HTTP', rules }],
        },
      ],
      targetGroups: [
        {
          id: 'ta',
          name: 'a',
          algorithm: 'round_robin',
          servers: [
            {
              name: serverName('127.0.0.1', a.port),
              address: '127.0.0.1',
              port: a.port,
              state: 'ready',
              weight: 1,
            },
          ],
        },
        {
          id: 'tb',
          name: 'b',
          algorithm: 'least_outstanding_requests',
          stickiness: { type: 'lb_cookie', durationSeconds: 600 },
          servers: [
            {
              name: serverName('127.0.0.1', b.port),
              address: '127.0.0.1',
              port: b.port,
              state: 'ready',
              weight: 1,
            },
          ],
        },
        { id: 'tempty', name: 'empty', algorithm: 'weighted_random', servers: [] },
      ],
    };
    haproxy = await startHaproxy(renderHaproxyConfig(model, { threads: 1 }), port);
  }, 20_000);

  afterAll(async () => {
    await haproxy?.stop();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('agrees with matchListenerRule on random requests', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (req) => {
        expect(observed(await send(port, req))).toBe(expected(req));
      }),
      { numRuns: 150 },
    );
  });

  it('adds the headers ALB adds', async () => {
    const plain = JSON.parse(
      (
        await send(port, {
          method: 'GET',
          host: 'x.api.example.com',
          path: '/v1/h',
          headers: {},
          sourceIp: '',
        })
      ).body,
    ) as {
      headers: Record<string, string>;
    };
    expect(plain.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(plain.headers['x-forwarded-proto']).toBe('http');
    expect(plain.headers['x-forwarded-port']).toBe(String(port));
    expect(plain.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    const root = 'Root=1-5f84c3a1-0123456789abcdef01234567';
    const chained = JSON.parse(
      (
        await send(
          port,
          { method: 'GET', host: 'x.api.example.com', path: '/v1/h', headers: {}, sourceIp: '' },
          { 'x-forwarded-for': '203.0.113.9', 'x-amzn-trace-id': root },
        )
      ).body,
    ) as { headers: Record<string, string> };
    expect(chained.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(chained.headers['x-amzn-trace-id']).toMatch(
      new RegExp(`^Self=1-[0-9a-f]{8}-[0-9a-f]{24};${root}$`),
    );
  });

  it("answers ALB's 503 for a target group without servers", async () => {
    const answer = await send(port, {
      method: 'GET',
      host: 'h.example.com',
      path: '/empty',
      headers: {},
      sourceIp: '',
    });
    expect(answer.status).toBe(503);
    expect(answer.headers.server).toBe('awselb/2.0');
    expect(answer.body).toBe(albErrorBody('503 Service Temporarily Unavailable'));
  });

  it('sets AWSALBTG and dynamic AWSALB cookies, also for servers added at run time', async () => {
    const staging = {
      method: 'GET',
      host: 'h.example.com',
      path: '/',
      headers: { 'x-env': ['staging'] },
      sourceIp: '',
    };
    const awsalb = (answer: Answer): string | undefined =>
      (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith('AWSALB='))?.split(';')[0];
    const first = await send(port, staging);
    expect(first.headers['set-cookie']).toContain('AWSALBTG=tg_tb; Max-Age=120; Path=/');
    const cookieB = awsalb(first);
    expect(first.headers['set-cookie']?.find((c) => c.startsWith('AWSALB='))).toMatch(/Max-Age=600/);
    expect(cookieB).toMatch(/^AWSALB=[0-9a-f]+/);

    // A server added through the runtime API gets a dynamic cookie of its own and keeps its clients.
    const c = await echoServer('tc');
    servers.push(c.server);
    const dynamic = serverName('127.0.0.1', c.port);
    const admin = haproxy!.admin;
    expect(await admin(`add server tg_tb/${dynamic} 127.0.0.1:${c.port} weight 1`)).toMatch(
      /New server registered/,
    );
    await admin(`enable server tg_tb/${dynamic}`);
    // HAProxy 2.6 gives a server added at run time no dynamic cookie until the backend's are regenerated.
    await admin('enable dynamic-cookie backend tg_tb');
    await admin(`set server tg_tb/${serverNameB} state maint`);
    const toC = await send(port, staging);
    expect(toC.headers['x-backend']).toBe('tc');
    const cookieC = awsalb(toC);
    expect(cookieC).toBeDefined();
    expect(cookieC).not.toBe(cookieB);
    await admin(`set server tg_tb/${serverNameB} state ready`);
    const toB = await send(port, staging, { cookie: `${cookieB}` });
    expect(toB.headers['x-backend']).toBe('tb');
    for (let i = 0; i < 4; i += 1) {
      const sticky = await send(port, staging, { cookie: `${cookieC}` });
      expect(sticky.headers['x-backend']).toBe('tc');
    }
  });
});

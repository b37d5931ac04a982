/**
 * Representative data-plane models for the renderer's tests: every condition field, every action,
 * weighted and sticky forwards, each algorithm and stickiness type, and hostile strings.
 */
import type { DataPlaneModel, ListenerPlan, TargetGroupPlan } from '../model/lb-model.js';
import { serverName } from '../model/lb-model.js';

const server = (
  address: string,
  port: number,
  state: 'ready' | 'drain' | 'maint' = 'ready',
  weight = 100,
) => ({
  name: serverName(address, port),
  address,
  port,
  state,
  weight,
});

export const sampleTargetGroups = (
  ports: { a: number; b: number } = { a: 9001, b: 9002 },
): TargetGroupPlan[] => [
  { id: 'aaaa1111', name: 'web', algorithm: 'round_robin', servers: [server('127.0.0.1', ports.a)] },
  {
    id: 'bbbb2222',
    name: 'api',
    algorithm: 'least_outstanding_requests',
    stickiness: { type: 'lb_cookie', durationSeconds: 86400 },
    servers: [
      server('127.0.0.1', ports.b),
      server('127.0.0.2', ports.b, 'drain'),
      server('127.0.0.3', ports.b, 'maint'),
    ],
  },
  {
    id: 'cccc3333',
    name: 'legacy',
    algorithm: 'weighted_random',
    stickiness: { type: 'app_cookie', cookieName: 'SESSION', durationSeconds: 3600 },
    servers: [],
  },
];

export const sampleListener = (port = 8080): ListenerPlan => ({
  id: 'l1',
  bindAddress: '127.0.0.1',
  port,
  protocol: 'HTTP',
  rules: [
    {
      priority: 1,
      conditions: [
        { field: 'host-header', values: ['api.example.com', '*.api.example.com'] },
        { field: 'path-pattern', values: ['/v?/*'] },
      ],
      action: { type: 'forward', targetGroups: [{ id: 'bbbb2222', weight: 1 }] },
    },
    {
      priority: 5,
      conditions: [{ field: 'http-header', headerName: 'X-Canary', values: ['yes', 'tr*e'] }],
      action: {
        type: 'forward',
        targetGroups: [
          { id: 'aaaa1111', weight: 3 },
          { id: 'bbbb2222', weight: 1 },
          { id: 'cccc3333', weight: 0 },
        ],
        stickinessSeconds: 300,
      },
    },
    {
      priority: 10,
      conditions: [
        { field: 'http-request-method', values: ['POST', 'PUT'] },
        { field: 'query-string', values: [{ key: 'ver*', value: 'b?ta' }, { value: 'lit\\*eral' }] },
      ],
      action: {
        type: 'fixed-response',
        statusCode: 418,
        contentType: 'application/json',
        messageBody: '{"teapot":"100%"}',
      },
    },
    {
      priority: 20,
      conditions: [{ field: 'source-ip', values: ['10.0.0.0/8', '192.168.1.0/24'] }],
      action: {
        type: 'redirect',
        protocol: 'HTTPS',
        host: '#{host}',
        port: '443',
        path: '/#{path}',
        query: '#{query}',
        statusCode: 301,
      },
    },
    {
      priority: 30,
      conditions: [{ field: 'path-pattern', values: ['/old/*'] }],
      action: {
        type: 'redirect',
        protocol: '#{protocol}',
        host: 'new.example.com',
        port: '#{port}',
        path: '/new/#{path}',
        query: 'from=old&#{query}',
        statusCode: 302,
      },
    },
    {
      priority: 40,
      conditions: [{ field: 'path-pattern', values: ['/empty'] }],
      action: { type: 'forward', targetGroups: [{ id: 'cccc3333', weight: 0 }] },
    },
    {
      priority: 'default',
      conditions: [],
      action: { type: 'forward', targetGroups: [{ id: 'aaaa1111', weight: 1 }] },
    },
  ],
});

export const sampleModel = (): DataPlaneModel => ({
  loadBalancers: [{ id: 'lb1', name: 'my-alb', listeners: [sampleListener()] }],
  targetGroups: sampleTargetGroups(),
});

/** Strings that would break a naive renderer: quotes, newlines, '#', '$', '%', backslashes. */
export const hostileModel = (): DataPlaneModel => ({
  loadBalancers: [
    {
      id: 'lb2',
      name: 'evil"\nbackend pwned',
      listeners: [
        {
          id: 'l2',
          bindAddress: '127.0.0.1',
          port: 8081,
          protocol: 'HTTP',
          rules: [
            {
              priority: 1,
              conditions: [
                { field: 'path-pattern', values: ['/a b/"q"/#x/$HOME/%[src]/\\n\n  server x 1.2.3.4:80'] },
                { field: 'http-header', headerName: "X-It's", values: ['"; use_backend x #', 'a\\b'] },
              ],
              action: {
                type: 'fixed-response',
                statusCode: 503,
                contentType: 'text/html',
                messageBody: '<b>"quoted"</b>\r\n# not a comment $PATH %[src] \\x41',
              },
            },
            {
              priority: 2,
              conditions: [{ field: 'query-string', values: [{ key: 'k"&=', value: '%[src]#' }] }],
              action: {
                type: 'redirect',
                protocol: 'HTTP',
                host: 'x.example.com"',
                port: '80',
                path: '/%[src] "#{path}"',
                query: '',
                statusCode: 302,
              },
            },
            { priority: 'default', conditions: [], action: { type: 'fixed-response', statusCode: 404 } },
          ],
        },
      ],
    },
  ],
  targetGroups: [],
});

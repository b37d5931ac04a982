/**
 * The listener the routing integration test runs: rules touching every condition field and action,
 * random requests over hosts, paths, queries and headers that those rules split, and the oracle's
 * prediction of what a client sees, in the same words as what HAProxy answered.
 */
import type { IncomingMessage } from 'node:http';

import fc from 'fast-check';
import { expect } from 'vitest';

import type { AlbRequest } from '../model/alb-request.js';
import { hostWithoutPort } from '../model/alb-request.js';
import type { RulePlan } from '../model/lb-model.js';
import { matchListenerRule } from '../model/rule-matcher.js';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export const rules: RulePlan[] = [
  {
    priority: 1,
    conditions: [
      { field: 'host-header', values: ['*.api.example.com'] },
      { field: 'path-pattern', values: ['/v?/*'] },
    ],
    action: { type: 'forward', targetGroups: [{ id: 'ta', weight: 1 }] },
  },
  {
    priority: 2,
    conditions: [{ field: 'http-header', headerName: 'X-Env', values: ['stag*'] }],
    action: {
      type: 'forward',
      targetGroups: [
        { id: 'tb', weight: 5 },
        { id: 'tempty', weight: 0 },
      ],
      stickinessSeconds: 120,
    },
  },
  {
    priority: 3,
    conditions: [
      { field: 'http-request-method', values: ['POST'] },
      { field: 'query-string', values: [{ key: 'ver*', value: 'b?ta' }] },
    ],
    action: {
      type: 'fixed-response',
      statusCode: 418,
      contentType: 'text/plain',
      messageBody: 'teapot "%" #',
    },
  },
  {
    priority: 4,
    conditions: [{ field: 'path-pattern', values: ['/Admin/*'] }],
    action: { type: 'fixed-response', statusCode: 403, contentType: 'text/html', messageBody: '<b>no</b>' },
  },
  {
    priority: 5,
    conditions: [{ field: 'query-string', values: [{ value: 'lit\\*' }] }],
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
    priority: 6,
    conditions: [{ field: 'source-ip', values: ['10.0.0.0/8'] }],
    action: { type: 'fixed-response', statusCode: 401, contentType: 'text/plain', messageBody: 'ten' },
  },
  {
    priority: 7,
    conditions: [
      { field: 'source-ip', values: ['127.0.0.0/8'] },
      { field: 'path-pattern', values: ['/src*'] },
    ],
    action: { type: 'fixed-response', statusCode: 202, contentType: 'text/plain', messageBody: 'loopback' },
  },
  {
    priority: 8,
    conditions: [{ field: 'path-pattern', values: ['/empty'] }],
    action: { type: 'forward', targetGroups: [{ id: 'tempty', weight: 1 }] },
  },
  {
    priority: 'default',
    conditions: [],
    action: { type: 'fixed-response', statusCode: 404, contentType: 'text/plain', messageBody: 'default' },
  },
];

/** What the oracle says the client sees, in the same terms as `observed`. */
export const expected = (req: AlbRequest): string => {
  const match = matchListenerRule(rules, req);
  if (match === undefined) return 'none';
  const action = match.action;
  if (action.type === 'forward') {
    const group = action.targetGroups.find((g) => g.weight > 0);
    return group?.id === 'tempty' ? 'status 503' : `backend ${group?.id}`;
  }
  if (action.type === 'fixed-response') return `status ${action.statusCode} ${action.messageBody ?? ''}`;
  const query = req.query === undefined || req.query === '' ? '' : `?${req.query}`;
  return `redirect ${action.statusCode} https://${hostWithoutPort(req.host).toLowerCase()}/${req.path.slice(1)}${query}`;
};

export const observed = (answer: Answer): string => {
  const backend = answer.headers['x-backend'];
  if (typeof backend === 'string') return `backend ${backend}`;
  expect(answer.headers.server).toBe('awselb/2.0');
  if (answer.status === 301 || answer.status === 302)
    return `redirect ${answer.status} ${answer.headers.location}`;
  if (answer.status === 503) return 'status 503';
  return `status ${answer.status} ${answer.body}`;
};

export const requestArb: fc.Arbitrary<AlbRequest> = fc.record(
  {
    method: fc.constantFrom('GET', 'POST', 'PUT'),
    host: fc.constantFrom(
      'www.api.example.com',
      'WWW.Api.Example.COM:8080',
      'api.example.com',
      'other.org',
      'a.api.example.com:1',
    ),
    path: fc.constantFrom(
      '/',
      '/v1/x',
      '/V1/x',
      '/v12/x',
      '/Admin/y',
      '/admin/y',
      '/src',
      '/srcx',
      '/empty',
      '/a%20b',
    ),
    query: fc.constantFrom(
      '',
      'version=BETA',
      'ver=bXta',
      'a=lit*',
      'a=litx',
      'x&VER=beta',
      'ver=beta&x=lit*',
    ),
    headers: fc.constantFrom(
      {},
      { 'x-env': ['staging'] },
      { 'X-Env': ['prod', 'STAGE'] },
      { 'x-env': ['prod'] },
    ),
    sourceIp: fc.constant('127.0.0.1'),
  },
  { requiredKeys: ['method', 'host', 'path', 'headers', 'sourceIp'] },
);

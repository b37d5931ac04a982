import type { IncomingMessage } from 'node:http';

import { describe, expect, it } from 'vitest';

import { endpointOf } from './request-endpoint.js';

const request = (host: string | undefined, localAddress = '127.0.0.1', localPort = 4566) =>
  ({ headers: host === undefined ? {} : { host }, socket: { localAddress, localPort } }) as unknown as Pick<
    IncomingMessage,
    'headers' | 'socket'
  >;

describe('endpointOf', () => {
  it('is the Host the client reached, else the local address', () => {
    expect(endpointOf(request('berth.example:8080'))).toBe('http://berth.example:8080/');
    expect(endpointOf(request(undefined))).toBe('http://127.0.0.1:4566/');
    expect(endpointOf(request(undefined, '::1', 9000))).toBe('http://[::1]:9000/');
  });
});

import { describe, expect, it } from 'vitest';

import { decidePullHost, fallbackProxyEndpoint, isLoopbackHostname, registryHostOf } from './pull-host.js';

describe('decidePullHost', () => {
  it.each(['http://localhost:4566', 'http://127.0.0.1:4566', 'http://127.9.8.7', 'http://[::1]:4566'])(
    'pulls from proxyEndpoint’s host directly when the control plane is on loopback (%s)',
    (endpoint) => {
      expect(decidePullHost(endpoint, 'http://localhost:7471')).toEqual({
        kind: 'direct',
        host: 'localhost:7471',
      });
    },
  );

  it('forwards to the control plane’s host and the registry’s port when it is elsewhere', () => {
    expect(decidePullHost('http://berth.internal:4566', 'http://localhost:7471')).toEqual({
      kind: 'forward',
      hostname: 'berth.internal',
      port: 7471,
    });
    expect(decidePullHost('https://10.0.0.5:4566', 'http://registry.example:9000')).toEqual({
      kind: 'forward',
      hostname: '10.0.0.5',
      port: 9000,
    });
    expect(decidePullHost('http://[fd00::5]:4566', 'https://localhost')).toEqual({
      kind: 'forward',
      hostname: 'fd00::5',
      port: 443,
    });
  });
});

describe('pull host helpers', () => {
  it('knows loopback names and addresses', () => {
    for (const h of [
      'localhost',
      'LOCALHOST',
      '127.0.0.1',
      '127.200.3.4',
      '[::1]',
      'a.localhost',
      '0.0.0.0',
      '[::]',
    ])
      expect(isLoopbackHostname(h)).toBe(true);
    for (const h of ['10.0.0.1', 'berth.internal', '128.0.0.1', '[fd00::1]', 'localhost.example'])
      expect(isLoopbackHostname(h)).toBe(false);
  });

  it('spells the registry host as references do, and falls back to the default port', () => {
    expect(registryHostOf('http://localhost:7471')).toBe('localhost:7471');
    expect(registryHostOf('https://registry.example')).toBe('registry.example');
    expect(fallbackProxyEndpoint('http://berth.internal:4566')).toBe('http://berth.internal:7471');
  });
});

import { describe, expect, it } from 'vitest';

import { pullsWithCredentials } from './pull-credentials.js';
import { planRegistryPull } from './registry-pull-plan.js';
import type { RegistryToken } from './registry-token.js';

const TOKEN: RegistryToken = {
  username: 'AWS',
  password: 'secret',
  expiresAtMs: 0,
  proxyEndpoint: 'http://localhost:7471',
};
const LOCAL = 'http://localhost:4566';
const REMOTE = 'http://berth.internal:4566';
const AWS = { kind: 'aws', registryId: '123456789012', region: 'us-east-1', path: 'web:1' } as const;
const host = (h: string) => ({ kind: 'host', region: 'us-east-1', host: h, path: 'web:1' }) as const;

describe('planRegistryPull', () => {
  it('sends an AWS-form reference to the advertised registry, with the token', () => {
    expect(
      planRegistryPull({ candidate: AWS, token: TOKEN, endpoint: LOCAL, withCredentials: true }),
    ).toEqual({
      kind: 'registry',
      pullHost: { kind: 'direct', host: 'localhost:7471' },
      path: 'web:1',
      credentials: { username: 'AWS', password: 'secret' },
    });
  });

  it('forwards when the control plane is on another host', () => {
    const plan = planRegistryPull({ candidate: AWS, token: TOKEN, endpoint: REMOTE, withCredentials: true });
    expect(plan).toMatchObject({ pullHost: { kind: 'forward', hostname: 'berth.internal', port: 7471 } });
  });

  it('takes a reference to the advertised host as a registry image; any other host as written', () => {
    const facts = { token: TOKEN, endpoint: LOCAL, withCredentials: true };
    expect(planRegistryPull({ ...facts, candidate: host('localhost:7471') }).kind).toBe('registry');
    expect(planRegistryPull({ ...facts, candidate: host('Localhost:7471') }).kind).toBe('registry');
    expect(planRegistryPull({ ...facts, candidate: host('127.0.0.1:5999') })).toEqual({ kind: 'as-is' });
  });

  it('pulls without credentials when the task may not use them', () => {
    const plan = planRegistryPull({ candidate: AWS, token: TOKEN, endpoint: LOCAL, withCredentials: false });
    expect(plan).toEqual({
      kind: 'registry',
      pullHost: { kind: 'direct', host: 'localhost:7471' },
      path: 'web:1',
    });
  });

  it('without a token: an AWS-form reference still goes to the default registry port, never AWS', () => {
    expect(
      planRegistryPull({ candidate: AWS, token: undefined, endpoint: LOCAL, withCredentials: true }),
    ).toEqual({ kind: 'registry', pullHost: { kind: 'direct', host: 'localhost:7471' }, path: 'web:1' });
    const remote = planRegistryPull({
      candidate: AWS,
      token: undefined,
      endpoint: REMOTE,
      withCredentials: true,
    });
    expect(remote).toMatchObject({ pullHost: { kind: 'forward', hostname: 'berth.internal', port: 7471 } });
    expect(
      planRegistryPull({
        candidate: host('localhost:7471'),
        token: undefined,
        endpoint: LOCAL,
        withCredentials: true,
      }),
    ).toEqual({ kind: 'as-is' });
  });

  it('treats a token with an unreadable proxyEndpoint as no token', () => {
    const bad = { ...TOKEN, proxyEndpoint: 'not a url' };
    expect(
      planRegistryPull({ candidate: AWS, token: bad, endpoint: LOCAL, withCredentials: true }),
    ).not.toHaveProperty('credentials');
  });
});

describe('pullsWithCredentials', () => {
  it('FARGATE needs an execution role; EC2 and EXTERNAL always use the instance’s', () => {
    expect(pullsWithCredentials({ launchType: 'FARGATE' })).toBe(false);
    expect(pullsWithCredentials({ launchType: 'FARGATE', executionRoleArn: '' })).toBe(false);
    expect(pullsWithCredentials({ launchType: 'FARGATE', executionRoleArn: 'arn:aws:iam::1:role/x' })).toBe(
      true,
    );
    expect(pullsWithCredentials({ launchType: 'EC2' })).toBe(true);
    expect(pullsWithCredentials({ launchType: 'EXTERNAL' })).toBe(true);
  });
});

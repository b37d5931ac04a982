import { describe, expect, it } from 'vitest';

import type { ApiService } from '../api-service.js';
import { authorizeCall, type CallToAuthorize } from './authorize-call.js';
import type { AuthorizationRequest, Authorizer } from './caller-identity.js';
import { rootIdentity } from './root-keys.js';

const USER = {
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/reader',
  userId: 'AIDAEXAMPLEREADER0001',
  kind: 'user',
  name: 'reader',
} as const;

const service = (extra: Partial<ApiService> = {}): ApiService => ({
  model: {
    metadata: {
      protocol: 'json',
      protocols: ['json'],
      apiVersion: '1',
      serviceId: 'Test',
      signingName: 'monitoring',
      targetPrefix: 'Test',
      jsonVersion: '1.1',
    },
    operations: {},
    shapes: {},
  },
  operations: new Map(),
  ...extra,
});

const call = (over: Partial<CallToAuthorize> = {}): CallToAuthorize => ({
  service: service(),
  operation: 'PutMetricData',
  input: {},
  identity: USER,
  partition: { accountId: '123456789012', region: 'eu-west-1' },
  sourceIp: '127.0.0.1',
  nowMs: Date.UTC(2026, 11, 4, 5, 0, 0),
  ...over,
});

const recording = (answer: ReturnType<Authorizer['authorize']>) => {
  const asked: AuthorizationRequest[] = [];
  const authorizer: Authorizer = {
    authorize: (request) => {
      asked.push(request);
      return answer;
    },
  };
  return { asked, authorizer };
};

const errorOf = (fn: () => void): string => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    const e = error as { code: string; httpStatus: number; message: string };
    return `${e.code}/${e.httpStatus}: ${e.message}`;
  }
};

describe('authorizeCall', () => {
  it('asks with the action prefix (signing name by default), the resources and the global keys', () => {
    const { asked, authorizer } = recording({ allowed: true });
    authorizeCall(authorizer, call());
    authorizeCall(authorizer, call({ service: service({ actionPrefix: 'cloudwatch' }) }));
    expect(asked.map((a) => a.action)).toEqual(['monitoring:PutMetricData', 'cloudwatch:PutMetricData']);
    expect(asked[0]?.resources).toEqual(['*']);
    expect(asked[0]?.context).toMatchObject({
      'aws:PrincipalArn': USER.arn,
      'aws:PrincipalType': 'User',
      'aws:username': 'reader',
      'aws:RequestedRegion': 'eu-west-1',
      'aws:CurrentTime': '2026-12-04T05:00:00Z',
      'aws:SourceIp': '127.0.0.1',
    });
  });

  it('passes the service resources and condition keys, which win over global ones of the same name', () => {
    const { asked, authorizer } = recording({ allowed: true });
    const authorization = () => ({ resources: ['arn:a', 'arn:b'], context: { 'ecs:cluster': 'arn:c' } });
    authorizeCall(authorizer, call({ service: service({ authorization }) }));
    expect(asked[0]?.resources).toEqual(['arn:a', 'arn:b']);
    expect(asked[0]?.context['ecs:cluster']).toBe('arn:c');
  });

  it("denies with IAM's message: implicit and explicit", () => {
    const implicit = recording({ allowed: false, resource: 'arn:b', reason: 'implicit' });
    expect(errorOf(() => authorizeCall(implicit.authorizer, call()))).toBe(
      `AccessDeniedException/400: User: ${USER.arn} is not authorized to perform: monitoring:PutMetricData on resource: arn:b because no identity-based policy allows the monitoring:PutMetricData action`,
    );
    const explicit = recording({ allowed: false, resource: '*', reason: 'explicit' });
    expect(errorOf(() => authorizeCall(explicit.authorizer, call()))).toMatch(
      /on resource: \* with an explicit deny in an identity-based policy$/,
    );
  });

  it('lets only root call an internal API, whatever the policies allow', () => {
    const { asked, authorizer } = recording({ allowed: true });
    const internal = service({ rootOnly: true });
    expect(errorOf(() => authorizeCall(authorizer, call({ service: internal })))).toMatch(
      /^AccessDeniedException\/400: User: arn:aws:iam::123456789012:user\/reader is not authorized/,
    );
    expect(asked).toHaveLength(0);
    expect(
      errorOf(() => authorizeCall(authorizer, call({ service: internal, identity: rootIdentity('1') }))),
    ).toBe('allowed');
  });
});

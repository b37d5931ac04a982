/** The resources and keys the gateway's policy check sees for IAM calls. */
import { describe, expect, it } from 'vitest';

import { ACCOUNT, CTX, unitIam } from '../test-support/iam.test-support.js';

describe('iam authorization', () => {
  it('names the user (with its path), role or policy a call acts on', () => {
    const t = unitIam();
    t.call('CreateUser', { UserName: 'alice', Path: '/ops/' });
    const of = (operation: string, input: object) =>
      t.module.api.authorization?.(operation, input as Record<string, unknown>, CTX.partition);
    expect(t.module.api.actionPrefix).toBe('iam');
    expect(of('GetUser', { UserName: 'alice' })).toEqual({
      resources: [`arn:aws:iam::${ACCOUNT}:user/ops/alice`],
    });
    expect(of('CreateUser', { UserName: 'bob' })).toEqual({
      resources: [`arn:aws:iam::${ACCOUNT}:user/bob`],
    });
    expect(
      of('AttachRolePolicy', { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    ).toEqual({
      resources: [`arn:aws:iam::${ACCOUNT}:role/r`],
      context: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    });
    expect(of('GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })).toEqual({
      resources: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    expect(of('CreatePolicy', { PolicyName: 'p', Path: '/x/' })).toEqual({
      resources: [`arn:aws:iam::${ACCOUNT}:policy/x/p`],
    });
    expect(of('ListUsers', {})).toEqual({ resources: ['*'] });
  });
});

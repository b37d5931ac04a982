/** Roles through the IAM ApiService. */
import { describe, expect, it } from 'vitest';

import { ACCOUNT, document, statusOf, TRUST_ECS_TASKS, unitIam } from '../test-support/iam.test-support.js';

type RoleOut = { Role: Record<string, unknown> };

describe('roles', () => {
  it('creates a role with its trust policy, returned URL-encoded, and default session duration', () => {
    const t = unitIam();
    const role = (
      t.call('CreateRole', {
        RoleName: 'task',
        Path: '/ecs/',
        AssumeRolePolicyDocument: TRUST_ECS_TASKS,
      }) as RoleOut
    ).Role;
    expect(role).toMatchObject({
      Path: '/ecs/',
      RoleName: 'task',
      RoleId: 'AROA00000000000000001',
      Arn: `arn:aws:iam::${ACCOUNT}:role/ecs/task`,
      CreateDate: 1_700_000_000,
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: encodeURIComponent(TRUST_ECS_TASKS),
    });
    expect((t.call('GetRole', { RoleName: 'TASK' }) as RoleOut).Role).toEqual(role);
    expect(t.module.roleByArn(`arn:aws:iam::${ACCOUNT}:role/ecs/task`)).toMatchObject({
      roleId: 'AROA00000000000000001',
    });
    expect(t.module.roleByArn(`arn:aws:iam::${ACCOUNT}:role/task`)).toBeUndefined();
    expect(t.call('ListRoles', {})).toMatchObject({ Roles: [{ RoleName: 'task' }], IsTruncated: false });
  });

  it('rejects duplicates, bad trust policies and bad durations', () => {
    const t = unitIam();
    t.call('CreateRole', { RoleName: 'task', AssumeRolePolicyDocument: TRUST_ECS_TASKS });
    expect(t.errorOf('CreateRole', { RoleName: 'task', AssumeRolePolicyDocument: TRUST_ECS_TASKS })).toBe(
      'EntityAlreadyExists: Role with name task already exists.',
    );
    const noPrincipal = document({ Effect: 'Allow', Action: 'sts:AssumeRole' });
    expect(t.errorOf('CreateRole', { RoleName: 'r2', AssumeRolePolicyDocument: noPrincipal })).toMatch(
      /^MalformedPolicyDocument: /,
    );
    expect(statusOf(() => t.call('CreateRole', { RoleName: 'r2', AssumeRolePolicyDocument: '{' }))).toBe(400);
    expect(
      t.errorOf('CreateRole', {
        RoleName: 'r3',
        AssumeRolePolicyDocument: TRUST_ECS_TASKS,
        MaxSessionDuration: 60,
      }),
    ).toMatch(/^ValidationError: .*'maxSessionDuration'.*between 3600 and 43200/);
    expect(t.errorOf('GetRole', { RoleName: 'nope' })).toBe(
      'NoSuchEntity: The role with name nope cannot be found.',
    );
  });

  it('updates the trust policy, description and session duration', () => {
    const t = unitIam();
    t.call('CreateRole', { RoleName: 'task', AssumeRolePolicyDocument: TRUST_ECS_TASKS });
    const trust = document({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'sts:AssumeRole',
    });
    t.call('UpdateAssumeRolePolicy', { RoleName: 'task', PolicyDocument: trust });
    t.call('UpdateRole', { RoleName: 'task', Description: 'for tasks', MaxSessionDuration: 7200 });
    expect((t.call('GetRole', { RoleName: 'task' }) as RoleOut).Role).toMatchObject({
      AssumeRolePolicyDocument: encodeURIComponent(trust),
      Description: 'for tasks',
      MaxSessionDuration: 7200,
    });
    expect(t.errorOf('UpdateAssumeRolePolicy', { RoleName: 'task', PolicyDocument: 'nope' })).toMatch(
      /^MalformedPolicyDocument: /,
    );
  });

  it('a role with policies cannot be deleted', () => {
    const t = unitIam();
    t.call('CreateRole', { RoleName: 'task', AssumeRolePolicyDocument: TRUST_ECS_TASKS });
    t.call('AttachRolePolicy', { RoleName: 'task', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect(t.errorOf('DeleteRole', { RoleName: 'task' })).toBe(
      'DeleteConflict: Cannot delete entity, must detach all policies first.',
    );
    t.call('DetachRolePolicy', { RoleName: 'task', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    t.call('PutRolePolicy', {
      RoleName: 'task',
      PolicyName: 'p',
      PolicyDocument: document({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
    });
    expect(t.errorOf('DeleteRole', { RoleName: 'task' })).toBe(
      'DeleteConflict: Cannot delete entity, must delete policies first.',
    );
    t.call('DeleteRolePolicy', { RoleName: 'task', PolicyName: 'p' });
    expect(t.call('DeleteRole', { RoleName: 'task' })).toEqual({});
    expect(t.call('ListRoles', {})['Roles']).toEqual([]);
  });
});

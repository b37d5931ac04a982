/** Managed policies, versions, attachments and inline policies through the IAM ApiService. */
import { describe, expect, it } from 'vitest';

import { ACCOUNT, document, TRUST_ECS_TASKS, unitIam } from '../test-support/iam.test-support.js';

const READ_ECS = document({ Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' });
const WRITE_ECS = document({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' });
const EXEC = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

type PolicyOut = { Policy: Record<string, unknown> };

describe('managed policies', () => {
  it('creates a customer policy with default version v1 and gets its document URL-encoded', () => {
    const t = unitIam();
    const policy = (
      t.call('CreatePolicy', {
        PolicyName: 'read-ecs',
        PolicyDocument: READ_ECS,
        Description: 'd',
      }) as PolicyOut
    ).Policy;
    const arn = `arn:aws:iam::${ACCOUNT}:policy/read-ecs`;
    expect(policy).toMatchObject({
      PolicyName: 'read-ecs',
      PolicyId: 'ANPA00000000000000001',
      Arn: arn,
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
    });
    expect((t.call('GetPolicy', { PolicyArn: arn }) as PolicyOut).Policy).toEqual(policy);
    expect(t.call('GetPolicyVersion', { PolicyArn: arn, VersionId: 'v1' })['PolicyVersion']).toEqual({
      Document: encodeURIComponent(READ_ECS),
      VersionId: 'v1',
      IsDefaultVersion: true,
      CreateDate: 1_700_000_000,
    });
    expect(t.errorOf('CreatePolicy', { PolicyName: 'READ-ECS', PolicyDocument: READ_ECS })).toBe(
      'EntityAlreadyExists: A policy called READ-ECS already exists. Duplicate names are not allowed.',
    );
    const withPrincipal = document({ Effect: 'Allow', Principal: '*', Action: 'ecs:*', Resource: '*' });
    expect(t.errorOf('CreatePolicy', { PolicyName: 'bad', PolicyDocument: withPrincipal })).toMatch(
      /^MalformedPolicyDocument: /,
    );
    expect(t.errorOf('GetPolicy', { PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/none` })).toBe(
      `NoSuchEntity: Policy arn:aws:iam::${ACCOUNT}:policy/none was not found.`,
    );
  });

  it('keeps at most five versions, one default, and deletes only non-default ones', () => {
    const t = unitIam();
    const arn = (t.call('CreatePolicy', { PolicyName: 'p', PolicyDocument: READ_ECS }) as PolicyOut).Policy[
      'Arn'
    ] as string;
    expect(
      t.call('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: WRITE_ECS, SetAsDefault: true })[
        'PolicyVersion'
      ],
    ).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
    for (const _ of [3, 4, 5]) t.call('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: READ_ECS });
    expect(t.errorOf('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: READ_ECS })).toMatch(
      /^LimitExceeded: A managed policy can have up to 5 versions/,
    );
    expect((t.call('GetPolicy', { PolicyArn: arn }) as PolicyOut).Policy['DefaultVersionId']).toBe('v2');
    expect(t.errorOf('DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v2' })).toBe(
      'DeleteConflict: Cannot delete the default version of a policy.',
    );
    t.call('DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v1' });
    t.call('SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v5' });
    expect(t.call('ListPolicyVersions', { PolicyArn: arn })['Versions']).toMatchObject([
      { VersionId: 'v5', IsDefaultVersion: true },
      { VersionId: 'v4', IsDefaultVersion: false },
      { VersionId: 'v3', IsDefaultVersion: false },
      { VersionId: 'v2', IsDefaultVersion: false },
    ]);
    expect(
      t.call('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: READ_ECS })['PolicyVersion'],
    ).toMatchObject({
      VersionId: 'v6',
    });
    expect(t.errorOf('DeletePolicy', { PolicyArn: arn })).toMatch(
      /^DeleteConflict: This policy has more than one version/,
    );
    for (const v of ['v2', 'v3', 'v4', 'v6']) t.call('DeletePolicyVersion', { PolicyArn: arn, VersionId: v });
    expect(t.call('DeletePolicy', { PolicyArn: arn })).toEqual({});
  });

  it('lists AWS and local policies by scope, and only attached ones', () => {
    const t = unitIam();
    t.call('CreatePolicy', { PolicyName: 'mine', PolicyDocument: READ_ECS });
    const names = (input: object) =>
      (t.call('ListPolicies', { MaxItems: 1000, ...input })['Policies'] as { PolicyName: string }[]).map(
        (p) => p.PolicyName,
      );
    expect(names({ Scope: 'Local' })).toEqual(['mine']);
    expect(names({ Scope: 'AWS' })).toEqual(
      expect.arrayContaining([
        'AdministratorAccess',
        'ReadOnlyAccess',
        'AmazonECS_FullAccess',
        'AmazonECSTaskExecutionRolePolicy',
      ]),
    );
    expect(names({})).toContain('mine');
    expect(names({ OnlyAttached: true })).toEqual([]);
    t.call('CreateRole', { RoleName: 'exec', AssumeRolePolicyDocument: TRUST_ECS_TASKS });
    t.call('AttachRolePolicy', { RoleName: 'exec', PolicyArn: EXEC });
    expect(names({ OnlyAttached: true })).toEqual(['AmazonECSTaskExecutionRolePolicy']);
    expect((t.call('GetPolicy', { PolicyArn: EXEC }) as PolicyOut).Policy['AttachmentCount']).toBe(1);
  });

  it('AWS managed policies are read-only and AmazonECSTaskExecutionRolePolicy is AWS’s', () => {
    const t = unitIam();
    const version = t.call('GetPolicyVersion', { PolicyArn: EXEC, VersionId: 'v1' })['PolicyVersion'] as {
      Document: string;
    };
    expect(JSON.parse(decodeURIComponent(version.Document))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ecr:GetAuthorizationToken',
            'ecr:BatchCheckLayerAvailability',
            'ecr:GetDownloadUrlForLayer',
            'ecr:BatchGetImage',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
          ],
          Resource: '*',
        },
      ],
    });
    expect(t.errorOf('CreatePolicyVersion', { PolicyArn: EXEC, PolicyDocument: READ_ECS })).toMatch(
      /^UnmodifiableEntity: /,
    );
    expect(t.errorOf('DeletePolicy', { PolicyArn: EXEC })).toMatch(/^UnmodifiableEntity: /);
  });
});

describe('attached and inline policies', () => {
  it('attaches, lists and detaches managed policies on users; a policy in use cannot be deleted', () => {
    const t = unitIam();
    t.call('CreateUser', { UserName: 'alice' });
    const arn = (t.call('CreatePolicy', { PolicyName: 'p', PolicyDocument: READ_ECS }) as PolicyOut).Policy[
      'Arn'
    ] as string;
    t.call('AttachUserPolicy', { UserName: 'alice', PolicyArn: arn });
    t.call('AttachUserPolicy', { UserName: 'alice', PolicyArn: arn });
    expect(t.call('ListAttachedUserPolicies', { UserName: 'alice' })).toEqual({
      AttachedPolicies: [{ PolicyName: 'p', PolicyArn: arn }],
      IsTruncated: false,
    });
    expect((t.call('GetPolicy', { PolicyArn: arn }) as PolicyOut).Policy['AttachmentCount']).toBe(1);
    expect(t.errorOf('DeletePolicy', { PolicyArn: arn })).toBe(
      'DeleteConflict: Cannot delete a policy attached to entities.',
    );
    expect(t.errorOf('DeleteUser', { UserName: 'alice' })).toBe(
      'DeleteConflict: Cannot delete entity, must detach all policies first.',
    );
    expect(
      t.errorOf('AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/Nope' }),
    ).toBe('NoSuchEntity: Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.');
    expect(t.call('ListEntitiesForPolicy', { PolicyArn: arn })).toEqual({
      PolicyGroups: [],
      PolicyUsers: [{ UserName: 'alice', UserId: 'AIDA00000000000000001' }],
      PolicyRoles: [],
      IsTruncated: false,
    });
    t.call('DetachUserPolicy', { UserName: 'alice', PolicyArn: arn });
    expect(t.errorOf('DetachUserPolicy', { UserName: 'alice', PolicyArn: arn })).toBe(
      `NoSuchEntity: Policy ${arn} was not attached.`,
    );
    expect((t.call('GetPolicy', { PolicyArn: arn }) as PolicyOut).Policy['AttachmentCount']).toBe(0);
    t.call('DeletePolicy', { PolicyArn: arn });
  });

  it('limits attached policies to 10 per role', () => {
    const t = unitIam();
    t.call('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: TRUST_ECS_TASKS });
    for (let i = 0; i < 10; i += 1) {
      const arn = (t.call('CreatePolicy', { PolicyName: `p${i}`, PolicyDocument: READ_ECS }) as PolicyOut)
        .Policy['Arn'];
      t.call('AttachRolePolicy', { RoleName: 'r', PolicyArn: arn });
    }
    expect(t.errorOf('AttachRolePolicy', { RoleName: 'r', PolicyArn: EXEC })).toBe(
      'LimitExceeded: Cannot exceed quota for PoliciesPerRole: 10',
    );
  });

  it('puts, gets (URL-encoded), lists and deletes inline user and role policies', () => {
    const t = unitIam();
    t.call('CreateUser', { UserName: 'alice' });
    t.call('PutUserPolicy', { UserName: 'alice', PolicyName: 'read', PolicyDocument: READ_ECS });
    expect(t.call('GetUserPolicy', { UserName: 'alice', PolicyName: 'read' })).toEqual({
      UserName: 'alice',
      PolicyName: 'read',
      PolicyDocument: encodeURIComponent(READ_ECS),
    });
    expect(t.call('ListUserPolicies', { UserName: 'alice' })).toEqual({
      PolicyNames: ['read'],
      IsTruncated: false,
    });
    expect(t.errorOf('DeleteUser', { UserName: 'alice' })).toBe(
      'DeleteConflict: Cannot delete entity, must delete policies first.',
    );
    t.call('DeleteUserPolicy', { UserName: 'alice', PolicyName: 'read' });
    expect(t.errorOf('GetUserPolicy', { UserName: 'alice', PolicyName: 'read' })).toBe(
      'NoSuchEntity: The user policy with name read cannot be found.',
    );
    expect(
      t.errorOf('PutUserPolicy', {
        UserName: 'alice',
        PolicyName: 'x',
        PolicyDocument: '{"Version":"2012-10-17"}',
      }),
    ).toMatch(/^MalformedPolicyDocument: /);
    t.call('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: TRUST_ECS_TASKS });
    t.call('PutRolePolicy', { RoleName: 'r', PolicyName: 'w', PolicyDocument: WRITE_ECS });
    expect(t.call('GetRolePolicy', { RoleName: 'r', PolicyName: 'w' })).toMatchObject({
      RoleName: 'r',
      PolicyName: 'w',
    });
    expect(t.call('ListRolePolicies', { RoleName: 'r' })['PolicyNames']).toEqual(['w']);
    expect(t.errorOf('GetRolePolicy', { RoleName: 'r', PolicyName: 'zz' })).toBe(
      'NoSuchEntity: The role policy with name zz cannot be found.',
    );
  });
});

/** GetCallerIdentity, AssumeRole and assumeRoleForService. */
import { describe, expect, it } from 'vitest';

import {
  ACCOUNT,
  apiErrorOf,
  document,
  ROOT,
  unitSts,
  type UnitSts,
} from '../test-support/sts.test-support.js';

const trustAccount = document({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'sts:AssumeRole',
});
const trustTasks = document({
  Effect: 'Allow',
  Principal: { Service: 'ecs-tasks.amazonaws.com' },
  Action: 'sts:AssumeRole',
});

const role = (t: UnitSts, name: string, trust: string, extra: object = {}): { Arn: string; RoleId: string } =>
  t.iamCall('CreateRole', { RoleName: name, AssumeRolePolicyDocument: trust, ...extra })['Role'] as {
    Arn: string;
    RoleId: string;
  };

type Assumed = {
  Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: number };
  AssumedRoleUser: { AssumedRoleId: string; Arn: string };
};

describe('GetCallerIdentity', () => {
  it('answers the caller', () => {
    const t = unitSts();
    expect(t.call('GetCallerIdentity', {})).toEqual({
      UserId: ACCOUNT,
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:root`,
    });
    const alice = t.user('alice');
    expect(t.call('GetCallerIdentity', {}, alice)).toEqual({
      UserId: alice.userId,
      Account: ACCOUNT,
      Arn: alice.arn,
    });
  });
});

describe('AssumeRole', () => {
  it('gives the root session credentials for a role trusting the account', () => {
    const t = unitSts();
    const r = role(t, 'deploy', trustAccount);
    const out = t.call('AssumeRole', { RoleArn: r.Arn, RoleSessionName: 'ci-run' }) as Assumed;
    expect(out.AssumedRoleUser).toEqual({
      AssumedRoleId: `${r.RoleId}:ci-run`,
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci-run`,
    });
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA[0-9A-Z]{16}$/);
    expect(out.Credentials.Expiration).toBe(1_700_000_000 + 3600);
    const resolved = t.sts.authenticator.resolve(
      out.Credentials.AccessKeyId,
      out.Credentials.SessionToken,
      t.clock.now,
      'query',
    );
    expect(resolved).toEqual({
      secretAccessKey: out.Credentials.SecretAccessKey,
      identity: {
        accountId: ACCOUNT,
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci-run`,
        userId: `${r.RoleId}:ci-run`,
        kind: 'assumed-role',
        roleArn: r.Arn,
        name: 'ci-run',
      },
    });
    expect(t.store.count('sts-token-key')).toBe(1);
  });

  it('a user needs identity permission when the trust policy names only the account', () => {
    const t = unitSts();
    const r = role(t, 'deploy', trustAccount);
    const alice = t.user('alice');
    const denied = `AccessDenied: User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${r.Arn} (403)`;
    expect(apiErrorOf(() => t.call('AssumeRole', { RoleArn: r.Arn, RoleSessionName: 's1' }, alice))).toBe(
      denied,
    );
    t.iamCall('PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'assume',
      PolicyDocument: document({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: r.Arn }),
    });
    expect(t.call('AssumeRole', { RoleArn: r.Arn, RoleSessionName: 's1' }, alice)).toHaveProperty(
      'Credentials',
    );
  });

  it('a trust policy naming the user suffices; one naming someone else does not', () => {
    const t = unitSts();
    const alice = t.user('alice');
    const bob = t.user('bob');
    const r = role(
      t,
      'named',
      document({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' }),
    );
    expect(t.call('AssumeRole', { RoleArn: r.Arn, RoleSessionName: 's1' }, alice)).toHaveProperty(
      'Credentials',
    );
    expect(apiErrorOf(() => t.call('AssumeRole', { RoleArn: r.Arn, RoleSessionName: 's1' }, bob))).toMatch(
      /^AccessDenied: User: .*bob is not authorized/,
    );
    const tasks = role(t, 'tasks', trustTasks);
    expect(apiErrorOf(() => t.call('AssumeRole', { RoleArn: tasks.Arn, RoleSessionName: 's1' }))).toMatch(
      /^AccessDenied: /,
    );
    expect(
      apiErrorOf(() =>
        t.call('AssumeRole', { RoleArn: `arn:aws:iam::${ACCOUNT}:role/none`, RoleSessionName: 's1' }),
      ),
    ).toBe(
      `AccessDenied: User: ${ROOT.arn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/none (403)`,
    );
  });

  it('validates the session name and duration against the role', () => {
    const t = unitSts();
    const r = role(t, 'deploy', trustAccount, { MaxSessionDuration: 7200 });
    const err = (input: object) =>
      apiErrorOf(() => t.call('AssumeRole', { RoleArn: r.Arn, RoleSessionName: 'ok', ...input }));
    expect(err({ RoleSessionName: 'a' })).toMatch(
      /^ValidationError: 1 validation error detected: Value 'a' at 'roleSessionName'/,
    );
    expect(err({ RoleSessionName: 'bad name' })).toMatch(/regular expression pattern/);
    expect(err({ DurationSeconds: 899 })).toMatch(
      /^ValidationError: .*'durationSeconds'.*greater than or equal to 900/,
    );
    expect(err({ DurationSeconds: 7201 })).toBe(
      'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role. (400)',
    );
    expect(
      (t.call('AssumeRole', { RoleArn: r.Arn, RoleSessionName: 'ok', DurationSeconds: 7200 }) as Assumed)
        .Credentials.Expiration,
    ).toBe(1_700_000_000 + 7200);
  });

  it('an assumed role may chain into another role that trusts it', () => {
    const t = unitSts();
    const first = role(t, 'first', trustAccount);
    const out = t.call('AssumeRole', { RoleArn: first.Arn, RoleSessionName: 'a1' }) as Assumed;
    const session = t.sts.authenticator.resolve(
      out.Credentials.AccessKeyId,
      out.Credentials.SessionToken,
      t.clock.now,
      'json',
    )!.identity;
    const second = role(
      t,
      'second',
      document({ Effect: 'Allow', Principal: { AWS: first.Arn }, Action: 'sts:AssumeRole' }),
    );
    expect(t.call('AssumeRole', { RoleArn: second.Arn, RoleSessionName: 'a2' }, session)).toHaveProperty(
      'Credentials',
    );
    expect(t.call('GetCallerIdentity', {}, session)).toEqual({
      UserId: `${first.RoleId}:a1`,
      Account: ACCOUNT,
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/first/a1`,
    });
  });

  it('unsupported operations answer a clear error', () => {
    const t = unitSts();
    expect(apiErrorOf(() => t.call('GetSessionToken', {}))).toMatch(
      /^ValidationError: Berth does not support GetSessionToken/,
    );
  });
});

describe('assumeRoleForService', () => {
  it('gives a service credentials for a role whose trust policy allows it', () => {
    const t = unitSts();
    const r = role(t, 'task', trustTasks);
    const creds = t.sts.assumeRoleForService({
      accountId: ACCOUNT,
      roleArn: r.Arn,
      sessionName: 'task-1234',
      servicePrincipal: 'ecs-tasks.amazonaws.com',
    });
    expect(creds).toMatchObject({ roleArn: r.Arn, expiration: 1_700_000_000 + 3600 });
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    const resolved = t.sts.authenticator.resolve(creds.accessKeyId, creds.sessionToken, t.clock.now, 'json');
    expect(resolved?.identity).toMatchObject({ kind: 'assumed-role', roleArn: r.Arn, name: 'task-1234' });
    expect(resolved?.secretAccessKey).toBe(creds.secretAccessKey);
  });

  it('refuses other services, missing roles and roles of other accounts', () => {
    const t = unitSts();
    const r = role(t, 'deploy', trustAccount);
    const tasks = role(t, 'task', trustTasks);
    const ask = (roleArn: string, servicePrincipal = 'ecs-tasks.amazonaws.com', accountId = ACCOUNT) =>
      apiErrorOf(() =>
        t.sts.assumeRoleForService({ accountId, roleArn, sessionName: 's1', servicePrincipal }),
      );
    expect(ask(r.Arn)).toBe(
      `AccessDeniedException: ecs-tasks.amazonaws.com is not authorized to perform sts:AssumeRole on resource: ${r.Arn} (400)`,
    );
    expect(ask(tasks.Arn, 'lambda.amazonaws.com')).toMatch(
      /^AccessDeniedException: lambda.amazonaws.com is not authorized to perform sts:AssumeRole/,
    );
    expect(ask(`arn:aws:iam::${ACCOUNT}:role/none`)).toMatch(/^AccessDeniedException: /);
    expect(ask(tasks.Arn, 'ecs-tasks.amazonaws.com', '210987654321')).toMatch(/^AccessDeniedException: /);
  });
});

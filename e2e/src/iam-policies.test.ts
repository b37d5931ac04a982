/**
 * IAM policies that Berth enforces on every call. A user whose only policy allows `ecs:Describe*`
 * and `ecs:List*` on one cluster reads that cluster, its services and tasks; RunTask, other
 * clusters and other APIs are AccessDenied with IAM's message, and an explicit Deny beats the
 * Allow. The server's own key stays the account root. AssumeRole hands out session credentials
 * the gateway verifies: they act as the role, and an expired or forged token is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk } from './support/clients.js';
import { createUserEnv } from './support/iam.js';

let berth: BerthProcess;
let readerEnv: NodeJS.ProcessEnv;
let allowedArn = '';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const clusterArn = (name: string): string => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${name}`;

const denied = (env: NodeJS.ProcessEnv, args: readonly string[]): string => {
  const result = aws(env, args);
  expect(result.status, result.stdout).not.toBe(0);
  return result.stderr;
};

beforeAll(async () => {
  berth = await startServer({ agent: false });
  allowedArn = awsOk(berth.env, ['ecs', 'create-cluster', '--cluster-name', 'team-a']).cluster.clusterArn;
  awsOk(berth.env, ['ecs', 'create-cluster', '--cluster-name', 'team-b']);
  awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--family',
    'reader-probe',
    '--container-definitions',
    JSON.stringify([{ name: 'app', image: 'berth-test/busybox:latest', memory: 64, essential: true }]),
  ]);
  readerEnv = createUserEnv(berth.env, 'team-a-reader', {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['ecs:Describe*', 'ecs:List*'],
        Resource: '*',
        Condition: { ArnEquals: { 'ecs:cluster': clusterArn('team-a') } },
      },
      { Effect: 'Allow', Action: 'ecs:DescribeClusters', Resource: clusterArn('team-a') },
      {
        Effect: 'Deny',
        Action: 'ecs:ListTasks',
        Resource: '*',
        Condition: { StringEquals: { 'ecs:cluster': clusterArn('team-a-private') } },
      },
    ],
  });
});

afterAll(async () => {
  await berth?.stop();
});

describe('a user allowed only ecs:Describe* and ecs:List* on one cluster', () => {
  it('reads that cluster, its services and tasks', () => {
    const described = awsOk(readerEnv, ['ecs', 'describe-clusters', '--clusters', 'team-a']);
    expect(described.clusters.map((c: any) => c.clusterArn)).toEqual([allowedArn]);
    expect(awsOk(readerEnv, ['ecs', 'list-services', '--cluster', 'team-a']).serviceArns).toEqual([]);
    expect(awsOk(readerEnv, ['ecs', 'list-tasks', '--cluster', 'team-a']).taskArns).toEqual([]);
  });

  it('is AccessDenied for RunTask on it, with IAM message naming the user, action and resource', () => {
    const stderr = denied(readerEnv, [
      'ecs',
      'run-task',
      '--cluster',
      'team-a',
      '--task-definition',
      'reader-probe',
    ]);
    expect(stderr).toContain('AccessDeniedException');
    expect(stderr).toContain(
      `User: arn:aws:iam::${ACCOUNT}:user/team-a-reader is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/reader-probe:* because no identity-based policy allows the ecs:RunTask action`,
    );
  });

  it('is AccessDenied for another cluster, and for other APIs', () => {
    expect(denied(readerEnv, ['ecs', 'describe-clusters', '--clusters', 'team-b'])).toContain(
      `on resource: ${clusterArn('team-b')} because no identity-based policy allows the ecs:DescribeClusters action`,
    );
    expect(denied(readerEnv, ['ecs', 'list-services', '--cluster', 'team-b'])).toContain(
      'AccessDeniedException',
    );
    // A query API spells it AccessDenied.
    expect(denied(readerEnv, ['elbv2', 'describe-load-balancers'])).toContain('(AccessDenied)');
    expect(denied(readerEnv, ['iam', 'list-users'])).toContain('(AccessDenied)');
    // Listing clusters is not on one cluster: no ecs:cluster key, so the condition does not hold.
    expect(denied(readerEnv, ['ecs', 'list-clusters'])).toContain('ecs:ListClusters on resource: *');
  });

  it('changes nothing when refused', () => {
    denied(readerEnv, ['ecs', 'create-cluster', '--cluster-name', 'sneaky']);
    const names = awsOk(berth.env, ['ecs', 'list-clusters']).clusterArns.map((a: string) => a.split('/')[1]);
    expect(names.sort()).toEqual(['team-a', 'team-b']);
  });

  it('sees itself in sts get-caller-identity; the server key is the account root', () => {
    const me = awsOk(readerEnv, ['sts', 'get-caller-identity']);
    expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/team-a-reader`);
    expect(me.Account).toBe(ACCOUNT);
    expect(me.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
    expect(awsOk(berth.env, ['sts', 'get-caller-identity']).Arn).toBe(`arn:aws:iam::${ACCOUNT}:root`);
  });

  it('an explicit Deny beats an Allow', () => {
    const env = createUserEnv(berth.env, 'denied-reader', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ecs:*', Resource: '*' },
        { Effect: 'Deny', Action: 'ecs:DescribeClusters', Resource: clusterArn('team-b') },
      ],
    });
    expect(awsOk(env, ['ecs', 'describe-clusters', '--clusters', 'team-a']).clusters).toHaveLength(1);
    expect(denied(env, ['ecs', 'describe-clusters', '--clusters', 'team-b'])).toContain(
      'with an explicit deny in an identity-based policy',
    );
  });

  it('a deactivated key stops working', () => {
    const keyId = readerEnv.AWS_ACCESS_KEY_ID ?? '';
    awsOk(berth.env, [
      'iam',
      'update-access-key',
      '--user-name',
      'team-a-reader',
      '--access-key-id',
      keyId,
      '--status',
      'Inactive',
    ]);
    expect(denied(readerEnv, ['ecs', 'list-tasks', '--cluster', 'team-a'])).toContain(
      'UnrecognizedClientException',
    );
    awsOk(berth.env, [
      'iam',
      'update-access-key',
      '--user-name',
      'team-a-reader',
      '--access-key-id',
      keyId,
      '--status',
      'Active',
    ]);
    expect(awsOk(readerEnv, ['ecs', 'list-tasks', '--cluster', 'team-a']).taskArns).toEqual([]);
  });
});

describe('sts assume-role', () => {
  it('issues session credentials that act as the role, verified by the gateway', () => {
    awsOk(berth.env, [
      'iam',
      'create-role',
      '--role-name',
      'deployer',
      '--assume-role-policy-document',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
        ],
      }),
    ]);
    awsOk(berth.env, [
      'iam',
      'attach-role-policy',
      '--role-name',
      'deployer',
      '--policy-arn',
      'arn:aws:iam::aws:policy/AmazonECS_FullAccess',
    ]);
    const assumed = awsOk(berth.env, [
      'sts',
      'assume-role',
      '--role-arn',
      `arn:aws:iam::${ACCOUNT}:role/deployer`,
      '--role-session-name',
      'ci-run-7',
    ]);
    expect(assumed.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run-7`);
    const creds = assumed.Credentials;
    expect(creds.AccessKeyId).toMatch(/^ASIA/);
    const roleEnv = {
      ...berth.env,
      AWS_ACCESS_KEY_ID: creds.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.SecretAccessKey,
      AWS_SESSION_TOKEN: creds.SessionToken,
    };
    expect(awsOk(roleEnv, ['sts', 'get-caller-identity']).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run-7`,
    );
    expect(awsOk(roleEnv, ['ecs', 'list-clusters']).clusterArns).toHaveLength(2);
    expect(denied(roleEnv, ['iam', 'list-users'])).toContain(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run-7 is not authorized to perform: iam:ListUsers`,
    );
    // The same key with a forged token, or with none, is not a credential.
    const forged = `${creds.SessionToken.slice(0, -8)}AAAAAAAA`;
    expect(denied({ ...roleEnv, AWS_SESSION_TOKEN: forged }, ['ecs', 'list-clusters'])).toContain(
      'UnrecognizedClientException',
    );
    expect(denied({ ...roleEnv, AWS_SESSION_TOKEN: '' }, ['ecs', 'list-clusters'])).toContain(
      'UnrecognizedClientException',
    );
  });

  it('refuses a caller the trust policy does not name', () => {
    const stderr = denied(readerEnv, [
      'sts',
      'assume-role',
      '--role-arn',
      `arn:aws:iam::${ACCOUNT}:role/deployer`,
      '--role-session-name',
      'not-me',
    ]);
    expect(stderr).toContain('(AccessDenied)');
    expect(stderr).toContain(
      `is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/deployer`,
    );
  });
});

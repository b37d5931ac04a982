/** IAM over awsQuery: form input decoded by the model, XML output and errors as IAM sends them. */
import { ApiError } from '@berth/core';
import { awsQuery } from '@berth/gateway';
import { IAM_MODEL } from '@berth/wire/iam';
import { describe, expect, it } from 'vitest';

import { CTX, document, unitIam, type UnitIam } from '../test-support/iam.test-support.js';

const viaCodec = (
  t: UnitIam,
  operation: string,
  form: Record<string, string>,
): { status: number; xml: string } => {
  const body = new URLSearchParams({ Action: operation, Version: '2010-05-08', ...form }).toString();
  try {
    const input = awsQuery.decodeInput(Buffer.from(body), operation, IAM_MODEL);
    const op = t.module.api.operations.get(operation);
    if (!op) throw new Error(operation);
    const encoded = awsQuery.encodeOutput(op(CTX, input), operation, IAM_MODEL, 'req-1');
    return { status: encoded.status, xml: String(encoded.body) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const encoded = awsQuery.encodeError(error, IAM_MODEL, 'req-1');
    return { status: encoded.status, xml: String(encoded.body) };
  }
};

describe('IAM over awsQuery', () => {
  it('creates and lists users with tags, as XML members', () => {
    const t = unitIam();
    const created = viaCodec(t, 'CreateUser', {
      UserName: 'alice',
      'Tags.member.1.Key': 'team',
      'Tags.member.1.Value': 'a',
    });
    expect(created.status).toBe(200);
    expect(created.xml).toContain('<CreateUserResult><User>');
    expect(created.xml).toContain('<UserName>alice</UserName>');
    expect(created.xml).toContain('<CreateDate>2023-11-14T22:13:20');
    expect(created.xml).toContain('<Tags><member><Key>team</Key><Value>a</Value></member></Tags>');
    const listed = viaCodec(t, 'ListUsers', {});
    expect(listed.xml).toMatch(/<Users><member>.*<UserName>alice<\/UserName>.*<\/member><\/Users>/s);
    expect(listed.xml).toContain('<IsTruncated>false</IsTruncated>');
  });

  it('answers IAM errors with their codes and statuses', () => {
    const t = unitIam();
    const missing = viaCodec(t, 'GetUser', { UserName: 'nobody' });
    expect(missing.status).toBe(404);
    expect(missing.xml).toContain('<Code>NoSuchEntity</Code>');
    expect(missing.xml).toContain('<Message>The user with name nobody cannot be found.</Message>');
  });

  it('returns policy documents URL-encoded in XML', () => {
    const t = unitIam();
    const trust = document({
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    const role = viaCodec(t, 'CreateRole', {
      RoleName: 'task',
      AssumeRolePolicyDocument: trust,
      MaxSessionDuration: '7200',
    });
    expect(role.xml).toContain(
      `<AssumeRolePolicyDocument>${encodeURIComponent(trust)}</AssumeRolePolicyDocument>`,
    );
    expect(role.xml).toContain('<MaxSessionDuration>7200</MaxSessionDuration>');
    viaCodec(t, 'PutRolePolicy', {
      RoleName: 'task',
      PolicyName: 'p',
      PolicyDocument: document({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }),
    });
    expect(viaCodec(t, 'ListRolePolicies', { RoleName: 'task' }).xml).toContain(
      '<PolicyNames><member>p</member></PolicyNames>',
    );
  });
});

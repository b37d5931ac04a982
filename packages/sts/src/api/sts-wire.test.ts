/** STS over awsQuery: AssumeRole's and GetCallerIdentity's XML as STS sends them. */
import { ApiError } from '@berth/core';
import { awsQuery } from '@berth/gateway';
import { STS_MODEL } from '@berth/wire/sts';
import { describe, expect, it } from 'vitest';

import {
  ACCOUNT,
  contextFor,
  document,
  ROOT,
  unitSts,
  type UnitSts,
} from '../test-support/sts.test-support.js';

const viaCodec = (
  t: UnitSts,
  operation: string,
  form: Record<string, string>,
): { status: number; xml: string } => {
  const body = new URLSearchParams({ Action: operation, Version: '2011-06-15', ...form }).toString();
  try {
    const input = awsQuery.decodeInput(Buffer.from(body), operation, STS_MODEL);
    const op = t.sts.api.operations.get(operation);
    if (!op) throw new Error(operation);
    const encoded = awsQuery.encodeOutput(op(contextFor(ROOT), input), operation, STS_MODEL, 'req-1');
    return { status: encoded.status, xml: String(encoded.body) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const encoded = awsQuery.encodeError(error, STS_MODEL, 'req-1');
    return { status: encoded.status, xml: String(encoded.body) };
  }
};

describe('STS over awsQuery', () => {
  it('answers GetCallerIdentity', () => {
    const t = unitSts();
    const { xml } = viaCodec(t, 'GetCallerIdentity', {});
    expect(xml).toContain('<GetCallerIdentityResult>');
    expect(xml).toContain(`<Account>${ACCOUNT}</Account>`);
    expect(xml).toContain(`<Arn>arn:aws:iam::${ACCOUNT}:root</Arn>`);
  });

  it('answers AssumeRole with an ISO-8601 expiration, and AccessDenied as 403', () => {
    const t = unitSts();
    const trust = document({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' });
    t.iamCall('CreateRole', { RoleName: 'deploy', AssumeRolePolicyDocument: trust });
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/deploy`;
    const ok = viaCodec(t, 'AssumeRole', { RoleArn: roleArn, RoleSessionName: 'ci', DurationSeconds: '900' });
    expect(ok.status).toBe(200);
    expect(ok.xml).toMatch(/<Credentials><AccessKeyId>ASIA\w{16}<\/AccessKeyId>/);
    expect(ok.xml).toContain('<Expiration>2023-11-14T22:28:20');
    expect(ok.xml).toContain(`<Arn>arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci</Arn>`);
    const denied = viaCodec(t, 'AssumeRole', {
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/none`,
      RoleSessionName: 'ci',
    });
    expect(denied.status).toBe(403);
    expect(denied.xml).toContain('<Code>AccessDenied</Code>');
  });
});

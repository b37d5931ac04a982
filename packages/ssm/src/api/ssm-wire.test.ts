/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { awsJson1_1 } from '@berth/gateway';
import { SSM_MODEL } from '@berth/wire/ssm';

import { CTX, unitSsm } from '../test-support/ssm.test-support.js';

/** Runs one operation as the gateway would: JSON body in, JSON body out. */
const viaCodec = async (t: ReturnType<typeof unitSsm>, operation: string, body: object): Promise<any> => {
  const input = awsJson1_1.decodeInput(Buffer.from(JSON.stringify(body)), operation, SSM_MODEL);
  const op = t.module.api.operations.get(operation);
  if (!op) throw new Error(operation);
  const encoded = awsJson1_1.encodeOutput(await op(CTX, input), operation, SSM_MODEL, 'req');
  return JSON.parse(String(encoded.body));
};

describe('Parameter Store over awsJson1_1', () => {
  it('puts and reads parameters with versions, dates as epoch seconds', async () => {
    const t = unitSsm();
    expect(await viaCodec(t, 'PutParameter', { Name: '/a/b', Value: 'x', Type: 'SecureString' })).toEqual({
      Version: 1,
      Tier: 'Standard',
    });
    const { Parameter } = await viaCodec(t, 'GetParameter', { Name: '/a/b', WithDecryption: true });
    expect(Parameter).toMatchObject({
      Name: '/a/b',
      Value: 'x',
      Version: 1,
      LastModifiedDate: t.clock.now / 1000,
    });
    const byPath = await viaCodec(t, 'GetParametersByPath', { Path: '/a', WithDecryption: true });
    expect(byPath.Parameters.map((p: { Value: string }) => p.Value)).toEqual(['x']);
    const described = await viaCodec(t, 'DescribeParameters', {});
    expect(described.Parameters[0]).toMatchObject({ Name: '/a/b', Policies: [], KeyId: 'alias/aws/ssm' });
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { awsJson1_1 } from '@berth/gateway';
import { SECRETSMANAGER_MODEL } from '@berth/wire/secretsmanager';

import { CTX, unitSecrets } from '../test-support/secrets-manager.test-support.js';

/** Runs one operation as the gateway would: JSON body in, JSON body out. */
const viaCodec = async (t: ReturnType<typeof unitSecrets>, operation: string, body: object): Promise<any> => {
  const input = awsJson1_1.decodeInput(Buffer.from(JSON.stringify(body)), operation, SECRETSMANAGER_MODEL);
  const op = t.module.api.operations.get(operation);
  if (!op) throw new Error(operation);
  const encoded = awsJson1_1.encodeOutput(await op(CTX, input), operation, SECRETSMANAGER_MODEL, 'req');
  return JSON.parse(String(encoded.body));
};

describe('Secrets Manager over awsJson1_1', () => {
  it('takes and answers SecretBinary as base64, dates as epoch seconds, stages as a map of lists', async () => {
    const t = unitSecrets();
    const SecretBinary = Buffer.from([1, 2, 3, 254]).toString('base64');
    await viaCodec(t, 'CreateSecret', { Name: 'bin', SecretBinary });
    const value = await viaCodec(t, 'GetSecretValue', { SecretId: 'bin' });
    expect(value.SecretBinary).toBe(SecretBinary);
    expect(value.CreatedDate).toBe(t.clock.now / 1000);
    const described = await viaCodec(t, 'DescribeSecret', { SecretId: 'bin' });
    expect(Object.values(described.VersionIdsToStages)).toEqual([['AWSCURRENT']]);
    expect(typeof described.LastChangedDate).toBe('number');
    const listed = await viaCodec(t, 'ListSecrets', {});
    expect(listed.SecretList[0].Name).toBe('bin');
  });
});

/**
 * The STS API (awsQuery, 2011-06-15) for the gateway: GetCallerIdentity and AssumeRole, and every
 * other operation of the model answered as not supported. AssumeRole's authorization is its own
 * (trust policy and identity policies, in the use case); the gateway's check sees its role ARN.
 */
import type { ApiService, Operation } from '@berth/gateway';
import { STS_MODEL, STS_OPERATIONS } from '@berth/wire/sts';
import type { GetCallerIdentityResponse } from '@berth/wire/sts';

import type { AssumeRole } from '../services/assume-role.js';
import { notSupported } from '../services/sts-errors.js';

const FEATURE: Readonly<Record<string, string>> = {
  AssumeRoleWithSAML: 'SAML federation',
  AssumeRoleWithWebIdentity: 'web identity federation',
  AssumeRoot: 'AWS Organizations root sessions',
  DecodeAuthorizationMessage: 'encoded authorization messages',
  GetAccessKeyInfo: 'access key lookups',
  GetDelegatedAccessToken: 'delegated access tokens',
  GetFederationToken: 'federated users',
  GetSessionToken: 'MFA session tokens',
  GetWebIdentityToken: 'outbound web identity tokens',
};

export const stsService = (assumeRole: AssumeRole): ApiService => {
  const implemented: Record<string, Operation> = {
    GetCallerIdentity: (ctx): GetCallerIdentityResponse => ({
      UserId: ctx.identity.userId,
      Account: ctx.identity.accountId,
      Arn: ctx.identity.arn,
    }),
    AssumeRole: (ctx, input) => assumeRole.assume(ctx.identity, input),
  };
  const unsupported = STS_OPERATIONS.filter((name) => !(name in implemented)).map(
    (name): [string, Operation] => [
      name,
      () => {
        throw notSupported(name, FEATURE[name] ?? name);
      },
    ],
  );
  return {
    model: STS_MODEL,
    actionPrefix: 'sts',
    operations: new Map([...unsupported, ...Object.entries(implemented)]),
    authorization: (operation, input) =>
      operation === 'AssumeRole' && typeof input['RoleArn'] === 'string'
        ? { resources: [input['RoleArn']] }
        : { resources: ['*'] },
  };
};

/**
 * The gateway's Authenticator: the server's root key pairs; IAM users' Active access keys
 * (through @berth/iam); and ASIA… session keys, whose token must open (session-tokens.ts), be
 * this key's, not be expired, and name a role that still exists as it was when assumed.
 */
import { RootKeys, type Authenticator, type CredentialPair } from '@berth/gateway';
import type { IamUseCases } from '@berth/iam';

import type { SessionTokens } from './session-tokens.js';
import { expiredToken, invalidToken } from './sts-errors.js';

export const stsAuthenticator = (
  rootKeys: readonly CredentialPair[],
  iam: Pick<IamUseCases, 'resolveAccessKey' | 'roleByArn'>,
  tokens: SessionTokens,
): Authenticator => {
  const roots = new RootKeys(rootKeys);
  return {
    resolve: (accessKeyId, sessionToken, nowMs, protocol) => {
      const root = roots.resolve(accessKeyId);
      if (root !== undefined) return root;
      if (!accessKeyId.startsWith('ASIA')) return iam.resolveAccessKey(accessKeyId);
      if (sessionToken === undefined || sessionToken === '') return undefined;
      const claims = tokens.unseal(sessionToken);
      if (claims?.accessKeyId !== accessKeyId) throw invalidToken(protocol);
      if (claims.expiration * 1000 <= nowMs) throw expiredToken(protocol);
      const role = iam.roleByArn(claims.roleArn);
      if (role?.roleId !== claims.roleId) throw invalidToken(protocol);
      return {
        secretAccessKey: claims.secretAccessKey,
        identity: {
          accountId: claims.accountId,
          arn: `arn:aws:sts::${claims.accountId}:assumed-role/${role.roleName}/${claims.sessionName}`,
          userId: `${claims.roleId}:${claims.sessionName}`,
          kind: 'assumed-role',
          roleArn: claims.roleArn,
          name: claims.sessionName,
        },
      };
    },
  };
};

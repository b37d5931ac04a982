/**
 * The IAM operations Berth does not implement, each answering a ValidationError that names the
 * feature Berth lacks, so a client learns why.
 */
import type { Operation } from '@berth/gateway';

import { notSupported } from '../services/iam-errors.js';

const FEATURES: readonly [RegExp, string][] = [
  [/Group/, 'groups'],
  [/InstanceProfile/, 'instance profiles'],
  [/MFADevice/, 'MFA devices'],
  [/LoginProfile|Password/, 'console passwords'],
  [/SAML|OpenIDConnect|WebIdentity/, 'identity providers'],
  [/SSHPublicKey/, 'SSH public keys'],
  [/ServerCertificate/, 'server certificates'],
  [/SigningCertificate/, 'signing certificates'],
  [/ServiceSpecificCredential/, 'service-specific credentials'],
  [/ServiceLinkedRole/, 'service-linked roles'],
  [/PermissionsBoundary/, 'permissions boundaries'],
  [/Delegation/, 'delegation requests'],
  [/Organizations/, 'AWS Organizations features'],
  [/AccountAlias/, 'account aliases'],
  [/Simulate|ContextKeys/, 'the policy simulator'],
  [/CredentialReport|LastAccessed|AccessReport|GrantingServiceAccess/, 'access reports'],
  [/PolicyTags|TagPolicy|UntagPolicy/, 'policy tags'],
  [/UpdateUser/, 'renaming users or changing their path'],
  [/AccountSummary|AccountAuthorizationDetails/, 'account-wide reports'],
  [/HumanReadableSummary/, 'human-readable policy summaries'],
  [/SecurityTokenServicePreferences/, 'STS endpoint preferences'],
];

const featureOf = (name: string): string =>
  FEATURES.find(([pattern]) => pattern.test(name))?.[1] ?? `${name} and what it manages`;

export const unsupportedOperations = (names: readonly string[]): Record<string, Operation> =>
  Object.fromEntries(
    names.map((name): [string, Operation] => [
      name,
      () => {
        throw notSupported(name, featureOf(name));
      },
    ]),
  );

/**
 * Whether a Principal / NotPrincipal element names the caller: `*`; an AWS value equal to the
 * caller's ARN, its role's ARN (assumed-role sessions), its account root or account id, or `*`;
 * a Service value equal to the calling service; Federated / CanonicalUser values equal to the ARN.
 */
import type { PrincipalSet, RequestPrincipal } from './policy-types.js';

const partitionOf = (arn: string): string => (arn.startsWith('arn:') ? (arn.split(':')[1] ?? 'aws') : 'aws');

const awsNames = (principal: RequestPrincipal): Set<string> => {
  const names = new Set([principal.arn, principal.accountId]);
  names.add(`arn:${partitionOf(principal.arn)}:iam::${principal.accountId}:root`);
  if (principal.roleArn !== undefined) names.add(principal.roleArn);
  return names;
};

export const principalMatches = (set: PrincipalSet, principal: RequestPrincipal): boolean => {
  if (set === '*') return true;
  return Object.entries(set).some(([type, values]) => {
    switch (type) {
      case 'AWS': {
        if (principal.service !== undefined) return false;
        const names = awsNames(principal);
        return values.some((value) => value === '*' || names.has(value));
      }
      case 'Service':
        return principal.service !== undefined && values.some((value) => value === principal.service);
      default:
        return values.some((value) => value === principal.arn);
    }
  });
};

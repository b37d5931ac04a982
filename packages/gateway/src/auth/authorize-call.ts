/**
 * The policy check every call passes before its handler runs: the API names the call's action
 * (`<prefix>:<Operation>`), resources and service condition keys; the gateway adds the global
 * condition keys (principal, source address, time, region) and asks the Authorizer. A denial is
 * AWS's AccessDenied in the API's protocol: `AccessDeniedException` (400) for JSON and CBOR APIs,
 * `AccessDenied` (403) for query APIs (their codec's spelling), with IAM's message naming the caller, action and resource.
 * The account's root is allowed everything, as in IAM; internal APIs (`rootOnly`) answer root
 * alone, whatever the policies say.
 */
import { ApiError, type Partition } from '@berth/core';

import type { ApiService } from '../api-service.js';
import type { Authorizer, CallerIdentity } from './caller-identity.js';

export interface CallToAuthorize {
  readonly service: ApiService;
  readonly operation: string;
  readonly input: Record<string, unknown>;
  readonly identity: CallerIdentity;
  readonly partition: Partition;
  readonly sourceIp: string;
  readonly nowMs: number;
}

const PRINCIPAL_TYPE = { root: 'Account', user: 'User', 'assumed-role': 'AssumedRole' } as const;

const globalContext = (call: CallToAuthorize): Record<string, string> => {
  const { identity } = call;
  return {
    'aws:PrincipalArn': identity.kind === 'assumed-role' ? (identity.roleArn ?? identity.arn) : identity.arn,
    'aws:PrincipalAccount': identity.accountId,
    'aws:PrincipalType': PRINCIPAL_TYPE[identity.kind],
    'aws:userid': identity.userId,
    ...(identity.kind === 'user' && identity.name !== undefined ? { 'aws:username': identity.name } : {}),
    'aws:SourceIp': call.sourceIp,
    'aws:CurrentTime': new Date(call.nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(call.nowMs / 1000)),
    'aws:SecureTransport': 'false',
    'aws:RequestedRegion': call.partition.region,
  };
};

/** Query APIs answer it as `AccessDenied` (403): their codec spells it (aws-query.ts). */
const accessDenied = (message: string): ApiError => new ApiError('AccessDeniedException', message, 400);

export const authorizeCall = (authorizer: Authorizer, call: CallToAuthorize): void => {
  // The account's root is allowed everything: no policy is read, nothing is built.
  if (call.identity.kind === 'root') return;
  const prefix = call.service.actionPrefix ?? call.service.model.metadata.signingName;
  const action = `${prefix}:${call.operation}`;
  const scope = call.service.authorization?.(call.operation, call.input, call.partition) ?? {
    resources: ['*'],
  };
  const subject = `User: ${call.identity.arn} is not authorized to perform: ${action}`;
  if (call.service.rootOnly) {
    throw accessDenied(`${subject} on resource: ${scope.resources[0] ?? '*'}`);
  }
  const decision = authorizer.authorize({
    identity: call.identity,
    action,
    resources: scope.resources.length > 0 ? scope.resources : ['*'],
    context: { ...globalContext(call), ...scope.context },
  });
  if (decision.allowed) return;
  const why =
    decision.reason === 'explicit'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${action} action`;
  throw accessDenied(`${subject} on resource: ${decision.resource} ${why}`);
};

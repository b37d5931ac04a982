/**
 * The policy handlers users and roles share — Attach/Detach/ListAttached<X>Policies and
 * Put/Get/Delete/List<X>Policy — built once per principal type.
 */
import type { Operation } from '@berth/gateway';

import { pageOutput } from '../services/iam-pagination.js';
import type { PrincipalType } from '../services/principals.js';

import type { IamServices } from './iam-services.js';

const operationsFor = (
  { principalPolicies: p }: IamServices,
  type: PrincipalType,
  X: 'User' | 'Role',
): Record<string, Operation> => {
  const nameMember = `${X}Name`;
  return {
    [`Attach${X}Policy`]: (ctx, input) => {
      p.attach(type, ctx.partition.accountId, input[nameMember], input['PolicyArn']);
      return {};
    },
    [`Detach${X}Policy`]: (ctx, input) => {
      p.detach(type, ctx.partition.accountId, input[nameMember], input['PolicyArn']);
      return {};
    },
    [`ListAttached${X}Policies`]: (ctx, input) =>
      pageOutput(
        'AttachedPolicies',
        p.listAttached(
          type,
          ctx.partition.accountId,
          input[nameMember],
          input['PathPrefix'],
          input['Marker'],
          input['MaxItems'],
        ),
      ),
    [`Put${X}Policy`]: (ctx, input) => {
      p.putInline(
        type,
        ctx.partition.accountId,
        input[nameMember],
        input['PolicyName'],
        input['PolicyDocument'],
      );
      return {};
    },
    [`Get${X}Policy`]: (ctx, input) => {
      const policy = p.getInline(type, ctx.partition.accountId, input[nameMember], input['PolicyName']);
      return {
        [nameMember]: policy.name,
        PolicyName: policy.policyName,
        PolicyDocument: policy.policyDocument,
      };
    },
    [`Delete${X}Policy`]: (ctx, input) => {
      p.deleteInline(type, ctx.partition.accountId, input[nameMember], input['PolicyName']);
      return {};
    },
    [`List${X}Policies`]: (ctx, input) =>
      pageOutput(
        'PolicyNames',
        p.listInline(type, ctx.partition.accountId, input[nameMember], input['Marker'], input['MaxItems']),
      ),
  };
};

export const principalPolicyOperations = (services: IamServices): Record<string, Operation> => ({
  ...operationsFor(services, 'user', 'User'),
  ...operationsFor(services, 'role', 'Role'),
  ListEntitiesForPolicy: (ctx, input) =>
    services.principalPolicies.entitiesFor(
      ctx.partition.accountId,
      input['PolicyArn'],
      input['EntityFilter'],
    ),
});

/** Managed policy and policy version handlers. */
import type { Operation } from '@berth/gateway';

import { pageOutput } from '../services/iam-pagination.js';

import type { IamServices } from './iam-services.js';

export const policyOperations = ({ policies }: IamServices): Record<string, Operation> => ({
  CreatePolicy: (ctx, input) => ({ Policy: policies.create(ctx.partition.accountId, input) }),
  GetPolicy: (ctx, input) => ({ Policy: policies.get(ctx.partition.accountId, input['PolicyArn']) }),
  ListPolicies: (ctx, input) => pageOutput('Policies', policies.list(ctx.partition.accountId, input)),
  DeletePolicy: (ctx, input) => {
    policies.delete(ctx.partition.accountId, input['PolicyArn']);
    return {};
  },
  GetPolicyVersion: (ctx, input) => ({
    PolicyVersion: policies.getVersion(ctx.partition.accountId, input['PolicyArn'], input['VersionId']),
  }),
  ListPolicyVersions: (ctx, input) =>
    pageOutput(
      'Versions',
      policies.listVersions(ctx.partition.accountId, input['PolicyArn'], input['Marker'], input['MaxItems']),
    ),
  CreatePolicyVersion: (ctx, input) => ({
    PolicyVersion: policies.createVersion(
      ctx.partition.accountId,
      input['PolicyArn'],
      input['PolicyDocument'],
      input['SetAsDefault'],
    ),
  }),
  DeletePolicyVersion: (ctx, input) => {
    policies.deleteVersion(ctx.partition.accountId, input['PolicyArn'], input['VersionId']);
    return {};
  },
  SetDefaultPolicyVersion: (ctx, input) => {
    policies.setDefaultVersion(ctx.partition.accountId, input['PolicyArn'], input['VersionId']);
    return {};
  },
});

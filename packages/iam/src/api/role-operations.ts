/** Role handlers. */
import type { Operation } from '@berth/gateway';

import { pageOutput } from '../services/iam-pagination.js';

import type { IamServices } from './iam-services.js';

export const roleOperations = ({ roles }: IamServices): Record<string, Operation> => ({
  CreateRole: (ctx, input) => ({ Role: roles.create(ctx.partition.accountId, input) }),
  GetRole: (ctx, input) => ({ Role: roles.get(ctx.partition.accountId, input['RoleName']) }),
  ListRoles: (ctx, input) =>
    pageOutput(
      'Roles',
      roles.list(ctx.partition.accountId, input['PathPrefix'], input['Marker'], input['MaxItems']),
    ),
  DeleteRole: (ctx, input) => {
    roles.delete(ctx.partition.accountId, input['RoleName']);
    return {};
  },
  UpdateAssumeRolePolicy: (ctx, input) => {
    roles.updateAssumeRolePolicy(ctx.partition.accountId, input['RoleName'], input['PolicyDocument']);
    return {};
  },
  UpdateRole: (ctx, input) => {
    roles.update(
      ctx.partition.accountId,
      input['RoleName'],
      input['Description'],
      input['MaxSessionDuration'],
    );
    return {};
  },
  UpdateRoleDescription: (ctx, input) => {
    roles.update(ctx.partition.accountId, input['RoleName'], input['Description'], undefined);
    return { Role: roles.get(ctx.partition.accountId, input['RoleName']) };
  },
  TagRole: (ctx, input) => {
    roles.tag(ctx.partition.accountId, input['RoleName'], input['Tags']);
    return {};
  },
  UntagRole: (ctx, input) => {
    roles.untag(ctx.partition.accountId, input['RoleName'], input['TagKeys']);
    return {};
  },
  ListRoleTags: (ctx, input) => ({
    Tags: roles.record(ctx.partition.accountId, input['RoleName']).tags,
    IsTruncated: false,
  }),
});

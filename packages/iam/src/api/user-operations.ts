/** User and access key handlers. */
import type { Operation } from '@berth/gateway';

import { pageOutput } from '../services/iam-pagination.js';

import type { IamServices } from './iam-services.js';

export const userOperations = ({ users, accessKeys }: IamServices): Record<string, Operation> => ({
  CreateUser: (ctx, input) => ({ User: users.create(ctx.partition.accountId, input) }),
  GetUser: (ctx, input) => ({ User: users.get(ctx.partition.accountId, input['UserName'], ctx.identity) }),
  ListUsers: (ctx, input) =>
    pageOutput(
      'Users',
      users.list(ctx.partition.accountId, input['PathPrefix'], input['Marker'], input['MaxItems']),
    ),
  DeleteUser: (ctx, input) => {
    users.delete(ctx.partition.accountId, input['UserName']);
    return {};
  },
  TagUser: (ctx, input) => {
    users.tag(ctx.partition.accountId, input['UserName'], input['Tags']);
    return {};
  },
  UntagUser: (ctx, input) => {
    users.untag(ctx.partition.accountId, input['UserName'], input['TagKeys']);
    return {};
  },
  ListUserTags: (ctx, input) => ({
    Tags: users.tags(ctx.partition.accountId, input['UserName']),
    IsTruncated: false,
  }),
  CreateAccessKey: (ctx, input) => ({
    AccessKey: accessKeys.create(ctx.partition.accountId, input['UserName'], ctx.identity),
  }),
  ListAccessKeys: (ctx, input) => {
    const page = accessKeys.list(
      ctx.partition.accountId,
      input['UserName'],
      ctx.identity,
      input['Marker'],
      input['MaxItems'],
    );
    return pageOutput('AccessKeyMetadata', page);
  },
  UpdateAccessKey: (ctx, input) => {
    accessKeys.update(
      ctx.partition.accountId,
      input['UserName'],
      ctx.identity,
      input['AccessKeyId'],
      input['Status'],
    );
    return {};
  },
  DeleteAccessKey: (ctx, input) => {
    accessKeys.delete(ctx.partition.accountId, input['UserName'], ctx.identity, input['AccessKeyId']);
    return {};
  },
  GetAccessKeyLastUsed: (ctx, input) => accessKeys.lastUsed(ctx.partition.accountId, input['AccessKeyId']),
});

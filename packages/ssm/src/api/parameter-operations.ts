/** The Parameter Store handlers: decode the request as its wire shape, call one use case, answer. */
import type { Operation } from '@berth/gateway';
import type {
  AddTagsToResourceRequest,
  DescribeParametersRequest,
  GetParameterHistoryRequest,
  GetParametersByPathRequest,
  LabelParameterVersionRequest,
  ListTagsForResourceRequest,
  PutParameterRequest,
  RemoveTagsFromResourceRequest,
  UnlabelParameterVersionRequest,
} from '@berth/wire/ssm';

import type { ParametersService } from '../services/parameters-service.js';
import { addTags, listTags, removeTags } from '../services/parameter-tags.js';
import type { ServiceDeps } from '../services/service-deps.js';

/** Decoded input viewed as its wire shape: the use cases check every value they use. */
const as = <T>(input: Record<string, unknown>): T => input as T;

export const parameterOperations = (
  parameters: ParametersService,
  deps: ServiceDeps,
): Record<string, Operation> => ({
  PutParameter: (ctx, input) =>
    parameters.put(ctx.partition, ctx.principalArn, as<PutParameterRequest>(input)),
  GetParameter: (ctx, input) =>
    parameters.get(ctx.partition, input['Name'], input['WithDecryption'] === true),
  GetParameters: (ctx, input) =>
    parameters.getMany(ctx.partition, input['Names'], input['WithDecryption'] === true),
  GetParametersByPath: (ctx, input) =>
    parameters.byPath(ctx.partition, as<GetParametersByPathRequest>(input)),
  DeleteParameter: (ctx, input) => {
    parameters.delete(ctx.partition, input['Name']);
    return {};
  },
  DeleteParameters: (ctx, input) => parameters.deleteMany(ctx.partition, input['Names']),
  DescribeParameters: (ctx, input) =>
    parameters.describe(ctx.partition, as<DescribeParametersRequest>(input)),
  GetParameterHistory: (ctx, input) =>
    parameters.history(ctx.partition, as<GetParameterHistoryRequest>(input)),
  LabelParameterVersion: (ctx, input) =>
    parameters.label(ctx.partition, as<LabelParameterVersionRequest>(input)),
  UnlabelParameterVersion: (ctx, input) =>
    parameters.unlabel(ctx.partition, as<UnlabelParameterVersionRequest>(input)),
  AddTagsToResource: (ctx, input) => {
    const r = as<AddTagsToResourceRequest>(input);
    addTags(deps, ctx.partition, r.ResourceType, r.ResourceId, r.Tags);
    return {};
  },
  RemoveTagsFromResource: (ctx, input) => {
    const r = as<RemoveTagsFromResourceRequest>(input);
    removeTags(deps, ctx.partition, r.ResourceType, r.ResourceId, r.TagKeys);
    return {};
  },
  ListTagsForResource: (ctx, input) => {
    const r = as<ListTagsForResourceRequest>(input);
    return { TagList: listTags(deps, ctx.partition, r.ResourceType, r.ResourceId) };
  },
});

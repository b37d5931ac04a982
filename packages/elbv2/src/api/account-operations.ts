/** Tags, account limits and SSL policies: the handlers that are not about one resource kind. */
import { partitionKey } from '@berth/core';
import type { Operation } from '@berth/gateway';
import type {
  AddTagsInput,
  DescribeAccountLimitsInput,
  DescribeAccountLimitsOutput,
  DescribeSSLPoliciesInput,
  DescribeSSLPoliciesOutput,
  DescribeTagsInput,
  DescribeTagsOutput,
  RemoveTagsInput,
} from '@berth/wire/elbv2';

import { ACCOUNT_LIMITS } from '../services/account-limits.js';
import { SSL_POLICIES } from '../services/ssl-policies.js';
import { pageOf } from '../services/pagination.js';
import { validationError } from '../services/elbv2-errors.js';

import type { Elbv2Services } from './elbv2-services.js';
import { as, marker } from './input.js';

export const accountOperations = ({ tags }: Elbv2Services): Record<string, Operation> => ({
  AddTags: (ctx, input) => {
    const request = as<AddTagsInput>(input);
    tags.add(partitionKey(ctx.partition), request.ResourceArns, request.Tags);
    return {};
  },
  RemoveTags: (ctx, input) => {
    const request = as<RemoveTagsInput>(input);
    tags.remove(partitionKey(ctx.partition), request.ResourceArns, request.TagKeys);
    return {};
  },
  DescribeTags: (ctx, input): DescribeTagsOutput => ({
    TagDescriptions: tags.describe(partitionKey(ctx.partition), as<DescribeTagsInput>(input).ResourceArns),
  }),
  DescribeAccountLimits: (_ctx, input): DescribeAccountLimitsOutput => {
    const request = as<DescribeAccountLimitsInput>(input);
    const page = pageOf(ACCOUNT_LIMITS, request.PageSize, request.Marker);
    return { Limits: page.items, ...marker(page) };
  },
  DescribeSSLPolicies: (_ctx, input): DescribeSSLPoliciesOutput => {
    const request = as<DescribeSSLPoliciesInput>(input);
    const names = request.Names ?? [];
    const missing = names.filter((n) => !SSL_POLICIES.some((p) => p.Name === n));
    if (missing.length > 0) throw validationError(`SSL policies '[${missing.join(', ')}]' not found`);
    const chosen = names.length > 0 ? SSL_POLICIES.filter((p) => names.includes(p.Name ?? '')) : SSL_POLICIES;
    const page = pageOf(chosen, request.PageSize, request.Marker);
    return { SslPolicies: page.items, ...marker(page) };
  },
});

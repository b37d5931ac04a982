/**
 * What a Parameter Store call acts on, for IAM: the parameter's ARN
 * (`arn:aws:ssm:<region>:<acct>:parameter/<name without its leading slash>`, selectors dropped,
 * ARNs kept as given) for calls on parameters — every name of GetParameters/DeleteParameters, the
 * path's ARN for GetParametersByPath — and `*` for DescribeParameters and the rest. Condition keys:
 * `aws:ResourceTag/<key>` (single parameters that exist), `aws:RequestTag/<key>`, `aws:TagKeys`.
 */
import type { Partition } from '@berth/core';
import type { OperationAuthorization } from '@berth/gateway';
import type { StoreReader } from '@berth/store';

import { parameterArn } from '../records/parameter-arns.js';
import { findParameter } from '../services/parameter-access.js';
import { parseReference } from '../services/parameter-names.js';

const SINGLE: Readonly<Record<string, string>> = {
  PutParameter: 'Name',
  GetParameter: 'Name',
  DeleteParameter: 'Name',
  GetParameterHistory: 'Name',
  LabelParameterVersion: 'Name',
  UnlabelParameterVersion: 'Name',
  AddTagsToResource: 'ResourceId',
  RemoveTagsFromResource: 'ResourceId',
  ListTagsForResource: 'ResourceId',
};
const MANY: Readonly<Record<string, string>> = { GetParameters: 'Names', DeleteParameters: 'Names' };

const requestTags = (tags: unknown): Record<string, string | string[]> => {
  if (!Array.isArray(tags) || tags.length === 0) return {};
  const entries = tags.filter(
    (t): t is { Key: string; Value?: string } =>
      typeof t === 'object' && t !== null && typeof (t as { Key?: unknown }).Key === 'string',
  );
  return {
    ...Object.fromEntries(entries.map((t) => [`aws:RequestTag/${t.Key}`, t.Value ?? ''])),
    'aws:TagKeys': entries.map((t) => t.Key),
  };
};

export const parameterAuthorization =
  (store: StoreReader) =>
  (operation: string, input: Record<string, unknown>, partition: Partition): OperationAuthorization => {
    const arnOf = (value: unknown): string | undefined => {
      if (typeof value !== 'string' || value.length === 0) return undefined;
      const reference = parseReference(partition, value);
      if (reference === undefined)
        return value.startsWith('arn:') ? value.replace(/:[^:/]*$/, '') : undefined;
      const name =
        reference.candidates.find((n) => findParameter(store, partition, n) !== undefined) ??
        reference.candidates[0];
      return name !== undefined ? parameterArn(partition, name) : undefined;
    };
    const member = SINGLE[operation];
    if (member !== undefined) {
      const arn = arnOf(input[member]);
      if (arn === undefined) return { resources: ['*'] };
      const reference = parseReference(partition, input[member]);
      const record = reference?.candidates
        .map((n) => findParameter(store, partition, n))
        .find((r) => r !== undefined);
      const context: Record<string, string | readonly string[]> = {};
      for (const [key, value] of Object.entries(record?.tags ?? {}))
        context[`aws:ResourceTag/${key}`] = value;
      Object.assign(context, requestTags(input['Tags']));
      if (operation === 'RemoveTagsFromResource' && Array.isArray(input['TagKeys'])) {
        context['aws:TagKeys'] = input['TagKeys'].filter((k): k is string => typeof k === 'string');
      }
      return { resources: [arn], context };
    }
    const many = MANY[operation];
    if (many !== undefined) {
      const names: unknown[] = Array.isArray(input[many]) ? (input[many] as unknown[]) : [];
      const arns = names.map(arnOf).filter((a): a is string => a !== undefined);
      return { resources: arns.length > 0 ? [...new Set(arns)] : ['*'] };
    }
    if (
      operation === 'GetParametersByPath' &&
      typeof input['Path'] === 'string' &&
      input['Path'].startsWith('/')
    ) {
      return { resources: [parameterArn(partition, input['Path'].replace(/(.)\/$/, '$1'))] };
    }
    return { resources: ['*'] };
  };

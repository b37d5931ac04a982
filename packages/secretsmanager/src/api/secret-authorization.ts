/**
 * What a Secrets Manager call acts on, for IAM: the secret's full ARN (a name or partial ARN is
 * resolved to it), or — for a secret that does not exist yet, and CreateSecret — the ARN without
 * the random suffix; `*` for ListSecrets and GetRandomPassword. Condition keys:
 * `secretsmanager:SecretId`, `secretsmanager:Name`, `secretsmanager:VersionId`,
 * `secretsmanager:VersionStage`, `secretsmanager:ResourceTag/<key>`, `aws:ResourceTag/<key>`,
 * `aws:RequestTag/<key>` and `aws:TagKeys`.
 */
import type { Partition } from '@berth/core';
import type { OperationAuthorization } from '@berth/gateway';
import type { StoreReader } from '@berth/store';

import { partialSecretArn } from '../records/secret-arns.js';
import { findSecret } from '../services/secret-access.js';

const UNSCOPED = new Set(['ListSecrets', 'GetRandomPassword', 'BatchGetSecretValue']);

const requestTags = (tags: unknown): Record<string, string | string[]> => {
  if (!Array.isArray(tags)) return {};
  const entries = tags.filter(
    (t): t is { Key: string; Value?: string } =>
      typeof t === 'object' && t !== null && typeof (t as { Key?: unknown }).Key === 'string',
  );
  return {
    ...Object.fromEntries(entries.map((t) => [`aws:RequestTag/${t.Key}`, t.Value ?? ''])),
    'aws:TagKeys': entries.map((t) => t.Key),
  };
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const secretAuthorization =
  (store: StoreReader, now: () => number) =>
  (operation: string, input: Record<string, unknown>, partition: Partition): OperationAuthorization => {
    if (UNSCOPED.has(operation)) return { resources: ['*'] };
    if (operation === 'CreateSecret') {
      const name = text(input['Name']) ?? '';
      return {
        resources: [partialSecretArn(partition, name)],
        context: { 'secretsmanager:Name': name, ...requestTags(input['Tags']) },
      };
    }
    const secretId = text(input['SecretId']);
    if (secretId === undefined) return { resources: ['*'] };
    const record = findSecret(store, partition, secretId, now() / 1000);
    const arn =
      record?.arn ?? (secretId.startsWith('arn:') ? secretId : partialSecretArn(partition, secretId));
    const context: Record<string, string | readonly string[]> = { 'secretsmanager:SecretId': arn };
    for (const [key, value] of Object.entries(record?.tags ?? {})) {
      context[`secretsmanager:ResourceTag/${key}`] = value;
      context[`aws:ResourceTag/${key}`] = value;
    }
    const versionId = text(input['VersionId']);
    const versionStage = text(input['VersionStage']);
    if (versionId !== undefined) context['secretsmanager:VersionId'] = versionId;
    if (versionStage !== undefined) context['secretsmanager:VersionStage'] = versionStage;
    if (operation === 'TagResource') Object.assign(context, requestTags(input['Tags']));
    if (operation === 'UntagResource' && Array.isArray(input['TagKeys'])) {
      context['aws:TagKeys'] = input['TagKeys'].filter((k): k is string => typeof k === 'string');
    }
    return { resources: [arn], context };
  };

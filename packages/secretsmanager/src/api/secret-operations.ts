/** The Secrets Manager handlers: decode the request as its wire shape, call one use case, answer. */
import type { Operation } from '@berth/gateway';
import type {
  CreateSecretRequest,
  DeleteSecretRequest,
  GetRandomPasswordRequest,
  GetSecretValueRequest,
  ListSecretVersionIdsRequest,
  ListSecretsRequest,
  PutSecretValueRequest,
  TagResourceRequest,
  UntagResourceRequest,
  UpdateSecretRequest,
  UpdateSecretVersionStageRequest,
} from '@berth/wire/secretsmanager';

import { randomPassword } from '../services/random-password.js';
import { listSecrets } from '../services/secret-listing.js';
import { describeView } from '../services/secret-views.js';

import type { SecretsManagerServices } from './secrets-manager-services.js';

/** Decoded input viewed as its wire shape: the use cases check every value they use. */
const as = <T>(input: Record<string, unknown>): T => input as T;

export const secretOperations = ({
  secrets,
  values,
  deps,
  random,
}: SecretsManagerServices): Record<string, Operation> => ({
  CreateSecret: (ctx, input) => {
    const { record, versionId } = secrets.create(ctx.partition, as<CreateSecretRequest>(input));
    return {
      ARN: record.arn,
      Name: record.name,
      ...(versionId !== undefined ? { VersionId: versionId } : {}),
    };
  },
  GetSecretValue: (ctx, input) => values.getValue(ctx.partition, as<GetSecretValueRequest>(input)),
  PutSecretValue: (ctx, input) => values.putValue(ctx.partition, as<PutSecretValueRequest>(input)),
  UpdateSecret: (ctx, input) => {
    const { record, versionId } = secrets.update(ctx.partition, as<UpdateSecretRequest>(input));
    return {
      ARN: record.arn,
      Name: record.name,
      ...(versionId !== undefined ? { VersionId: versionId } : {}),
    };
  },
  DescribeSecret: (ctx, input) => describeView(secrets.describe(ctx.partition, input['SecretId'])),
  ListSecrets: (ctx, input) => listSecrets(deps, ctx.partition, as<ListSecretsRequest>(input)),
  DeleteSecret: (ctx, input) => {
    const { record, deletionDate } = secrets.delete(ctx.partition, as<DeleteSecretRequest>(input));
    return { ARN: record.arn, Name: record.name, DeletionDate: deletionDate };
  },
  RestoreSecret: (ctx, input) => {
    const record = secrets.restore(ctx.partition, input['SecretId']);
    return { ARN: record.arn, Name: record.name };
  },
  TagResource: (ctx, input) => {
    const r = as<TagResourceRequest>(input);
    secrets.tag(ctx.partition, r.SecretId, r.Tags);
    return {};
  },
  UntagResource: (ctx, input) => {
    const r = as<UntagResourceRequest>(input);
    secrets.untag(ctx.partition, r.SecretId, r.TagKeys);
    return {};
  },
  ListSecretVersionIds: (ctx, input) =>
    values.listVersionIds(ctx.partition, as<ListSecretVersionIdsRequest>(input)),
  UpdateSecretVersionStage: (ctx, input) => {
    const record = values.updateVersionStage(ctx.partition, as<UpdateSecretVersionStageRequest>(input));
    return { ARN: record.arn, Name: record.name };
  },
  GetRandomPassword: (_ctx, input) => ({
    RandomPassword: randomPassword(random, as<GetRandomPasswordRequest>(input)),
  }),
});

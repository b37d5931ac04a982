/** A unit IAM module over a MemoryStateStore with a settable clock and counting ids. */
import { ApiError } from '@berth/core';
import type { CallerIdentity, RequestContext } from '@berth/gateway';
import { MemoryStateStore } from '@berth/store';

import { createIamModule, type IamModule } from '../iam-module.js';
import { idLength, type IamIds } from '../services/iam-ids.js';

export const ACCOUNT = '123456789012';

export const ROOT: CallerIdentity = {
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:root`,
  userId: ACCOUNT,
  kind: 'root',
};

export const contextFor = (identity: CallerIdentity): RequestContext => ({
  requestId: 'unit',
  partition: { accountId: identity.accountId, region: 'us-east-1' },
  accessKeyId: 'AKIAUNIT',
  principalArn: identity.arn,
  identity,
  endpoint: 'http://127.0.0.1/',
});

export const CTX = contextFor(ROOT);

/** Ids `<prefix>000…n` of AWS's lengths, secrets `secret-<n>` padded to 40. */
export const countingIds = (): IamIds => {
  let n = 0;
  return {
    uniqueId: (prefix) => {
      n += 1;
      return prefix + String(n).padStart(idLength(prefix) - prefix.length, '0');
    },
    secretKey: () => {
      n += 1;
      return `secret-${n}`.padEnd(40, 'x');
    },
  };
};

/** `Code: message` of the ApiError `fn` throws, or 'none'. */
export const apiErrorOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
  }
};

export const statusOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.httpStatus : undefined;
  }
};

export interface UnitIam {
  readonly module: IamModule;
  readonly store: MemoryStateStore;
  readonly clock: { now: number };
  call(operation: string, input: object, ctx?: RequestContext): Record<string, unknown>;
  errorOf(operation: string, input: object, ctx?: RequestContext): string;
}

export const unitIam = (): UnitIam => {
  const clock = { now: 1_700_000_000_000 };
  const store = new MemoryStateStore();
  const module = createIamModule({ store, now: () => clock.now, ids: countingIds() });
  const call = (operation: string, input: object, ctx = CTX): Record<string, unknown> => {
    const op = module.api.operations.get(operation);
    if (!op) throw new Error(`no operation ${operation}`);
    return op(ctx, input as Record<string, unknown>) as Record<string, unknown>;
  };
  return { module, store, clock, call, errorOf: (o, i, c) => apiErrorOf(() => call(o, i, c)) };
};

export const document = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

export const TRUST_ECS_TASKS = document({
  Effect: 'Allow',
  Principal: { Service: 'ecs-tasks.amazonaws.com' },
  Action: 'sts:AssumeRole',
});

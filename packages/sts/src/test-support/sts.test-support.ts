/** A unit IAM + STS pair over one MemoryStateStore, with a settable clock and counting ids. */
import { ApiError } from '@berth/core';
import type { CallerIdentity, RequestContext } from '@berth/gateway';
import { createIamModule, type IamIds, type IamModule } from '@berth/iam';
import { MemoryStateStore } from '@berth/store';

import { createStsModule, type StsModule } from '../sts-module.js';

export const ACCOUNT = '123456789012';
export const ROOT_KEY = {
  accessKeyId: 'AKIAROOTROOTROOTROOT',
  secretAccessKey: 'root-secret',
  accountId: ACCOUNT,
};

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

const countingIds = (): IamIds => {
  let n = 0;
  return {
    uniqueId: (prefix) => {
      n += 1;
      const length = prefix === 'AKIA' || prefix === 'ASIA' ? 20 : 21;
      return prefix + String(n).padStart(length - prefix.length, '0');
    },
    secretKey: () => {
      n += 1;
      return `secret-${n}`.padEnd(40, 'x');
    },
  };
};

export const apiErrorOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return error instanceof ApiError
      ? `${error.code}: ${error.message} (${error.httpStatus})`
      : String(error);
  }
};

export const document = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

export interface UnitSts {
  readonly store: MemoryStateStore;
  readonly iam: IamModule;
  readonly sts: StsModule;
  readonly clock: { now: number };
  iamCall(operation: string, input: object): Record<string, unknown>;
  call(operation: string, input: object, identity?: CallerIdentity): Record<string, unknown>;
  /** Creates a user and returns its identity. */
  user(name: string): CallerIdentity;
}

export const unitSts = (): UnitSts => {
  const clock = { now: 1_700_000_000_000 };
  const store = new MemoryStateStore();
  const ids = countingIds();
  const iam = createIamModule({ store, now: () => clock.now, ids });
  const sts = createStsModule({ store, iam, rootKeys: [ROOT_KEY], now: () => clock.now, ids });
  const run = (
    module: { api: { operations: ReadonlyMap<string, unknown> } },
    operation: string,
    input: object,
    identity: CallerIdentity,
  ) => {
    const op = module.api.operations.get(operation) as
      ((ctx: RequestContext, input: Record<string, unknown>) => unknown) | undefined;
    if (!op) throw new Error(`no operation ${operation}`);
    return op(contextFor(identity), input as Record<string, unknown>) as Record<string, unknown>;
  };
  return {
    store,
    iam,
    sts,
    clock,
    iamCall: (operation, input) => run(iam, operation, input, ROOT),
    call: (operation, input, identity = ROOT) => run(sts, operation, input, identity),
    user: (name) => {
      const user = run(iam, 'CreateUser', { UserName: name }, ROOT)['User'] as {
        Arn: string;
        UserId: string;
      };
      return { accountId: ACCOUNT, arn: user.Arn, userId: user.UserId, kind: 'user', name };
    },
  };
};

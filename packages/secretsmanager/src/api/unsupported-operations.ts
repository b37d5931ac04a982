/**
 * The Secrets Manager operations Berth does not implement, each answering an
 * InvalidRequestException that says which feature Berth lacks, so a client learns why.
 */
import type { Operation } from '@berth/gateway';

import { notSupported } from '../services/secret-errors.js';

const FEATURE: Readonly<Record<string, string>> = {
  RotateSecret: 'secret rotation (it runs no rotation functions)',
  CancelRotateSecret: 'secret rotation (it runs no rotation functions)',
  GetResourcePolicy: 'resource policies on secrets',
  PutResourcePolicy: 'resource policies on secrets',
  DeleteResourcePolicy: 'resource policies on secrets',
  ValidateResourcePolicy: 'resource policies on secrets',
  ReplicateSecretToRegions: 'replicating secrets to other Regions',
  RemoveRegionsFromReplication: 'replicating secrets to other Regions',
  StopReplicationToReplica: 'replicating secrets to other Regions',
  BatchGetSecretValue: 'BatchGetSecretValue; call GetSecretValue for each secret',
};

export const unsupportedOperations = (names: readonly string[]): Record<string, Operation> =>
  Object.fromEntries(
    names.map((name): [string, Operation] => [
      name,
      () => {
        throw notSupported(FEATURE[name] ?? name);
      },
    ]),
  );

/** Shared by the control plane's unit tests: the test partition, error capture, an in-memory control plane. */
import { ApiError, type Partition } from '@berth/core';

import { startControlPlane, type ControlPlaneConfig, type RunningControlPlane } from '../control-plane.js';

export const UNIT_PARTITION: Partition = { accountId: '000000000000', region: 'us-east-1' };

/** `Code: message` of the ApiError `fn` throws, or 'none'. */
export const apiErrorOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
  }
};

/** A control plane on a free loopback port with an in-memory store; services resync rarely. */
export const startUnitControlPlane = (
  overrides: Partial<ControlPlaneConfig> = {},
): Promise<RunningControlPlane> =>
  startControlPlane({
    host: '127.0.0.1',
    port: 0,
    store: { kind: 'memory' },
    credentials: [
      { accessKeyId: 'AKIAUNIT', secretAccessKey: 'secret', accountId: UNIT_PARTITION.accountId },
    ],
    stoppedTaskRetentionMs: 3_600_000,
    log: () => undefined,
    serviceResyncIntervalMs: 60_000,
    ...overrides,
  });

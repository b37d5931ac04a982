/** Shared by the control plane's unit tests: the test partition, error capture, an in-memory control plane. */
import { ApiError, type Partition } from '@berth/core';

import { DEFAULT_CODECS, GatewayServer, RootKeys, rootOnlyAuthorizer } from '@berth/gateway';
import { MemoryStateStore } from '@berth/store';

import type { ControlPlaneServices } from '../api/ecs/control-plane-services.js';
import { createEcsModule, type EcsModuleConfig } from '../ecs-module.js';

/** The ECS module over an in-memory store, served by a gateway on a free loopback port. */
export interface RunningControlPlane {
  readonly port: number;
  readonly services: ControlPlaneServices;
  /** The store under the module, for tests that look at records directly. */
  readonly store: MemoryStateStore;
  close(): Promise<void>;
}

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
export const startUnitControlPlane = async (
  overrides: Partial<Omit<EcsModuleConfig, 'store'>> = {},
): Promise<RunningControlPlane> => {
  const store = new MemoryStateStore();
  const ecs = createEcsModule({
    store,
    stoppedTaskRetentionMs: 3_600_000,
    log: () => undefined,
    serviceResyncIntervalMs: 60_000,
    ...overrides,
  });
  const gateway = new GatewayServer({
    services: ecs.apis,
    codecs: DEFAULT_CODECS,
    authorizer: rootOnlyAuthorizer,
    authenticator: new RootKeys([
      { accessKeyId: 'AKIAUNIT', secretAccessKey: 'secret', accountId: UNIT_PARTITION.accountId },
    ]),
    log: () => undefined,
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const port = await gateway.listen(0, '127.0.0.1');
  ecs.start();
  return {
    port,
    services: ecs.services,
    store,
    close: async () => {
      ecs.stop();
      await gateway.close();
      store.close();
    },
  };
};

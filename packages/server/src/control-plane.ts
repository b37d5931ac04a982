/**
 * The composition root of `berth server`: config → store → API modules → gateway. It opens the
 * store, wires every API package over it, serves them all behind one gateway, and starts their
 * controllers once the gateway listens.
 */
import { createEcsModule, type ControlPlaneServices, type EcsModuleConfig } from '@berth/ecs';
import { CredentialStore, DEFAULT_CODECS, GatewayServer, type CredentialPair } from '@berth/gateway';
import { openStateStore, type StateStore, type StoreLocation } from '@berth/store';

export interface ControlPlaneConfig extends Omit<EcsModuleConfig, 'store'> {
  readonly host: string;
  readonly port: number;
  readonly store: StoreLocation;
  readonly credentials: readonly CredentialPair[];
}

export interface RunningControlPlane {
  readonly port: number;
  readonly endpoint: string;
  readonly services: ControlPlaneServices;
  /** The open store, for benchmarks and tests that seed or watch records directly. */
  readonly store: StateStore;
  close(): Promise<void>;
}

export const startControlPlane = async (config: ControlPlaneConfig): Promise<RunningControlPlane> => {
  const store = openStateStore(config.store);
  const ecs = createEcsModule({ ...config, store });
  const gateway = new GatewayServer({
    services: [...ecs.apis],
    codecs: DEFAULT_CODECS,
    credentials: new CredentialStore(config.credentials),
    log: config.log,
    ...(config.now ? { now: config.now } : {}),
  });
  const port = await gateway.listen(config.port, config.host);
  ecs.start();
  return {
    port,
    endpoint: `http://${config.host}:${port}`,
    services: ecs.services,
    store,
    close: async () => {
      ecs.stop();
      await gateway.close();
      store.close();
    },
  };
};

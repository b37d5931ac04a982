/**
 * ECR and its registry, wired over one blob store: the registry's disk store holds the bytes
 * (`<directory>/blobs`, `<directory>/uploads`), ECR's records in the state store say what they
 * are. ECR's layer API, manifest checks and collector read that store through its LayerBlobs
 * port; the registry reaches ECR's repositories and images through its catalog and checks
 * `docker login` passwords with ECR's authenticator. The registry listens on a port of its own.
 */
import { createEcrModule, type EcrModule } from '@berth/ecr';
import { DiskBlobStore, RegistryServer } from '@berth/registry';
import type { StateStore } from '@berth/store';

export interface RegistryConfig {
  /** Blobs and upload sessions (kept across restarts). */
  readonly directory: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The host repository URIs and GetAuthorizationToken's proxyEndpoint name; default `localhost:<port>`. */
  readonly advertisedHost?: string;
  readonly lifecycleIntervalMs?: number;
  readonly gcIntervalMs?: number;
  readonly gcGraceMs?: number;
}

export interface EcrRegistry {
  readonly ecr: EcrModule;
  /** Binds the registry's port; resolves to the host repository URIs name. */
  listen(host: string): Promise<string>;
  start(): void;
  close(): Promise<void>;
}

export const createEcrRegistry = (
  config: RegistryConfig,
  deps: {
    readonly store: StateStore;
    readonly now: () => number;
    readonly log: (message: string, fields?: Record<string, unknown>) => void;
  },
): EcrRegistry => {
  const blobs = new DiskBlobStore({ root: config.directory, now: deps.now });
  let advertised = config.advertisedHost ?? `localhost:${config.port}`;
  const ecr = createEcrModule({
    store: deps.store,
    blobs,
    registryHost: () => advertised,
    now: deps.now,
    log: deps.log,
    ...(config.lifecycleIntervalMs !== undefined ? { lifecycleIntervalMs: config.lifecycleIntervalMs } : {}),
    ...(config.gcIntervalMs !== undefined ? { gcIntervalMs: config.gcIntervalMs } : {}),
    ...(config.gcGraceMs !== undefined ? { gcGraceMs: config.gcGraceMs } : {}),
  });
  const server = new RegistryServer({
    blobs,
    catalog: ecr.catalog,
    authenticator: ecr.authenticator,
    log: deps.log,
    now: deps.now,
  });
  return {
    ecr,
    listen: async (host) => {
      const port = await server.listen(config.port, host).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
        throw new Error(
          `the ECR registry cannot listen on ${host}:${config.port}: the port is in use (--registry-port picks another; 0 a free one)`,
        );
      });
      advertised = config.advertisedHost ?? `localhost:${port}`;
      return advertised;
    },
    start: () => ecr.start(),
    close: async () => {
      ecr.stop();
      await server.close();
    },
  };
};

/**
 * Wires ECR over the state store and the registry's layer blobs: the API service the gateway
 * routes to, the catalog and authenticator the registry is given, and the two controllers (the
 * lifecycle policy applier and the blob collector; start/stop, leader-only).
 */
import type { ApiService } from '@berth/gateway';
import type { StateStore } from '@berth/store';

import { ecrService } from './api/ecr-service.js';
import type { EcrServices } from './api/ecr-services.js';
import { BlobCollector } from './controllers/blob-collector.js';
import { LifecycleController } from './controllers/lifecycle-controller.js';
import type { LayerBlobs, RegistryAuthenticator, RegistryCatalog } from '@berth/core';
import { AuthorizationTokens } from './services/authorization-tokens.js';
import { ecrRegistryAuthenticator } from './services/ecr-authenticator.js';
import { ecrRegistryCatalog } from './services/ecr-registry-catalog.js';
import { ImagesService } from './services/images-service.js';
import { LayersService } from './services/layers-service.js';
import { LifecycleService } from './services/lifecycle-service.js';
import { PutImage } from './services/put-image.js';
import { RegistryService } from './services/registry-service.js';
import { RepositoriesService } from './services/repositories-service.js';
import { randomEcrIds, type EcrIds, type EcrLog, type ServiceDeps } from './services/service-deps.js';

const hostOf = (host: string | (() => string)): (() => string) =>
  typeof host === 'string' ? () => host : host;

export interface EcrModuleConfig {
  readonly store: StateStore;
  /** The registry's blob store (the same bytes `docker push` writes). */
  readonly blobs: LayerBlobs;
  /** The registry host repository URIs and proxyEndpoint name, e.g. `localhost:7471` (read when answering). */
  readonly registryHost: string | (() => string);
  /** Epoch ms. */
  readonly now?: () => number;
  readonly ids?: EcrIds;
  readonly log?: EcrLog;
  /** How often lifecycle policies are applied; default 60 minutes. */
  readonly lifecycleIntervalMs?: number;
  /** How often unreferenced blobs are collected; default 10 minutes. */
  readonly gcIntervalMs?: number;
  /** Blobs written or touched this recently are spared; default 1 hour. */
  readonly gcGraceMs?: number;
}

export interface EcrModule {
  readonly api: ApiService;
  readonly services: EcrServices;
  /** Structurally @berth/registry's RegistryCatalog. */
  readonly catalog: RegistryCatalog;
  /** Structurally @berth/registry's RegistryAuthenticator. */
  readonly authenticator: RegistryAuthenticator;
  readonly lifecycle: LifecycleController;
  readonly collector: BlobCollector;
  start(): void;
  stop(): void;
}

export const createEcrModule = (config: EcrModuleConfig): EcrModule => {
  const deps: ServiceDeps = {
    store: config.store,
    blobs: config.blobs,
    now: config.now ?? Date.now,
    ids: config.ids ?? randomEcrIds,
    registryHost: hostOf(config.registryHost),
    log: config.log ?? (() => undefined),
  };
  const repositories = new RepositoriesService(deps);
  const images = new ImagesService(deps);
  const putImage = new PutImage(deps);
  const layers = new LayersService(deps);
  const tokens = new AuthorizationTokens(deps);
  const services: EcrServices = {
    repositories,
    images,
    putImage,
    layers,
    lifecycle: new LifecycleService(deps, repositories, images),
    registry: new RegistryService(deps),
    tokens,
  };
  const lifecycle = new LifecycleController({
    store: config.store,
    lifecycle: services.lifecycle,
    log: deps.log,
    ...(config.lifecycleIntervalMs !== undefined ? { intervalMs: config.lifecycleIntervalMs } : {}),
  });
  const collector = new BlobCollector({
    store: config.store,
    blobs: config.blobs,
    now: deps.now,
    log: deps.log,
    ...(config.gcIntervalMs !== undefined ? { intervalMs: config.gcIntervalMs } : {}),
    ...(config.gcGraceMs !== undefined ? { graceMs: config.gcGraceMs } : {}),
  });
  return {
    api: ecrService(services),
    services,
    catalog: ecrRegistryCatalog(deps, putImage, images, layers),
    authenticator: ecrRegistryAuthenticator(tokens),
    lifecycle,
    collector,
    start: () => {
      lifecycle.start();
      collector.start();
    },
    stop: () => {
      lifecycle.stop();
      collector.stop();
    },
  };
};

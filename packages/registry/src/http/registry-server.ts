import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Partition } from '@berth/core';

import type { DiskBlobStore } from '../blobs/disk-blob-store.js';
import type { RegistryAuthenticator, RegistryCatalog } from '@berth/core';
import { authenticate } from './authenticate.js';
import { handleBlob } from './blob-handler.js';
import { sendError, sendJson } from './http-response.js';
import { handleManifest } from './manifest-handler.js';
import { handleReferrers } from './referrers-handler.js';
import { nameUnknown, RegistryError, toRegistryError, unsupported } from './registry-error.js';
import type { RegistryRequest } from './registry-request.js';
import { parseRoute, type RegistryRoute } from './registry-route.js';
import { handleTags } from './tags-handler.js';
import { handleUpload, handleUploadStart } from './upload-handler.js';

export interface RegistryServerConfig {
  readonly blobs: DiskBlobStore;
  readonly catalog: RegistryCatalog;
  readonly authenticator: RegistryAuthenticator;
  /** Where unexpected failures (answered 500 UNKNOWN) are reported. */
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Epoch ms (reserved for time-dependent answers; the blob store keeps its own clock). */
  readonly now?: () => number;
}

/**
 * The OCI distribution v2 API (spec v1.1, with Docker's behaviour) with ECR's Basic auth, over
 * node:http. Every answer carries `Docker-Distribution-Api-Version: registry/2.0`.
 */
export class RegistryServer {
  readonly #config: RegistryServerConfig;
  readonly #server: Server;

  constructor(config: RegistryServerConfig) {
    this.#config = config;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => this.#fail(req, res, error));
    });
  }

  /** Starts listening; resolves to the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        resolve((this.#server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting connections and closes the open ones (a pull in flight is cut). */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()));
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Docker-Distribution-Api-Version', 'registry/2.0');
    const url = new URL(req.url ?? '/', 'http://registry.invalid');
    const route = parseRoute(url.pathname);
    const partition = authenticate(req, res, this.#config.authenticator);
    if (partition === undefined) {
      req.resume();
      return;
    }
    const method = req.method ?? 'GET';
    if (route.kind === 'base') {
      req.resume();
      if (method !== 'GET' && method !== 'HEAD') throw unsupported();
      sendJson(res, 200, {});
      return;
    }
    if (route.kind === 'unknown') throw new RegistryError(404, 'NOT_FOUND', 'not found');
    if (route.kind === 'invalid-name') {
      throw new RegistryError(400, 'NAME_INVALID', 'invalid repository name', { name: route.name });
    }
    if (!this.#config.catalog.repositoryExists(partition, route.name)) {
      throw nameUnknown(route.name, partition.accountId);
    }
    await this.#dispatch(this.#request(req, res, url, method, partition, route.name), route);
  }

  #request(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
    partition: Partition,
    name: string,
  ): RegistryRequest {
    const { blobs, catalog } = this.#config;
    return { req, res, url, method, partition, name, blobs, catalog };
  }

  async #dispatch(request: RegistryRequest, route: RegistryRoute): Promise<void> {
    switch (route.kind) {
      case 'blob':
        return handleBlob(request, route.digest);
      case 'uploads':
        return handleUploadStart(request);
      case 'upload':
        return handleUpload(request, route.uploadId);
      case 'manifest':
        return handleManifest(request, route.reference);
      case 'tags':
        return handleTags(request);
      case 'referrers':
        return handleReferrers(request, route.digest);
      default:
        throw new RegistryError(404, 'NOT_FOUND', 'not found');
    }
  }

  #fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    // A client gone mid-request has nobody to answer (a consumed body also reads as destroyed).
    const gone = res.destroyed || req.socket.destroyed;
    const known = toRegistryError(error);
    if (known === undefined && !gone) {
      this.#config.log?.('registry request failed', {
        method: req.method,
        url: req.url,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    if (gone || res.headersSent) {
      res.destroy();
      return;
    }
    req.resume();
    sendError(res, known ?? new RegistryError(500, 'UNKNOWN', 'unknown error'), req.method === 'HEAD');
  }
}

/**
 * The HTTP front door: POST / with an X-Amz-Target naming the service and operation, verified
 * with SigV4, decoded, dispatched to one operation, encoded. Handlers never see HTTP.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { ApiError, serverException } from '@berth/core';

import type { CredentialStore } from './credentials.js';
import { decodeBody, encodeError, encodeResult, type EncodedResponse } from './json-protocol.js';
import type { JsonService, RequestContext } from './request-context.js';
import { endpointOf } from './request-endpoint.js';
import { verifySigV4 } from './sigv4.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ApiServerOptions {
  readonly services: readonly JsonService[];
  readonly credentials: CredentialStore;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly now?: () => number;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError('SerializationException', 'Request body is too large.', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export class ApiServer {
  private readonly server: Server;
  private readonly now: () => number;

  constructor(private readonly options: ApiServerOptions) {
    this.now = options.now ?? Date.now;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 65_000;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    let response: EncodedResponse;
    try {
      const body = await readBody(req);
      response = encodeResult(requestId, await this.dispatch(req, body, requestId));
    } catch (error) {
      response = encodeError(requestId, this.toApiError(error, requestId));
    }
    if (res.destroyed) return;
    res.writeHead(response.status, {
      ...response.headers,
      'content-length': Buffer.byteLength(response.body),
    });
    res.end(response.body);
  }

  private dispatch(req: IncomingMessage, body: Buffer, requestId: string): unknown {
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const target = req.headers['x-amz-target'];
    if (req.method !== 'POST' || typeof target !== 'string') {
      throw new ApiError('UnknownOperationException', 'Unknown operation', 400);
    }
    const dot = target.lastIndexOf('.');
    const service = this.options.services.find((s) => s.targetPrefix === target.slice(0, dot));
    const operationName = target.slice(dot + 1);
    const operation = service?.operations.get(operationName);
    const scope = verifySigV4(
      { method: req.method, path, query, headers: req.headers, body },
      this.options.credentials.secretFor,
      this.now(),
    );
    if (!service || !operation) {
      if (service?.unimplemented.has(operationName)) {
        throw new ApiError(
          'UnsupportedFeatureException',
          `Berth does not implement ${operationName} yet.`,
          400,
        );
      }
      throw new ApiError('UnknownOperationException', `Unknown operation ${target}`, 400);
    }
    const input = decodeBody(body);
    const accountId = this.options.credentials.accountFor(scope.accessKeyId);
    const ctx: RequestContext = {
      requestId,
      partition: { accountId, region: scope.region },
      accessKeyId: scope.accessKeyId,
      principalArn: `arn:aws:iam::${accountId}:root`,
      endpoint: endpointOf(req),
    };
    return operation(ctx, input);
  }

  private toApiError(error: unknown, requestId: string): ApiError {
    if (error instanceof ApiError) return error;
    this.options.log('unhandled error', {
      requestId,
      error: error instanceof Error ? error.stack : String(error),
    });
    return serverException(requestId);
  }
}

/**
 * The one HTTP front door of every AWS API Berth serves: each request is routed to an API and a
 * protocol by its shape, its SigV4 signature is verified and must be scoped to that API's signing
 * name (over the body as sent), its body is decompressed (Content-Encoding: gzip) and decoded by
 * the protocol's codec, one operation runs, and the codec encodes the result or the error.
 * Handlers never see HTTP.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { ApiError, serverException } from '@berth/core';

import type { ApiService, RequestContext } from './api-service.js';
import { authorizeCall } from './auth/authorize-call.js';
import type { Authenticator, Authorizer, KeyResolution } from './auth/caller-identity.js';
import { credentialScopeService, verifySigV4 } from './auth/sigv4.js';
import type { EncodedResponse, ProtocolCodec, ProtocolName } from './protocols/protocol-codec.js';
import { corruptBodyError, CorruptBodyError, decodeContentEncoding, readBody } from './request-body.js';
import { endpointOf } from './request-endpoint.js';
import { routeRequest, type Route } from './route-request.js';

export interface GatewayOptions {
  readonly services: readonly ApiService[];
  /** One codec per protocol (`DEFAULT_CODECS` in production). */
  readonly codecs: Readonly<Record<ProtocolName, ProtocolCodec>>;
  /** Who holds an access key (root keys, IAM users' keys, STS sessions). */
  readonly authenticator: Authenticator;
  /** The IAM policy evaluation every call passes (`rootOnlyAuthorizer` without IAM). */
  readonly authorizer: Authorizer;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly now?: () => number;
}

/**
 * The error a protocol answers for an operation (or API) it does not know. Query APIs say
 * MissingAction without an Action, and name the version when no API has it (or none was given).
 */
const unknownOperation = (route: Route): ApiError => {
  if (route.protocol !== 'awsQuery') {
    return new ApiError('UnknownOperationException', `Unknown operation ${route.operation}`, 400);
  }
  if (!route.operation) {
    return new ApiError('MissingAction', 'The request must contain the parameter Action.', 400);
  }
  if (!route.service) {
    const version = route.version || 'NO_VERSION_SPECIFIED';
    return new ApiError(
      'InvalidAction',
      `Could not find operation ${route.operation} for version ${version}`,
      400,
    );
  }
  return new ApiError(
    'InvalidAction',
    `The action ${route.operation} is not valid for this web service.`,
    400,
  );
};

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export class GatewayServer {
  private readonly server: Server;
  private readonly now: () => number;

  constructor(private readonly options: GatewayOptions) {
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
    let route: Route | undefined;
    try {
      const sent = await readBody(req);
      let body: Buffer = Buffer.alloc(0);
      let bodyError: Error | undefined;
      try {
        body = await decodeContentEncoding(sent, req.headers['content-encoding']);
      } catch (error) {
        bodyError = error instanceof Error ? error : new Error(String(error));
      }
      const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
      route = routeRequest(
        {
          method: req.method ?? 'GET',
          path,
          headers: req.headers,
          body,
          scopeService: credentialScopeService(req.headers),
        },
        this.options.services,
      );
      const request = { path, query, sent, body, bodyError };
      const result = await this.dispatch(req, route, request, requestId);
      response = this.codecOf(route).encodeOutput(result, route.operation, route.service!.model, requestId);
    } catch (error) {
      const codec = this.codecOf(route);
      response = codec.encodeError(this.toApiError(error, requestId), route?.service?.model, requestId);
    }
    if (res.destroyed) return;
    res.writeHead(response.status, {
      ...response.headers,
      'content-length': Buffer.byteLength(response.body),
    });
    res.end(response.body);
  }

  /** The route's codec; a request that failed before routing is answered in JSON 1.1. */
  private codecOf(route: Route | undefined): ProtocolCodec {
    return this.options.codecs[route?.protocol ?? 'awsJson1_1'];
  }

  private dispatch(
    req: IncomingMessage,
    route: Route,
    request: { path: string; query: string; sent: Buffer; body: Buffer; bodyError: Error | undefined },
    requestId: string,
  ): unknown {
    const method = req.method ?? 'GET';
    if (method !== 'POST') throw unknownOperation(route);
    const family = route.protocol === 'awsQuery' ? 'query' : 'json';
    const now = this.now();
    const sessionToken = headerValue(req.headers['x-amz-security-token']);
    let caller: KeyResolution | undefined;
    const scope = verifySigV4(
      { method, path: request.path, query: request.query, headers: req.headers, body: request.sent },
      (accessKeyId) => {
        caller = this.options.authenticator.resolve(accessKeyId, sessionToken, now, family);
        return caller?.secretAccessKey;
      },
      now,
    );
    // A body that does not decompress is answered once the signature over it has been checked.
    if (request.bodyError instanceof CorruptBodyError)
      throw corruptBodyError(request.bodyError, route.protocol);
    if (request.bodyError) throw request.bodyError;
    const service = route.service;
    const operation = service?.operations.get(route.operation);
    if (!service || !operation || !caller) throw unknownOperation(route);
    const signingName = service.model.metadata.signingName;
    if (scope.service !== signingName) {
      throw new ApiError(
        'InvalidSignatureException',
        `Credential should be scoped to correct service: '${signingName}'. `,
        403,
      );
    }
    const input = this.codecOf(route).decodeInput(request.body, route.operation, service.model);
    const { identity } = caller;
    const partition = { accountId: identity.accountId, region: scope.region };
    authorizeCall(this.options.authorizer, {
      service,
      operation: route.operation,
      input,
      identity,
      partition,
      sourceIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      nowMs: now,
    });
    const ctx: RequestContext = {
      requestId,
      partition,
      accessKeyId: scope.accessKeyId,
      principalArn: identity.arn,
      identity,
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

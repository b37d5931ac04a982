/**
 * Which API, protocol and operation a request is for, from its shape alone:
 * - rpcv2Cbor: `smithy-protocol: rpc-v2-cbor` and the path `/service/<Service>/operation/<Op>`;
 * - awsJson1_0/1_1: `X-Amz-Target: <TargetPrefix>.<Op>`;
 * - awsQuery: a form body with `Action` and `Version`, routed by Version and the signing name
 *   the credential is scoped to (several query APIs could share a version).
 * A request that matches no API still gets a protocol, so that its error is encoded in it.
 */
import type { ApiService } from './api-service.js';
import type { ProtocolName } from './protocols/protocol-codec.js';

export interface RouteInput {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  /** The service name of the Authorization header's credential scope, when there is one. */
  readonly scopeService: string | undefined;
}

export interface Route {
  readonly protocol: ProtocolName;
  readonly service: ApiService | undefined;
  /** The operation named by the request ('' when it names none). */
  readonly operation: string;
  /** awsQuery: the request's `Version` ('' when it has none). */
  readonly version?: string;
}

const CBOR_PATH = /^\/service\/([^/]+)\/operation\/([^/]+)$/;

const headerOf = (input: RouteInput, name: string): string | undefined => {
  const value = input.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const jsonProtocolOf = (service: ApiService | undefined, contentType: string | undefined): ProtocolName => {
  const version = service?.model.metadata.jsonVersion ?? /json-(1\.[01])/.exec(contentType ?? '')?.[1];
  return version === '1.0' ? 'awsJson1_0' : 'awsJson1_1';
};

export const routeRequest = (input: RouteInput, services: readonly ApiService[]): Route => {
  const cbor = headerOf(input, 'smithy-protocol') === 'rpc-v2-cbor' ? CBOR_PATH.exec(input.path) : null;
  if (cbor) {
    const [, serviceName = '', operation = ''] = cbor;
    const service = services.find(
      (s) =>
        s.model.metadata.protocols.includes('smithy-rpc-v2-cbor') &&
        s.model.metadata.targetPrefix === decodeURIComponent(serviceName),
    );
    return { protocol: 'rpcv2Cbor', service, operation: decodeURIComponent(operation) };
  }
  const target = headerOf(input, 'x-amz-target');
  if (target !== undefined) {
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, Math.max(dot, 0));
    const service = services.find(
      (s) => s.model.metadata.protocols.includes('json') && s.model.metadata.targetPrefix === prefix,
    );
    return {
      protocol: jsonProtocolOf(service, headerOf(input, 'content-type')),
      service,
      operation: target.slice(dot + 1),
    };
  }
  const form = new URLSearchParams(input.method === 'POST' ? input.body.toString('utf8') : '');
  const version = form.get('Version');
  const candidates = services.filter(
    (s) => s.model.metadata.protocols.includes('query') && s.model.metadata.apiVersion === version,
  );
  const service =
    candidates.find((s) => s.model.metadata.signingName === input.scopeService) ?? candidates[0];
  return { protocol: 'awsQuery', service, operation: form.get('Action') ?? '', version: version ?? '' };
};

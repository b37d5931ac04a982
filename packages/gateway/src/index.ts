/**
 * @berth/gateway — the one HTTP front door of every AWS API Berth serves. It routes a request to
 * an API by its shape (X-Amz-Target, Action/Version, the rpcv2Cbor path), verifies its SigV4
 * signature against the API's signing name, decodes it with the protocol's codec (awsJson1_0,
 * awsJson1_1, awsQuery, rpcv2Cbor), runs one typed handler and encodes the result or error.
 * Invariants: a request signed for one API never reaches another; only codecs turn errors into
 * bytes; handlers never see HTTP.
 */
export { GatewayServer, type GatewayOptions } from './gateway-server.js';
export { internalJsonModel, type ApiService, type Operation, type RequestContext } from './api-service.js';
export { RootKeys, rootIdentity, rootOnlyAuthorizer, type CredentialPair } from './auth/root-keys.js';
export { awsJson1_0, awsJson1_1 } from './protocols/aws-json.js';
export { awsQuery } from './protocols/aws-query.js';
export { rpcv2Cbor } from './protocols/rpcv2-cbor.js';
export { DEFAULT_CODECS } from './protocols/default-codecs.js';
export type { EncodedResponse, ProtocolCodec, ProtocolName } from './protocols/protocol-codec.js';
export type {
  Authenticator,
  AuthorizationDecision,
  AuthorizationRequest,
  Authorizer,
  CallerIdentity,
  KeyResolution,
} from './auth/caller-identity.js';
export type { OperationAuthorization } from './api-service.js';

/**
 * A protocol codec turns a routed request's body into an operation's input, and an operation's
 * output or an ApiError into a response. Codecs are the only place errors become bytes.
 * Timestamps are epoch seconds and blobs base64 strings on the handler side, whatever the protocol.
 */
import type { ApiError } from '@berth/core';
import type { ServiceModel } from '@berth/wire';

export type ProtocolName = 'awsJson1_0' | 'awsJson1_1' | 'awsQuery' | 'rpcv2Cbor';

export interface EncodedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

export interface ProtocolCodec {
  readonly protocol: ProtocolName;
  /** The input of `operation` from the request body (for awsQuery: the form, Action and Version included). */
  decodeInput(body: Buffer, operation: string, model: ServiceModel): Record<string, unknown>;
  encodeOutput(result: unknown, operation: string, model: ServiceModel, requestId: string): EncodedResponse;
  /** `model` is undefined when the request could not be routed to an API. */
  encodeError(error: ApiError, model: ServiceModel | undefined, requestId: string): EncodedResponse;
}

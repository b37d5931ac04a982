/** Every protocol codec the gateway speaks, by protocol name: what a server passes to GatewayServer. */
import { awsJson1_0, awsJson1_1 } from './aws-json.js';
import { awsQuery } from './aws-query.js';
import type { ProtocolCodec, ProtocolName } from './protocol-codec.js';
import { rpcv2Cbor } from './rpcv2-cbor.js';

export const DEFAULT_CODECS: Readonly<Record<ProtocolName, ProtocolCodec>> = Object.freeze({
  awsJson1_0,
  awsJson1_1,
  awsQuery,
  rpcv2Cbor,
});

/**
 * Smithy RPC v2 CBOR: `POST /service/<Service>/operation/<Op>` with `smithy-protocol: rpc-v2-cbor`;
 * the body is a CBOR map (an empty body is empty input). Responses are `application/cbor` maps,
 * or no body for an operation without output; errors are maps with `__type` and the message, at
 * the error's status. Bytes are cbor-x's; the shape walk converts timestamps and blobs.
 */
import { Encoder } from 'cbor-x';

import { ApiError } from '@berth/core';

import { CborShapeWalk } from './cbor-shape-walk.js';
import { errorShapeOf, errorTypeOf, messageKeyOf, queryErrorHeader } from './error-shapes.js';
import type { EncodedResponse, ProtocolCodec } from './protocol-codec.js';

const cbor = new Encoder({
  useRecords: false,
  mapsAsObjects: true,
  tagUint8Array: false,
  pack: false,
  variableMapSize: true,
});

const HEADERS = { 'smithy-protocol': 'rpc-v2-cbor' } as const;

const malformed = (): ApiError =>
  new ApiError('SerializationException', 'The request body is not a well-formed CBOR map.', 400);

const decodeMap = (body: Buffer): Record<string, unknown> => {
  if (body.length === 0) return {};
  let decoded: unknown;
  try {
    decoded = cbor.decode(body);
  } catch {
    throw malformed();
  }
  if (
    typeof decoded !== 'object' ||
    decoded === null ||
    Array.isArray(decoded) ||
    decoded instanceof Uint8Array
  ) {
    throw malformed();
  }
  return decoded as Record<string, unknown>;
};

export const rpcv2Cbor: ProtocolCodec = {
  protocol: 'rpcv2Cbor',

  decodeInput: (body, operation, model) => {
    const input = decodeMap(body);
    const shape = model.operations[operation]?.input;
    return shape
      ? (new CborShapeWalk(model, 'decode').value(input, shape, '') as Record<string, unknown>)
      : {};
  },

  encodeOutput: (result, operation, model, requestId): EncodedResponse => {
    const shape = model.operations[operation]?.output;
    const headers = { ...HEADERS, 'x-amzn-requestid': requestId };
    if (!shape) return { status: 200, headers, body: '' };
    const wire = new CborShapeWalk(model, 'encode').value(result ?? {}, shape, '');
    return {
      status: 200,
      headers: { ...headers, 'content-type': 'application/cbor' },
      body: cbor.encode(wire),
    };
  },

  encodeError: (error, model, requestId): EncodedResponse => {
    const shapeName = errorShapeOf(model, error.code);
    const fields =
      model && shapeName
        ? (new CborShapeWalk(model, 'encode').value(error.fields, shapeName, '') as Record<string, unknown>)
        : error.fields;
    const body: Record<string, unknown> = { __type: errorTypeOf(model, error.code), ...fields };
    if (error.message) body[messageKeyOf(model, shapeName)] = error.message;
    return {
      status: error.httpStatus,
      headers: {
        ...HEADERS,
        'content-type': 'application/cbor',
        'x-amzn-requestid': requestId,
        ...queryErrorHeader(model, error),
      },
      body: cbor.encode(body),
    };
  },
};

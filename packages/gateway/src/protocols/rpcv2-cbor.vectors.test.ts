/** Smithy's rpcv2Cbor protocol test vectors, run against the rpcv2Cbor codec (see test-vectors/). */
import { decode } from 'cbor-x';
import { describe, expect, it } from 'vitest';

import { rpcv2Cbor } from './rpcv2-cbor.js';
import { errorOf, inputOf, loadVectors, outputOf } from './test-vectors.test-support.js';

/** Vectors this codec intentionally does not satisfy, by kind and id, with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  // cbor-x rejects indefinite-length (chunked) byte and text strings; SDKs send definite lengths.
  'request RpcV2CborIndefiniteStringInsideIndefiniteList': 'cbor-x: no indefinite-length strings',
  'request RpcV2CborIndefiniteStringInsideDefiniteList': 'cbor-x: no indefinite-length strings',
  'request RpcV2CborSimpleScalarPropertiesUsingIndefiniteLength': 'cbor-x: no indefinite-length strings',
  'request RpcV2CborIndefiniteLengthStringsCanBeDeserialized': 'cbor-x: no indefinite-length strings',
  'request RpcV2CborIndefiniteLengthByteStringsCanBeDeserialized': 'cbor-x: no indefinite-length strings',
  // Smithy @default values filled in by the server: botocore models (ours) carry no defaults.
  'request RpcV2CborServerPopulatesDefaultsWhenMissingInRequestBody': 'no @default values in the model',
  'response RpcV2CborServerPopulatesDefaultsInResponseWhenMissingInParams': 'no @default values in the model',
};

const decoded = (body: string | Buffer): unknown =>
  body.length === 0 ? undefined : decode(Buffer.from(body));

/** An error's `__type` without its namespace: Berth's codes are shape names, not shape ids. */
const shortType = (body: unknown): unknown => {
  if (typeof body !== 'object' || body === null) return body;
  const record = body as Record<string, unknown>;
  return typeof record['__type'] === 'string'
    ? { ...record, __type: record['__type'].split('#').pop() }
    : record;
};

const vectors = loadVectors('rpcv2Cbor');

describe('rpcv2Cbor against the Smithy protocol test vectors', () => {
  it('has vectors', () => expect(vectors.length).toBeGreaterThan(40));

  for (const vector of vectors) {
    it.skipIf(`${vector.kind} ${vector.id}` in SKIPPED)(`${vector.kind} ${vector.id}`, () => {
      const operation = vector.operation ?? '';
      const body = Buffer.from(vector.body, 'base64');
      if (vector.kind === 'request') {
        expect(rpcv2Cbor.decodeInput(body, operation, vector.model)).toEqual(inputOf(vector));
      } else if (vector.kind === 'response') {
        const response = rpcv2Cbor.encodeOutput(outputOf(vector), operation, vector.model, 'request-id');
        expect(response.status).toBe(vector.code ?? 200);
        expect(decoded(response.body)).toEqual(decoded(body));
      } else {
        const response = rpcv2Cbor.encodeError(errorOf(vector), vector.model, 'request-id');
        expect(response.status).toBe(vector.code);
        expect(shortType(decoded(response.body))).toEqual(shortType(decoded(body)));
      }
    });
  }
});

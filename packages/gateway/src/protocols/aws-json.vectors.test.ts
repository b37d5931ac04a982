/** Smithy's awsJson1_0 and awsJson1_1 protocol test vectors, run against the JSON codecs (see test-vectors/). */
import { describe, expect, it } from 'vitest';

import { awsJson1_0, awsJson1_1 } from './aws-json.js';
import type { ProtocolCodec } from './protocol-codec.js';
import { errorOf, inputOf, loadVectors, outputOf } from './test-vectors.test-support.js';

/** Vectors these codecs intentionally do not satisfy, by protocol, kind and id, with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  // Smithy @default values filled in by the server: botocore models (ours) carry no defaults.
  'awsJson1_0 request AwsJson10ServerPopulatesDefaultsWhenMissingInRequestBody':
    'no @default values in the model',
  'awsJson1_0 response AwsJson10ServerPopulatesDefaultsInResponseWhenMissingInParams':
    'no @default values in the model',
  'awsJson1_0 request AwsJson10ServerPopulatesNestedDefaultsWhenMissingInRequestBody':
    'no @default values in the model',
  'awsJson1_0 response AwsJson10ServerPopulatesNestedDefaultValuesWhenMissingInInResponseParams':
    'no @default values in the model',
  // Client tests: they check the SDK's Content-Encoding header and give no body to parse. The
  // server side (a gzipped body, signed as sent, decompressed before the codec) is covered by
  // gateway-gzip.test.ts, with these vectors' payload.
  'awsJson1_0 request SDKAppliedContentEncoding_awsJson1_0': 'request compression: no body in the vector',
  'awsJson1_0 request SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0':
    'request compression: no body in the vector',
  'awsJson1_1 request SDKAppliedContentEncoding_awsJson1_1': 'request compression: no body in the vector',
  'awsJson1_1 request SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1':
    'request compression: no body in the vector',
};

const parsed = (body: string | Buffer): unknown => (body.length === 0 ? {} : JSON.parse(body.toString()));

const shortType = (body: unknown): unknown => {
  const record = body as Record<string, unknown>;
  return typeof record['__type'] === 'string'
    ? { ...record, __type: record['__type'].split('#').pop() }
    : record;
};

const suite = (codec: ProtocolCodec): void => {
  const vectors = loadVectors(codec.protocol);
  describe(`${codec.protocol} against the Smithy protocol test vectors`, () => {
    it('has vectors', () => expect(vectors.length).toBeGreaterThan(20));

    for (const vector of vectors) {
      const key = `${codec.protocol} ${vector.kind} ${vector.id}`;
      it.skipIf(key in SKIPPED)(`${vector.kind} ${vector.id}`, () => {
        const operation = vector.operation ?? '';
        if (vector.kind === 'request') {
          expect(codec.decodeInput(Buffer.from(vector.body), operation, vector.model)).toEqual(
            inputOf(vector),
          );
        } else if (vector.kind === 'response') {
          const response = codec.encodeOutput(outputOf(vector), operation, vector.model, 'request-id');
          expect(response.status).toBe(vector.code ?? 200);
          expect(parsed(response.body)).toEqual(parsed(vector.body));
        } else {
          const response = codec.encodeError(errorOf(vector), vector.model, 'request-id');
          expect(response.status).toBe(vector.code);
          expect(shortType(parsed(response.body))).toEqual(shortType(parsed(vector.body)));
        }
      });
    }
  });
};

suite(awsJson1_0);
suite(awsJson1_1);

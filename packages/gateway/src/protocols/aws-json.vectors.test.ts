/** Smithy's awsJson1_0 and awsJson1_1 protocol test vectors, run against the JSON codecs (see test-vectors/). */
import { describe, expect, it } from 'vitest';

import { awsJson1_0, awsJson1_1 } from './aws-json.js';
import type { ProtocolCodec } from './protocol-codec.js';
import { errorOf, inputOf, loadVectors, outputOf } from './test-vectors.test-support.js';

/** Vectors these codecs intentionally do not satisfy, by protocol, kind and id, with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  // Known gaps of the existing awsJson codecs, which pass JSON through without reading the model:
  // to be closed by a model-guided JSON walk (like the CBOR one). Listed, not hidden.
  'awsJson1_0 request AwsJson10ServerPopulatesDefaultsWhenMissingInRequestBody':
    'no @default values in the model',
  'awsJson1_0 response AwsJson10ServerPopulatesDefaultsInResponseWhenMissingInParams':
    'no @default values in the model',
  'awsJson1_0 request AwsJson10ServerPopulatesNestedDefaultsWhenMissingInRequestBody':
    'no @default values in the model',
  'awsJson1_0 response AwsJson10ServerPopulatesNestedDefaultValuesWhenMissingInInResponseParams':
    'no @default values in the model',
  'awsJson1_0 request SDKAppliedContentEncoding_awsJson1_0': 'request compression: no body in the vector',
  'awsJson1_0 request SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0':
    'request compression: no body in the vector',
  'awsJson1_1 request SDKAppliedContentEncoding_awsJson1_1': 'request compression: no body in the vector',
  'awsJson1_1 request SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1':
    'request compression: no body in the vector',
  'awsJson1_1 request serializes_timestamp_shapes_with_iso8601_timestampformat':
    'JSON codec is model-unaware: date-time/http-date timestamps stay strings',
  'awsJson1_1 request serializes_timestamp_shapes_with_httpdate_timestampformat':
    'JSON codec is model-unaware: date-time/http-date timestamps stay strings',
  'awsJson1_1 response parses_iso8601_timestamps':
    'JSON codec is model-unaware: date-time/http-date timestamps stay strings',
  'awsJson1_1 response parses_httpdate_timestamps':
    'JSON codec is model-unaware: date-time/http-date timestamps stay strings',
  'awsJson1_1 request AwsJson11ServersDontDeserializeNullStructureValues':
    'JSON codec is model-unaware: null structure members pass through',
  'awsJson1_1 response AwsJson11ServersDontSerializeNullStructureValues':
    'JSON codec is model-unaware: null structure members pass through',
  'awsJson1_0 error AwsJson10InvalidGreetingError':
    'JSON codec writes `message` (and an empty one) whatever the error shape names',
  'awsJson1_0 error AwsJson10ComplexError':
    'JSON codec writes `message` (and an empty one) whatever the error shape names',
  'awsJson1_0 error AwsJson10EmptyComplexError':
    'JSON codec writes `message` (and an empty one) whatever the error shape names',
  'awsJson1_0 request AwsJson10SupportsNaNFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_0 request AwsJson10SupportsInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_0 request AwsJson10SupportsNegativeInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_0 response AwsJson10SupportsNaNFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_0 response AwsJson10SupportsInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_0 response AwsJson10SupportsNegativeInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_1 error AwsJson11InvalidGreetingError':
    'JSON codec writes `message` (and an empty one) whatever the error shape names',
  'awsJson1_1 error AwsJson11ComplexError':
    'JSON codec writes `message` (and an empty one) whatever the error shape names',
  'awsJson1_1 error AwsJson11EmptyComplexError':
    'JSON codec writes `message` (and an empty one) whatever the error shape names',
  'awsJson1_1 request AwsJson11SupportsNaNFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_1 request AwsJson11SupportsInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_1 request AwsJson11SupportsNegativeInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_1 response AwsJson11SupportsNaNFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_1 response AwsJson11SupportsInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
  'awsJson1_1 response AwsJson11SupportsNegativeInfinityFloatInputs':
    'JSON codec is model-unaware: "NaN"/"Infinity" stay strings',
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

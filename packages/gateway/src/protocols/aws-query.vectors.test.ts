/** Smithy's awsQuery protocol test vectors, run against the awsQuery codec (see test-vectors/). */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { awsQuery } from './aws-query.js';
import { errorOf, inputOf, loadVectors, outputOf } from './test-vectors.test-support.js';

/** Vectors this codec intentionally does not satisfy, by kind and id, with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  // Smithy allows an empty body for an empty output; AWS query APIs (and Berth) always answer
  // `<{Op}Response>` with its `<{Op}Result>` and ResponseMetadata, which every SDK parses.
  'response QueryNoInputAndNoOutput': 'empty body expected; Berth writes the Response envelope',
  'response QueryNoInputAndOutput': 'empty body expected; Berth writes the Response envelope',
  'response QueryEmptyInputAndEmptyOutput': 'empty body expected; Berth writes the Response envelope',
  // A client test in disguise: an empty map is not on the wire, so a server cannot restore `{}`.
  'request QueryEmptyQueryMaps': 'params hold an empty map that the body cannot carry',
  // Client tests: they check the SDK's Content-Encoding header and give no body to parse. The
  // server side (a gzipped body, signed as sent, decompressed before the codec) is covered by
  // gateway-gzip.test.ts, with these vectors' payload.
  'request SDKAppliedContentEncoding_awsQuery': 'request compression: no body in the vector',
  'request SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsQuery':
    'request compression: no body in the vector',
};

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Text values compared as values: the same instant with or without milliseconds is equal. */
const normalized = (value: unknown): unknown => {
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? new Date(value).toISOString() : value;
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalized(v)]));
  }
  return value;
};

/**
 * Parsed XML without what a vector leaves out: request ids, and the root's namespace when the
 * expected body has none (AWS always writes it).
 */
const structureOf = (text: string, expected?: string): unknown => {
  const parsed = xml.parse(text) as Record<string, Record<string, unknown>>;
  const expectedRoot = expected
    ? Object.values(xml.parse(expected) as Record<string, unknown>)[0]
    : undefined;
  for (const root of Object.values(parsed)) {
    if (typeof root !== 'object') continue;
    delete root['ResponseMetadata'];
    delete root['RequestId'];
    const keepNamespace =
      typeof expectedRoot === 'object' && expectedRoot !== null && '@_xmlns' in expectedRoot;
    if (expected !== undefined && !keepNamespace) delete root['@_xmlns'];
  }
  return normalized(parsed);
};

const vectors = loadVectors('awsQuery');

describe('awsQuery against the Smithy protocol test vectors', () => {
  it('has vectors', () => expect(vectors.length).toBeGreaterThan(50));

  for (const vector of vectors) {
    it.skipIf(`${vector.kind} ${vector.id}` in SKIPPED)(`${vector.kind} ${vector.id}`, () => {
      const operation = vector.operation ?? '';
      if (vector.kind === 'request') {
        expect(awsQuery.decodeInput(Buffer.from(vector.body), operation, vector.model)).toEqual(
          inputOf(vector),
        );
      } else if (vector.kind === 'response') {
        const response = awsQuery.encodeOutput(outputOf(vector), operation, vector.model, 'request-id');
        expect(response.status).toBe(vector.code ?? 200);
        expect(structureOf(response.body.toString(), vector.body)).toEqual(structureOf(vector.body));
      } else {
        const response = awsQuery.encodeError(errorOf(vector), vector.model, 'foo-id');
        expect(response.status).toBe(vector.code);
        expect(structureOf(response.body.toString(), vector.body)).toEqual(structureOf(vector.body));
      }
    });
  }
});

/**
 * awsJson1_0 and awsJson1_1: the body is the input object; results are JSON objects; errors carry
 * their code in `__type` and `x-amzn-errortype` (an awsQueryCompatible API: their shape name, and
 * the code in `x-amzn-query-error`), and the error's members by their model names.
 * The two versions differ only in content type. Bodies are read through the model (see
 * json-shape-walk.ts); an operation the model does not describe (Berth's internal APIs) passes
 * its JSON through as it is.
 */
import { ApiError } from '@berth/core';
import type { ServiceModel } from '@berth/wire';

import { errorShapeOf, errorTypeOf, messageKeyOf, queryErrorHeader } from './error-shapes.js';
import { JsonShapeWalk } from './json-shape-walk.js';
import type { EncodedResponse, ProtocolCodec } from './protocol-codec.js';

const SERIALIZATION_MESSAGE = 'Start of structure or map found where not expected.';

/** Decodes a JSON request body: empty means `{}`; anything but an object is a SerializationException. */
const decodeJsonObject = (body: Buffer): Record<string, unknown> => {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('SerializationException', SERIALIZATION_MESSAGE, 400);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('SerializationException', SERIALIZATION_MESSAGE, 400);
  }
  return parsed as Record<string, unknown>;
};

/** The error's body: `__type`, its members in the wire view, and the message unless empty. */
const errorBody = (error: ApiError, model: ServiceModel | undefined): Record<string, unknown> => {
  const shapeName = errorShapeOf(model, error.code);
  const fields =
    model && shapeName
      ? (new JsonShapeWalk(model, 'encode').value(error.fields, shapeName, '') as Record<string, unknown>)
      : error.fields;
  const body: Record<string, unknown> = { __type: errorTypeOf(model, error.code), ...fields };
  if (error.message) body[messageKeyOf(model, shapeName)] = error.message;
  return body;
};

const jsonCodec = (version: '1.0' | '1.1'): ProtocolCodec => {
  const contentType = `application/x-amz-json-${version}`;
  return {
    protocol: version === '1.0' ? 'awsJson1_0' : 'awsJson1_1',
    decodeInput: (body, operation, model) => {
      const input = decodeJsonObject(body);
      const shape = model.operations[operation]?.input;
      return shape
        ? (new JsonShapeWalk(model, 'decode').value(input, shape, '') as Record<string, unknown>)
        : input;
    },
    encodeOutput: (result, operation, model, requestId): EncodedResponse => {
      const shape = model.operations[operation]?.output;
      const wire = shape ? new JsonShapeWalk(model, 'encode').value(result ?? {}, shape, '') : result;
      return {
        status: 200,
        headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
        body: JSON.stringify(wire ?? {}),
      };
    },
    encodeError: (error, model, requestId): EncodedResponse => ({
      status: error.httpStatus,
      headers: {
        'content-type': contentType,
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': errorTypeOf(model, error.code),
        ...queryErrorHeader(model, error),
      },
      body: JSON.stringify(errorBody(error, model)),
    }),
  };
};

export const awsJson1_0 = jsonCodec('1.0');
export const awsJson1_1 = jsonCodec('1.1');

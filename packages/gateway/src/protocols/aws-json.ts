/**
 * awsJson1_0 and awsJson1_1: the body is the input object; results are JSON objects; errors carry
 * their code in `__type` and `x-amzn-errortype`. The two versions differ only in content type.
 */
import { ApiError } from '@berth/core';

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

const jsonCodec = (version: '1.0' | '1.1'): ProtocolCodec => {
  const contentType = `application/x-amz-json-${version}`;
  return {
    protocol: version === '1.0' ? 'awsJson1_0' : 'awsJson1_1',
    decodeInput: (body) => decodeJsonObject(body),
    encodeOutput: (result, _operation, _model, requestId): EncodedResponse => ({
      status: 200,
      headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
      body: JSON.stringify(result ?? {}),
    }),
    encodeError: (error, _model, requestId): EncodedResponse => ({
      status: error.httpStatus,
      headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code },
      body: JSON.stringify({ __type: error.code, message: error.message, ...error.fields }),
    }),
  };
};

export const awsJson1_0 = jsonCodec('1.0');
export const awsJson1_1 = jsonCodec('1.1');

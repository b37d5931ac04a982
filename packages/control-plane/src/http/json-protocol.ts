/** AWS JSON 1.1 encoding of results and errors. The only place errors become bytes. */
import { ApiError } from '@berth/core';

export interface EncodedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export const encodeResult = (requestId: string, result: unknown): EncodedResponse => ({
  status: 200,
  headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId },
  body: JSON.stringify(result ?? {}),
});

export const encodeError = (requestId: string, error: ApiError): EncodedResponse => ({
  status: error.httpStatus,
  headers: {
    'content-type': JSON_CONTENT_TYPE,
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': error.code,
  },
  body: JSON.stringify({ __type: error.code, message: error.message, ...error.fields }),
});

/** Decodes a JSON 1.1 request body: empty means `{}`; anything but an object is a SerializationException. */
export const decodeBody = (body: Buffer): Record<string, unknown> => {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('SerializationException', 'Start of structure or map found where not expected.', 400);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('SerializationException', 'Start of structure or map found where not expected.', 400);
  }
  return parsed as Record<string, unknown>;
};

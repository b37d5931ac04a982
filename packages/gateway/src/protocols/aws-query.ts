/**
 * awsQuery: requests are `application/x-www-form-urlencoded` forms (`Action`, `Version`, the input
 * members in dotted names); responses are `text/xml`
 * `<{Op}Response xmlns=…><{Op}Result>…</{Op}Result><ResponseMetadata><RequestId/></…></…>`;
 * errors are `<ErrorResponse><Error><Type/><Code/><Message/>…</Error><RequestId/></ErrorResponse>`.
 * Query APIs spell the generic authentication errors without `Exception`; that renaming lives here.
 */
import type { ApiError } from '@berth/core';
import type { ServiceModel, ShapeModel } from '@berth/wire';

import type { EncodedResponse, ProtocolCodec } from './protocol-codec.js';
import { decodeQueryForm } from './query-form-decoder.js';
import { QueryXmlEncoder } from './query-xml-encoder.js';
import { escapeXmlText, xmlElement, xmlTextElement } from './xml-writer.js';

const CONTENT_TYPE = 'text/xml';

/** The gateway's JSON-style auth codes → the query spelling (and status) AWS answers with. */
const QUERY_AUTH_ERRORS: Readonly<Record<string, { readonly code: string; readonly status?: number }>> = {
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature' },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  UnknownOperationException: { code: 'InvalidAction' },
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 403 },
};

const namespaceOf = (model: ServiceModel | undefined): Record<string, string> =>
  model?.metadata.xmlNamespace ? { xmlns: model.metadata.xmlNamespace } : {};

const responseMetadata = (requestId: string): string =>
  xmlElement('ResponseMetadata', xmlTextElement('RequestId', requestId));

/** The error shape an ApiError's code names: by its query error code, else by its shape name. */
const errorShapeOf = (model: ServiceModel | undefined, code: string): string | undefined => {
  if (!model) return undefined;
  const byCode = Object.entries(model.shapes).find(([, shape]) => shape.error?.code === code);
  if (byCode) return byCode[0];
  const shape: ShapeModel | undefined = model.shapes[code];
  return shape?.type === 'structure' ? code : undefined;
};

/** The error's extra fields: through its shape when the model has one, else its scalar fields. */
const errorFields = (error: ApiError, model: ServiceModel | undefined, code: string): string => {
  const fields = Object.fromEntries(
    Object.entries(error.fields).filter(([name]) => name !== 'Message' && name !== 'message'),
  );
  const shapeName = errorShapeOf(model, code);
  if (model && shapeName) return new QueryXmlEncoder(model).members(fields, shapeName);
  return Object.entries(fields)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([name, value]) => xmlTextElement(name, String(value)))
    .join('');
};

export const awsQuery: ProtocolCodec = {
  protocol: 'awsQuery',

  decodeInput: (body, operation, model) =>
    decodeQueryForm(body.toString('utf8'), model.operations[operation]?.input, model),

  encodeOutput: (result, operation, model, requestId): EncodedResponse => {
    const op = model.operations[operation];
    const wrapper = op?.resultWrapper ?? `${operation}Result`;
    const members = op?.output ? new QueryXmlEncoder(model).members(result ?? {}, op.output) : '';
    const inner = (op?.output ? xmlElement(wrapper, members) : '') + responseMetadata(requestId);
    return {
      status: 200,
      headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
      body: xmlElement(`${operation}Response`, inner, namespaceOf(model)),
    };
  },

  encodeError: (error, model, requestId): EncodedResponse => {
    const renamed = QUERY_AUTH_ERRORS[error.code];
    const code = renamed?.code ?? error.code;
    const message =
      error.message || (typeof error.fields['Message'] === 'string' ? error.fields['Message'] : '');
    const inner =
      xmlTextElement('Type', error.fault === 'server' ? 'Receiver' : 'Sender') +
      xmlTextElement('Code', code) +
      (message ? `<Message>${escapeXmlText(message)}</Message>` : '') +
      errorFields(error, model, code);
    return {
      status: renamed?.status ?? error.httpStatus,
      headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
      body: xmlElement(
        'ErrorResponse',
        xmlElement('Error', inner) + xmlTextElement('RequestId', requestId),
        namespaceOf(model),
      ),
    };
  },
};

/**
 * Loads the Smithy protocol test vectors committed under packages/gateway/test-vectors (see the
 * README there and scripts/extract-smithy-vectors.mjs) and turns a vector's `params` into what a
 * handler sees: blobs as base64 strings, NaN/Infinity as numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';

import { ApiError } from '@berth/core';
import type { ServiceModel } from '@berth/wire';

import type { ProtocolName } from './protocol-codec.js';

export interface VectorCase {
  readonly id: string;
  readonly kind: 'request' | 'response' | 'error';
  readonly operation?: string;
  readonly errorShape?: string;
  readonly errorCode?: string;
  readonly code?: number;
  readonly body: string;
  readonly bodyMediaType?: string;
  readonly params: Record<string, unknown>;
  readonly model: ServiceModel;
}

const VECTORS = new URL('../../test-vectors/', import.meta.url);

export const loadVectors = (protocol: ProtocolName): VectorCase[] =>
  readdirSync(new URL(`${protocol}/`, VECTORS))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap(
      (name) =>
        (JSON.parse(readFileSync(new URL(`${protocol}/${name}`, VECTORS), 'utf8')) as { cases: VectorCase[] })
          .cases,
    );

const SPECIAL_FLOATS: Readonly<Record<string, number>> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
};

/** A vector's params in the handler's view of `shapeName`. */
export const handlerView = (value: unknown, shapeName: string | undefined, model: ServiceModel): unknown => {
  const shape = shapeName === undefined ? undefined : model.shapes[shapeName];
  if (!shape || value === null || value === undefined) return value;
  switch (shape.type) {
    case 'structure':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          handlerView(v, shape.members?.[k]?.shape, model),
        ]),
      );
    case 'list':
      return (value as unknown[]).map((item) => handlerView(item, shape.member?.shape, model));
    case 'map':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          handlerView(v, shape.value?.shape, model),
        ]),
      );
    case 'blob':
      return typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : value;
    case 'float':
    case 'double':
      return typeof value === 'string' ? (SPECIAL_FLOATS[value] ?? value) : value;
    default:
      return value;
  }
};

/** The input params of a request vector, in the handler's view. */
export const inputOf = (vector: VectorCase): unknown =>
  handlerView(vector.params, vector.model.operations[vector.operation ?? '']?.input, vector.model);

/** The output params of a response vector, in the handler's view. */
export const outputOf = (vector: VectorCase): unknown =>
  handlerView(vector.params, vector.model.operations[vector.operation ?? '']?.output, vector.model);

/** The ApiError a handler would throw for an error vector. */
export const errorOf = (vector: VectorCase): ApiError => {
  const fields = handlerView(vector.params, vector.errorShape, vector.model) as Record<string, unknown>;
  const { Message, message, ...rest } = fields;
  const text = typeof Message === 'string' ? Message : typeof message === 'string' ? message : '';
  return new ApiError(vector.errorCode ?? vector.errorShape ?? 'Error', text, vector.code ?? 400, rest);
};

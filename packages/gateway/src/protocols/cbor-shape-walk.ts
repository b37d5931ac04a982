/**
 * The model-guided half of rpcv2Cbor: CBOR values (Date for tag-1 timestamps, bytes for blobs)
 * turned into the handler's view (epoch seconds, base64 strings) and back (tag 1 epoch seconds,
 * byte strings). Structure members absent or null are dropped; sparse lists and maps keep nulls.
 */
import { Tag } from 'cbor-x';

import { ApiError } from '@berth/core';
import type { ServiceModel, ShapeModel } from '@berth/wire';

import { base64Of, bytesOf, epochSecondsOf } from './wire-values.js';

const EPOCH_TAG = 1;

const serialization = (path: string, expected: string): ApiError =>
  new ApiError('SerializationException', `Expected ${expected} at ${path || 'the top level'}.`, 400);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

type Direction = 'decode' | 'encode';

export class CborShapeWalk {
  constructor(
    private readonly model: ServiceModel,
    private readonly direction: Direction,
  ) {}

  value(value: unknown, shapeName: string, path: string): unknown {
    const shape = this.model.shapes[shapeName];
    if (!shape || value === null || value === undefined) return value;
    switch (shape.type) {
      case 'structure':
        return this.structure(value, shape, path);
      case 'list':
        if (!Array.isArray(value)) throw serialization(path, 'a list');
        return value.map((item: unknown, i) => this.value(item, shape.member?.shape ?? '', `${path}[${i}]`));
      case 'map':
        if (!isRecord(value)) throw serialization(path, 'a map');
        return Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, this.value(v, shape.value?.shape ?? '', `${path}.${k}`)]),
        );
      case 'timestamp':
        return this.timestamp(value, path);
      case 'blob':
        return this.blob(value, path);
      default:
        return this.direction === 'decode' ? this.scalar(value, shape, path) : value;
    }
  }

  private structure(value: unknown, shape: ShapeModel, path: string): Record<string, unknown> {
    if (!isRecord(value)) throw serialization(path, 'a structure');
    const result: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const item = value[name];
      if (item === null || item === undefined) continue;
      result[name] = this.value(item, member.shape, path ? `${path}.${name}` : name);
    }
    return result;
  }

  private timestamp(value: unknown, path: string): unknown {
    if (this.direction === 'encode') {
      const seconds = epochSecondsOf(value);
      return seconds === undefined ? value : new Tag(seconds, EPOCH_TAG);
    }
    if (value instanceof Date) return value.getTime() / 1000;
    if (value instanceof Tag && typeof value.value === 'number') return value.value;
    if (typeof value === 'number') return value;
    throw serialization(path, 'a timestamp');
  }

  private blob(value: unknown, path: string): unknown {
    if (this.direction === 'encode') return bytesOf(value) ?? value;
    if (value instanceof Uint8Array) return base64Of(value);
    throw serialization(path, 'a byte string');
  }

  private scalar(value: unknown, shape: ShapeModel, path: string): unknown {
    if (typeof value === 'bigint') return Number(value);
    const expected: Partial<Record<ShapeModel['type'], string>> = {
      string: 'string',
      boolean: 'boolean',
      integer: 'number',
      long: 'number',
      float: 'number',
      double: 'number',
    };
    const type = expected[shape.type];
    if (type && typeof value !== type) throw serialization(path, `a ${shape.type}`);
    return value;
  }
}

/**
 * The rpcv2Cbor leaves of the shape walk: CBOR values (Date for tag-1 timestamps, bytes for
 * blobs) turned into the handler's view (epoch seconds, base64 strings) and back (tag 1 epoch
 * seconds, byte strings). Members the model does not name are dropped.
 */
import { Tag } from 'cbor-x';

import type { ServiceModel, ShapeModel } from '@berth/wire';

import { serialization, ShapeWalk, type WireLeaves } from './shape-walk.js';
import { base64Of, bytesOf, epochSecondsOf } from './wire-values.js';

const EPOCH_TAG = 1;

type Direction = 'decode' | 'encode';

const EXPECTED: Partial<Record<ShapeModel['type'], string>> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
};

const decodeLeaves: WireLeaves = {
  timestamp: (value, _format, path) => {
    if (value instanceof Date) return value.getTime() / 1000;
    if (value instanceof Tag && typeof value.value === 'number') return value.value;
    if (typeof value === 'number') return value;
    throw serialization(path, 'a timestamp');
  },
  blob: (value, path) => {
    if (value instanceof Uint8Array) return base64Of(value);
    throw serialization(path, 'a byte string');
  },
  scalar: (value, shape, path) => {
    if (typeof value === 'bigint') return Number(value);
    const type = EXPECTED[shape.type];
    if (type && typeof value !== type) throw serialization(path, `a ${shape.type}`);
    return value;
  },
};

const encodeLeaves: WireLeaves = {
  timestamp: (value) => {
    const seconds = epochSecondsOf(value);
    return seconds === undefined ? value : new Tag(seconds, EPOCH_TAG);
  },
  blob: (value) => bytesOf(value) ?? value,
  scalar: (value) => value,
};

export class CborShapeWalk extends ShapeWalk {
  constructor(model: ServiceModel, direction: Direction) {
    super(model, direction === 'decode' ? decodeLeaves : encodeLeaves, { unknownMembers: 'drop' });
  }
}

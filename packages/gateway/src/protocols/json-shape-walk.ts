/**
 * The awsJson leaves of the shape walk. Decoding: timestamps sent as epoch numbers or as
 * ISO-8601 / HTTP-date / numeric strings become epoch seconds, `"NaN"`/`"Infinity"`/`"-Infinity"`
 * become numbers for float and double members, blobs stay base64 strings. Encoding: timestamps
 * are written per `timestampFormat` (epoch seconds by default), non-finite floats as those
 * strings. Members the model does not name are kept as sent: handlers have always seen them.
 */
import type { ServiceModel, ShapeModel } from '@berth/wire';

import { serialization, ShapeWalk, type WireLeaves } from './shape-walk.js';
import { base64Of, epochSecondsOf, parseNumber, parseTimestamp } from './wire-values.js';

type Direction = 'decode' | 'encode';

const EXPECTED: Partial<Record<ShapeModel['type'], string>> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
};

const isFloat = (shape: ShapeModel): boolean => shape.type === 'float' || shape.type === 'double';

const decodeLeaves: WireLeaves = {
  timestamp: (value, _format, path) => {
    if (typeof value === 'number') return value;
    const seconds = typeof value === 'string' ? parseTimestamp(value) : undefined;
    if (seconds === undefined) throw serialization(path, 'a timestamp');
    return seconds;
  },
  blob: (value, path) => {
    if (typeof value !== 'string') throw serialization(path, 'a base64-encoded string');
    return value;
  },
  scalar: (value, shape, path) => {
    if (isFloat(shape) && typeof value === 'string') {
      const special = ['NaN', 'Infinity', '-Infinity'].includes(value)
        ? parseNumber(value, false)
        : undefined;
      if (special === undefined) throw serialization(path, `a ${shape.type}`);
      return special;
    }
    const type = EXPECTED[shape.type];
    if (type && typeof value !== type) throw serialization(path, `a ${shape.type}`);
    return value;
  },
};

/** ISO-8601 in UTC, with milliseconds only when the instant has them. */
const isoOf = (seconds: number): string => {
  const text = new Date(Math.round(seconds * 1000)).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
};

const encodeLeaves: WireLeaves = {
  timestamp: (value, format) => {
    const seconds = epochSecondsOf(value);
    if (seconds === undefined) return value;
    if (format === 'iso8601') return isoOf(seconds);
    if (format === 'rfc822') return new Date(Math.round(seconds * 1000)).toUTCString();
    return seconds;
  },
  blob: (value) => (value instanceof Uint8Array ? base64Of(value) : value),
  scalar: (value, shape) =>
    isFloat(shape) && typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
};

export class JsonShapeWalk extends ShapeWalk {
  constructor(model: ServiceModel, direction: Direction) {
    super(model, direction === 'decode' ? decodeLeaves : encodeLeaves, { unknownMembers: 'keep' });
  }
}

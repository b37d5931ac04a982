/**
 * Scalar conversions the codecs share: timestamps between the handler's epoch seconds and the
 * wire's ISO-8601 / epoch / HTTP-date text, floats with their NaN/Infinity spellings, and blobs
 * between base64 strings and bytes.
 */
import type { ServiceModel, ShapeModel } from '@berth/wire';

/** The shape named `name`; a model that names a missing shape is a generator bug. */
export const shapeOf = (model: ServiceModel, name: string): ShapeModel => {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`shape ${name} is not in the model of ${model.metadata.serviceId}`);
  return shape;
};

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch seconds from ISO-8601 (any offset, any fraction), epoch seconds or an HTTP date; else undefined. */
export const parseTimestamp = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const iso = ISO_8601.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = iso;
    const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) / 1000;
    const offsetSign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.toUpperCase() === 'Z' ? '0000' : zone.slice(1).replace(':', '');
    const offset = offsetSign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
    return utc - offset + (fraction ? Number(`0${fraction}`) : 0);
  }
  if (/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
};

/** Epoch seconds from what a handler may hold: a number, a Date, or a timestamp string. */
export const epochSecondsOf = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime() / 1000;
  if (typeof value === 'string') return parseTimestamp(value);
  return undefined;
};

/** A timestamp in a query/XML format: `iso8601` (default, with milliseconds), `unixTimestamp`, `rfc822`. */
export const formatTimestamp = (seconds: number, format: string | undefined): string => {
  const date = new Date(Math.round(seconds * 1000));
  switch (format) {
    case 'unixTimestamp':
    case 'epoch-seconds':
      return String(Math.round(seconds * 1000) / 1000);
    case 'rfc822':
    case 'http-date':
      return date.toUTCString();
    default:
      return date.toISOString();
  }
};

/** A float as AWS spells it in text: `NaN`, `Infinity`, `-Infinity` or the number. */
export const formatNumber = (value: number): string => (Number.isNaN(value) ? 'NaN' : String(value));

/** A number from text, with AWS's NaN/Infinity spellings; undefined when it is not one. */
export const parseNumber = (text: string, integer: boolean): number | undefined => {
  const trimmed = text.trim();
  if (!integer && ['NaN', 'Infinity', '-Infinity'].includes(trimmed)) return Number(trimmed);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return integer && !Number.isInteger(value) ? undefined : value;
};

/** Blob bytes as the base64 string handlers see. */
export const base64Of = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** A handler's blob (base64 string, or bytes) as bytes. */
export const bytesOf = (value: unknown): Buffer | undefined => {
  if (typeof value === 'string') return Buffer.from(value, 'base64');
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return undefined;
};

/** A handler's blob as the base64 text written into XML. */
export const base64TextOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  return value instanceof Uint8Array ? base64Of(value) : undefined;
};

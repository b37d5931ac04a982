/**
 * GetLogEvents' tokens, `f/<56 digits>/s` (forward) and `b/<56 digits>/s` (backward): a position
 * in the stream's (timestamp, seq) order, 20 digits of timestamp then 36 of seq. A forward token
 * reads the events after it, a backward token those before it.
 */
import type { StreamPosition } from '@berth/telemetry';

import { invalidParameter } from '../logs-errors.js';

export type TokenDirection = 'forward' | 'backward';

export interface StreamToken {
  readonly direction: TokenDirection;
  readonly position: StreamPosition;
}

const TOKEN = /^([fb])\/(\d{20})(\d{36})\/s$/;

/** Before every event of a stream (seq starts at 1). */
export const STREAM_START: StreamPosition = { timestamp: 0, seq: 0 };

export const positionDigits = (position: StreamPosition): string =>
  `${String(position.timestamp).padStart(20, '0')}${String(position.seq).padStart(36, '0')}`;

export const encodeStreamToken = (direction: TokenDirection, position: StreamPosition): string =>
  `${direction === 'forward' ? 'f' : 'b'}/${positionDigits(position)}/s`;

export const decodeStreamToken = (token: string): StreamToken => {
  const match = TOKEN.exec(token);
  if (!match) throw invalidParameter('The specified nextToken is invalid.');
  const [, direction, timestamp = '', seq = ''] = match;
  return {
    direction: direction === 'f' ? 'forward' : 'backward',
    position: { timestamp: Number(timestamp), seq: Number(seq) },
  };
};

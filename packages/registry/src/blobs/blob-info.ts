/** An inclusive byte range of a blob, as HTTP's `Range: bytes=start-end` names it. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * An event on its way to PutLogEvents, and where in the container's output it ends: shipping an
 * event that carries a cursor means every line up to that cursor has been shipped.
 */
export interface LineCursor {
  /** Docker's receive time of the line, epoch ns. */
  readonly timestampNs: bigint;
  /** How many lines carry exactly that timestamp, this one included. */
  readonly countAtTimestamp: number;
}

export interface PendingEvent {
  readonly timestampMs: number;
  readonly message: string;
  /** Set on the last piece of an event: the position of the last line it holds. */
  readonly cursor?: LineCursor;
}

/** The cursor of the line after `previous` that carries `timestampNs`. */
export const nextCursor = (previous: LineCursor | undefined, timestampNs: bigint): LineCursor =>
  previous !== undefined && previous.timestampNs === timestampNs
    ? { timestampNs, countAtTimestamp: previous.countAtTimestamp + 1 }
    : { timestampNs, countAtTimestamp: 1 };

/** Whether a line at `cursor` was already shipped (it is at or before `shipped`). */
export const alreadyShipped = (cursor: LineCursor, shipped: LineCursor | undefined): boolean =>
  shipped !== undefined &&
  (cursor.timestampNs < shipped.timestampNs ||
    (cursor.timestampNs === shipped.timestampNs && cursor.countAtTimestamp <= shipped.countAtTimestamp));

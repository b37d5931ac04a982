/**
 * Docker splits an output line longer than 16 KiB into partial messages (json-file stores each
 * without its newline); the awslogs driver joins them back into one event. This joiner does the
 * same (pure): pieces accumulate until one ends the line, stamped with the first piece's time; a
 * line grown past `maxBytes` is let out as it stands (the event splitter cuts it further), so an
 * endless line never grows the agent's memory.
 */
import type { LineCursor } from './log-event.js';

export interface LinePiece {
  readonly timestampMs: number;
  readonly text: string;
  readonly cursor: LineCursor;
  /** Whether the piece ended with a newline. */
  readonly ends: boolean;
}

export interface JoinedLine {
  readonly timestampMs: number;
  readonly text: string;
  /** The position of its last piece: shipping it means every piece was read. */
  readonly cursor: LineCursor;
}

export class PartialLineJoiner {
  private pieces: LinePiece[] = [];
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The line this piece completes (or grows past the limit), else undefined while it waits. */
  push(piece: LinePiece): JoinedLine | undefined {
    this.pieces.push(piece);
    this.bytes += Buffer.byteLength(piece.text);
    return piece.ends || this.bytes >= this.maxBytes ? this.flush() : undefined;
  }

  /** What is held (a last line that never got its newline), joined. */
  flush(): JoinedLine | undefined {
    const [first] = this.pieces;
    const last = this.pieces.at(-1);
    if (!first || !last) return undefined;
    const line = {
      timestampMs: first.timestampMs,
      text: this.pieces.map((p) => p.text).join(''),
      cursor: last.cursor,
    };
    this.pieces = [];
    this.bytes = 0;
    return line;
  }

  /** A new pass over the log re-reads every piece not yet let out. */
  reset(): void {
    this.pieces = [];
    this.bytes = 0;
  }
}

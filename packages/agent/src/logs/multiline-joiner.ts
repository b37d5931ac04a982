/**
 * Multiline mode (`awslogs-multiline-pattern` / `awslogs-datetime-format`), as Docker's awslogs
 * driver does it (pure): lines are held until a line matching the start pattern begins the next
 * event; an event that would grow past the event limit is cut first; a held event is let go once it
 * is older than the flush interval at a flush tick (so at the latest after two intervals).
 */
import { MAX_EVENT_BYTES, toEvents, utf8Bytes } from './event-batches.js';
import type { LineCursor, PendingEvent } from './log-event.js';

export interface JoinerLine {
  readonly timestampMs: number;
  readonly text: string;
  readonly cursor?: LineCursor;
}

export class MultilineJoiner {
  private lines: string[] = [];
  private bytes = 0;
  private startedAtMs = 0;
  private cursor: LineCursor | undefined;

  constructor(
    private readonly start: RegExp,
    private readonly flushIntervalMs: number,
  ) {}

  /** Adds a line; returns the events it completed. */
  push(line: JoinerLine): PendingEvent[] {
    const done: PendingEvent[] = [];
    if (this.start.test(line.text)) done.push(...this.flush());
    if (this.lines.length > 0 && this.bytes + utf8Bytes(line.text) + 1 > MAX_EVENT_BYTES)
      done.push(...this.flush());
    if (this.lines.length === 0) this.startedAtMs = line.timestampMs;
    this.lines.push(line.text);
    this.bytes += utf8Bytes(line.text) + (this.lines.length > 1 ? 1 : 0);
    this.cursor = line.cursor ?? this.cursor;
    return done;
  }

  /** At a flush tick: the held event, if it has waited longer than the flush interval. */
  expire(nowMs: number): PendingEvent[] {
    const age = nowMs - this.startedAtMs;
    return this.lines.length > 0 && (age > this.flushIntervalMs || age < 0) ? this.flush() : [];
  }

  /** The held event, whatever its age (the container's output ended). */
  flush(): PendingEvent[] {
    if (this.lines.length === 0) return [];
    const events = toEvents(this.lines.join('\n'), this.startedAtMs, this.cursor);
    this.lines = [];
    this.bytes = 0;
    this.cursor = undefined;
    return events;
  }
}

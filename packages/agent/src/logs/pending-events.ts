/**
 * The events read but not yet shipped, bounded by `max-buffer-size` (pure). Non-blocking mode drops
 * the oldest to make room and counts what it dropped; blocking mode never drops — its reader waits
 * for room (`full`) instead, leaving the rest in the container's json-file.
 */
import { eventCost } from './event-batches.js';
import type { PendingEvent } from './log-event.js';
import type { LogDeliveryMode } from './awslogs-options.js';

export class PendingEvents {
  private events: PendingEvent[] = [];
  private bytes = 0;
  /** Events dropped (non-blocking) since the last `takeDropped`. */
  private dropped = 0;

  constructor(
    private readonly mode: LogDeliveryMode,
    private readonly maxBytes: number,
  ) {}

  get queued(): readonly PendingEvent[] {
    return this.events;
  }

  get size(): number {
    return this.events.length;
  }

  /** Blocking mode: stop reading until some is shipped. */
  get full(): boolean {
    return this.bytes >= this.maxBytes;
  }

  add(events: readonly PendingEvent[]): void {
    for (const event of events) {
      this.events.push(event);
      this.bytes += eventCost(event);
    }
    this.enforceLimit();
  }

  /** Removes the first `count` (a batch being shipped). */
  take(count: number): PendingEvent[] {
    const taken = this.events.splice(0, count);
    for (const event of taken) this.bytes -= eventCost(event);
    return taken;
  }

  /** Puts a batch that could not be shipped back in front. */
  restore(events: readonly PendingEvent[]): void {
    this.events.unshift(...events);
    for (const event of events) this.bytes += eventCost(event);
    this.enforceLimit();
  }

  /** How many were dropped since the last call. */
  takeDropped(): number {
    const dropped = this.dropped;
    this.dropped = 0;
    return dropped;
  }

  private enforceLimit(): void {
    if (this.mode !== 'non-blocking') return;
    let drop = 0;
    while (this.bytes > this.maxBytes && drop < this.events.length) {
      const event = this.events[drop];
      if (event) this.bytes -= eventCost(event);
      drop += 1;
    }
    if (drop > 0) {
      this.events.splice(0, drop);
      this.dropped += drop;
    }
  }
}

/**
 * Ships one container's output to CloudWatch Logs, acting as Docker's awslogs driver would: it
 * follows the container's log (json-file on the host) from where shipping last stopped, turns lines
 * into events (Docker's 16 KiB partials rejoined, multiline joining, splitting), buffers them by the delivery mode and puts a batch
 * every flush interval (sooner when a batch is full). It ends once the container has stopped and
 * everything read is shipped — or when stopped, leaving the rest to the next shipper (offsets).
 *
 *   reader:  readLogs (follow, then catch up) ─▶ skip lines already shipped ─▶ events ─▶ PendingEvents (blocking: wait for room)
 *   flusher: every 5 s ─▶ nextBatch ─▶ PutLogEvents ─▶ save offset   (failure: put back, back off)
 */
import { WakeSignal } from '../engine/wake-signal.js';
import type { ContainerRuntime } from '../runtime/container-runtime.js';
import { Backoff, sleep } from '../session/backoff.js';
import { ControlPlaneError } from '../session/control-plane-client.js';
import type { AwslogsOptions } from './awslogs-options.js';
import { MAX_BATCH_EVENTS, MAX_EVENT_BYTES, nextBatch, toEvents } from './event-batches.js';
import { alreadyShipped, nextCursor, type LineCursor, type PendingEvent } from './log-event.js';
import { nsToDockerSince, nsToMs, parseTimestampedLine } from './log-line.js';
import type { LogOffsets } from './log-offsets.js';
import { ensureLogStream, toInputLogEvents, type LogsApi } from './logs-client.js';
import { MultilineJoiner } from './multiline-joiner.js';
import { PartialLineJoiner, type JoinedLine } from './partial-lines.js';
import { PendingEvents } from './pending-events.js';

export const FLUSH_INTERVAL_MS = 5_000;

export interface ShipperTarget {
  readonly containerId: string;
  readonly containerName: string;
  readonly streamName: string;
  readonly options: AwslogsOptions;
}

export interface ShipperDeps {
  readonly runtime: Pick<ContainerRuntime, 'readLogs'>;
  readonly logs: LogsApi;
  readonly offsets: LogOffsets;
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly flushIntervalMs?: number;
  readonly backoff?: () => Backoff;
}

export class ContainerLogShipper {
  private readonly stopping = new AbortController();
  private readonly flushWake = new WakeSignal();
  private readonly roomWake = new WakeSignal();
  private readonly pending: PendingEvents;
  private readonly joiner: MultilineJoiner | undefined;
  /** Docker's 16 KiB partial messages, joined back into their line. */
  private readonly partials = new PartialLineJoiner(MAX_EVENT_BYTES);
  private readonly flushIntervalMs: number;
  private streamReady = false;
  private readerDone = false;
  /** The last line read (shipped, or queued to be): where a reconnect resumes. */
  private readUpTo: LineCursor | undefined;
  private done: Promise<void> | undefined;

  constructor(
    private readonly deps: ShipperDeps,
    private readonly target: ShipperTarget,
  ) {
    this.flushIntervalMs = deps.flushIntervalMs ?? FLUSH_INTERVAL_MS;
    this.pending = new PendingEvents(target.options.mode, target.options.maxBufferBytes);
    const start = target.options.multilineStart;
    this.joiner = start ? new MultilineJoiner(start, this.flushIntervalMs) : undefined;
  }

  start(): void {
    this.done ??= Promise.all([this.readLoop(), this.flushLoop()]).then(() => undefined);
  }

  /** Resolves once the container has stopped and all it logged is shipped (or the shipper stopped). */
  finished(): Promise<void> {
    return this.done ?? Promise.resolve();
  }

  /** Stops reading and shipping; what is not shipped stays for the next shipper to resume. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.flushWake.notify();
    this.roomWake.notify();
    await this.finished();
  }

  private get fields(): Record<string, unknown> {
    return { container: this.target.containerName, containerId: this.target.containerId };
  }

  private async readLoop(): Promise<void> {
    this.readUpTo = this.deps.offsets.load(this.target.containerId);
    const backoff = this.deps.backoff?.() ?? new Backoff();
    while (!this.stopping.signal.aborted) {
      try {
        await this.read(true);
        await this.catchUp();
        break;
      } catch (error) {
        if (this.stopping.signal.aborted) break;
        this.deps.log('awslogs: following container logs failed; retrying', {
          ...this.fields,
          error: String(error),
        });
        await sleep(backoff.next(), this.stopping.signal);
      }
    }
    if (!this.stopping.signal.aborted) {
      const unterminated = this.partials.flush();
      if (unterminated) this.queue(unterminated);
      this.pending.add(this.joiner?.flush() ?? []);
    }
    this.readerDone = true;
    this.flushWake.notify();
  }

  /**
   * Docker may end the follow stream of a container that exits mid-burst before its last lines:
   * read again without following until a pass brings nothing new.
   */
  private async catchUp(): Promise<void> {
    for (;;) {
      const before = this.readUpTo;
      await this.read(false);
      if (this.stopping.signal.aborted || this.readUpTo === before) return;
    }
  }

  /** One pass over the log from the last line read (`since=` is inclusive: skip up to it). */
  private async read(follow: boolean): Promise<void> {
    const resumeAt = this.readUpTo;
    const lines = await this.deps.runtime.readLogs(this.target.containerId, {
      follow,
      ...(resumeAt === undefined ? {} : { since: nsToDockerSince(resumeAt.timestampNs) }),
      signal: this.stopping.signal,
    });
    let cursor: LineCursor | undefined;
    this.partials.reset();
    for await (const raw of lines) {
      const line = parseTimestampedLine(raw.timestamped);
      if (!line) continue;
      cursor = nextCursor(cursor, line.timestampNs);
      if (alreadyShipped(cursor, resumeAt)) continue;
      const ends = raw.timestamped.endsWith('\n');
      const whole = this.partials.push({
        timestampMs: nsToMs(line.timestampNs),
        text: line.text,
        cursor,
        ends,
      });
      if (!whole) continue;
      this.queue(whole);
      if (this.pending.full || this.pending.size >= MAX_BATCH_EVENTS) this.flushWake.notify();
      while (this.target.options.mode === 'blocking' && this.pending.full && !this.stopping.signal.aborted)
        await this.roomWake.wait();
      if (this.stopping.signal.aborted) return;
    }
  }

  /** A whole line read: queued (through the multiline joiner, if any) and where a reconnect resumes. */
  private queue(line: JoinedLine): void {
    this.readUpTo = line.cursor;
    this.pending.add(
      this.joiner ? this.joiner.push(line) : toEvents(line.text, line.timestampMs, line.cursor),
    );
  }

  private async flushLoop(): Promise<void> {
    const backoff = this.deps.backoff?.() ?? new Backoff();
    for (;;) {
      if (!this.readerDone) await this.flushWake.wait(this.flushIntervalMs);
      if (this.stopping.signal.aborted) return;
      if (!this.readerDone) this.pending.add(this.joiner?.expire(this.deps.now()) ?? []);
      this.reportDrops();
      const shippedAll = await this.shipQueued();
      if (shippedAll) backoff.reset();
      else await sleep(backoff.next(), this.stopping.signal);
      if (this.readerDone && this.pending.size === 0) return;
    }
  }

  private reportDrops(): void {
    const dropped = this.pending.takeDropped();
    if (dropped > 0)
      this.deps.log('awslogs: non-blocking buffer full (max-buffer-size); dropped the oldest log events', {
        ...this.fields,
        dropped,
        maxBufferBytes: this.target.options.maxBufferBytes,
      });
  }

  /** Ships batches until the queue is empty; false when a call failed (the batch is back in the queue). */
  private async shipQueued(): Promise<boolean> {
    while (this.pending.size > 0 && !this.stopping.signal.aborted) {
      const batch = nextBatch(this.pending.queued);
      const taken = this.pending.take(batch.taken);
      try {
        await this.put(batch.events);
      } catch (error) {
        this.pending.restore(taken);
        this.deps.log('awslogs: PutLogEvents failed; retrying', { ...this.fields, error: String(error) });
        return false;
      }
      if (batch.cursor) this.deps.offsets.save(this.target.containerId, batch.cursor);
      // Only shipping makes room: a blocking reader waits until then, not while a put is retried.
      this.roomWake.notify();
    }
    return true;
  }

  private async put(events: readonly PendingEvent[]): Promise<void> {
    const { group, createGroup } = this.target.options;
    if (!this.streamReady) {
      await ensureLogStream(this.deps.logs, { group, stream: this.target.streamName, createGroup });
      this.streamReady = true;
    }
    try {
      await this.deps.logs.putLogEvents({
        logGroupName: group,
        logStreamName: this.target.streamName,
        logEvents: toInputLogEvents(events),
      });
    } catch (error) {
      if (error instanceof ControlPlaneError && error.code === 'ResourceNotFoundException')
        this.streamReady = false;
      throw error;
    }
  }
}

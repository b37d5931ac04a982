import type Dockerode from 'dockerode';

import type { EventSubscription, RuntimeEvent, RuntimeEventType } from '../container-runtime.js';
import { dockerCall } from './docker-call.js';
import { EVENTS_RECONNECT } from './docker-timeouts.js';
import { readJsonLines } from './json-lines.js';

const WATCHED: readonly RuntimeEventType[] = ['start', 'die', 'oom', 'health_status'];

const toEvent = (value: Record<string, unknown>): RuntimeEvent | undefined => {
  const action = typeof value['Action'] === 'string' ? value['Action'] : '';
  const type = WATCHED.find((t) => action === t || action.startsWith(`${t}:`));
  const actor = value['Actor'] as { ID?: unknown; Attributes?: Record<string, string> } | undefined;
  if (!type || typeof actor?.ID !== 'string') return undefined;
  return { type, containerId: actor.ID, labels: actor.Attributes ?? {} };
};

/** `since` for the Engine API: seconds with a nanosecond fraction. */
const sinceOf = (value: Record<string, unknown>): string | undefined => {
  const nanos = value['timeNano'];
  if (typeof nanos !== 'number') return undefined;
  const text = BigInt(Math.trunc(nanos)).toString().padStart(10, '0');
  return `${text.slice(0, -9) || '0'}.${text.slice(-9)}`;
};

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * The Docker event stream for containers carrying `labels`, reconnecting (with `since`, so events
 * missed while disconnected are replayed from the daemon's buffer) until closed.
 */
export class DockerEventStream implements EventSubscription {
  private closed = false;
  private readonly stopper = new AbortController();
  private since: string;
  private delayMs: number = EVENTS_RECONNECT.initialMs;

  constructor(
    private readonly docker: Dockerode,
    private readonly labels: readonly string[],
    private readonly onEvent: (event: RuntimeEvent) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.since = (Date.now() / 1000).toFixed(3);
  }

  start(): void {
    this.run().catch((error: unknown) => this.onError(error));
  }

  close(): void {
    this.closed = true;
    this.stopper.abort();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        await this.follow();
      } catch (error) {
        if (!this.closed) this.onError(error);
      }
      if (this.closed) return;
      await pause(this.delayMs);
      this.delayMs = Math.min(this.delayMs * 2, EVENTS_RECONNECT.maxMs);
    }
  }

  private deliver(event: RuntimeEvent): void {
    try {
      this.onEvent(event);
    } catch (error) {
      this.onError(error);
    }
  }

  private async follow(): Promise<void> {
    const filters = JSON.stringify({ type: ['container'], event: WATCHED, label: this.labels });
    const stream = await dockerCall(
      { op: 'eventsConnect', errorName: 'CannotListContainersError' },
      (connect) =>
        this.docker.getEvents({
          filters,
          since: this.since,
          abortSignal: AbortSignal.any([connect, this.stopper.signal]),
        } as unknown as Dockerode.GetEventsOptions),
    );
    this.delayMs = EVENTS_RECONNECT.initialMs;
    await readJsonLines(stream, {
      onObject: (value) => {
        this.since = sinceOf(value) ?? this.since;
        const event = toEvent(value);
        if (event) this.deliver(event);
      },
    });
  }
}

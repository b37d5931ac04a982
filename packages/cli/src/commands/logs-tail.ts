/**
 * The tail loop of `berth logs`: pages FilterLogEvents from `since` to the end, and with
 * `follow` polls again from the newest timestamp printed, skipping the events of that
 * millisecond already printed (by eventId), as `aws logs tail --follow` does.
 */
import type { TailedEvent } from './logs-line.js';

export interface FilterPageRequest {
  readonly startTime: number;
  readonly nextToken?: string;
}

export interface FilterPage {
  readonly events?: readonly TailedEvent[];
  readonly nextToken?: string;
}

export interface TailOptions {
  readonly since: number;
  readonly follow: boolean;
  readonly pollIntervalMs: number;
  readonly filterPage: (request: FilterPageRequest) => Promise<FilterPage>;
  readonly print: (event: TailedEvent) => void;
  /** Waits between polls; resolves early (or rejects) when the tail is to stop. */
  readonly wait: (ms: number) => Promise<void>;
  readonly stopped: () => boolean;
}

export const tailLogs = async (options: TailOptions): Promise<void> => {
  let startTime = options.since;
  let printedAtStart = new Set<string>();
  for (;;) {
    let nextToken: string | undefined;
    do {
      const page = await options.filterPage({ startTime, ...(nextToken !== undefined ? { nextToken } : {}) });
      for (const event of page.events ?? []) {
        const timestamp = event.timestamp ?? 0;
        if (timestamp === startTime && event.eventId !== undefined && printedAtStart.has(event.eventId))
          continue;
        if (timestamp > startTime) {
          startTime = timestamp;
          printedAtStart = new Set();
        }
        if (event.eventId !== undefined && timestamp === startTime) printedAtStart.add(event.eventId);
        options.print(event);
      }
      nextToken = page.nextToken;
    } while (nextToken !== undefined && !options.stopped());
    if (!options.follow || options.stopped()) return;
    await options.wait(options.pollIntervalMs);
    if (options.stopped()) return;
  }
};

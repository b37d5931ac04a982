import type { LogStore } from '@berth/telemetry';

/** What every Logs use case runs on: the telemetry store and the clock. */
export interface ServiceDeps {
  readonly store: LogStore;
  readonly now: () => number;
}

/**
 * The agent acting as the awslogs driver for the task engine. Containers keep json-file on the host
 * (spec-resources.ts); for each container whose logConfiguration says awslogs, `prepare` creates its
 * stream before the container starts (failing the start as Docker does when it cannot), and
 * `follow` runs a ContainerLogShipper until the container stops; `release` forgets it (and its
 * offset) when the container is removed. `close` stops every shipper; a restarted agent resumes
 * each one from its saved offset.
 */
import type { ContainerDefinition } from '@berth/wire/ecs';

import type { ContainerRuntime } from '../runtime/container-runtime.js';
import { RuntimeError } from '../runtime/runtime-error.js';
import { Backoff, sleep } from '../session/backoff.js';
import { logStreamName, parseAwslogsOptions, type AwslogsOptions } from './awslogs-options.js';
import { ContainerLogShipper, type ShipperDeps } from './container-log-shipper.js';
import { LogOffsets } from './log-offsets.js';
import { ensureLogStream, LogStreamSetupError, type LogsApi } from './logs-client.js';

/** How long `prepare` retries a Logs endpoint that does not answer before failing the start. */
const PREPARE_DEADLINE_MS = 30_000;

/** What the task engine asks of log shipping (absent: logs stay in json-file only). */
export interface ContainerLogShipping {
  /** Before start: the container's log stream exists. Rejects with CannotStartContainerError. */
  prepare(taskArn: string, definition: ContainerDefinition, containerId: string): Promise<void>;
  /** The container has started (or was found started): ship its output until it stops. Idempotent. */
  follow(taskArn: string, definition: ContainerDefinition, containerId: string): void;
  /** The container is being removed: its shipper (finished by now) and its offset go with it. */
  release(containerId: string): Promise<void>;
  /** Stops shipping; `drainMs` gives shippers of stopped containers that long to finish first. */
  close(drainMs?: number): Promise<void>;
}

const settleWithin = async (ms: number, work: Promise<unknown>): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
};

export interface LogShippingDeps {
  readonly runtime: Pick<ContainerRuntime, 'readLogs'>;
  /** The agent's state directory (offsets live under it). */
  readonly stateDir: string;
  /** A Logs client signed for `region`, to the agent's endpoint with its credentials. */
  readonly logsFor: (region: string) => LogsApi;
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly flushIntervalMs?: number;
  readonly prepareDeadlineMs?: number;
}

/** Docker's wording: `Error response from daemon: failed to initialize logging driver: <why>`. */
export const loggingDriverError = (why: string): RuntimeError =>
  new RuntimeError(
    'CannotStartContainerError',
    `Error response from daemon: failed to initialize logging driver: ${why}`,
  );

const awslogsOf = (definition: ContainerDefinition): AwslogsOptions | string | undefined => {
  const config = definition.logConfiguration;
  if (config?.logDriver !== 'awslogs') return undefined;
  const parsed = parseAwslogsOptions(config.options ?? {});
  return parsed.ok ? parsed.options : parsed.error;
};

export class LogShipping implements ContainerLogShipping {
  private readonly offsets: LogOffsets;
  private readonly shippers = new Map<string, ContainerLogShipper>();
  private closed = false;

  constructor(private readonly deps: LogShippingDeps) {
    this.offsets = new LogOffsets(deps.stateDir);
  }

  async prepare(taskArn: string, definition: ContainerDefinition, containerId: string): Promise<void> {
    const options = awslogsOf(definition);
    if (options === undefined) return;
    if (typeof options === 'string') throw loggingDriverError(options);
    const target = {
      group: options.group,
      stream: logStreamName(options, definition.name ?? '', taskArn, containerId),
      createGroup: options.createGroup,
    };
    const api = this.deps.logsFor(options.region);
    const deadline = this.deps.now() + (this.deps.prepareDeadlineMs ?? PREPARE_DEADLINE_MS);
    const backoff = new Backoff();
    for (;;) {
      try {
        await ensureLogStream(api, target);
        return;
      } catch (error) {
        const setup =
          error instanceof LogStreamSetupError ? error : new LogStreamSetupError(String(error), false);
        if (setup.permanent || this.deps.now() >= deadline) throw loggingDriverError(setup.message);
        await sleep(backoff.next());
      }
    }
  }

  follow(taskArn: string, definition: ContainerDefinition, containerId: string): void {
    if (this.closed || this.shippers.has(containerId)) return;
    const options = awslogsOf(definition);
    if (options === undefined || typeof options === 'string') return;
    const name = definition.name ?? '';
    const shipperDeps: ShipperDeps = {
      runtime: this.deps.runtime,
      logs: this.deps.logsFor(options.region),
      offsets: this.offsets,
      now: this.deps.now,
      log: (message, fields) => this.deps.log(message, { taskArn, ...fields }),
      ...(this.deps.flushIntervalMs === undefined ? {} : { flushIntervalMs: this.deps.flushIntervalMs }),
    };
    const shipper = new ContainerLogShipper(shipperDeps, {
      containerId,
      containerName: name,
      streamName: logStreamName(options, name, taskArn, containerId),
      options,
    });
    this.shippers.set(containerId, shipper);
    shipper.start();
  }

  async release(containerId: string): Promise<void> {
    const shipper = this.shippers.get(containerId);
    this.shippers.delete(containerId);
    await shipper?.stop();
    this.offsets.forget(containerId);
  }

  /** Stops every shipper, first giving those whose container stopped up to `drainMs` to ship the rest. */
  async close(drainMs = 0): Promise<void> {
    this.closed = true;
    const shippers = [...this.shippers.values()];
    if (drainMs > 0) await settleWithin(drainMs, Promise.all(shippers.map((s) => s.finished())));
    await Promise.all(shippers.map((s) => s.stop()));
  }
}

/**
 * Helpers for engine and runtime tests against the real Docker daemon: unique owners, a task
 * builder, a recording TaskEngine, condition waits with deadlines, and cleanup by owner label.
 */
import { request } from 'node:http';

import type { TaskReport } from '@berth/wire/agent';
import Dockerode from 'dockerode';

import { createHash } from 'node:crypto';

import type { EngineConfig } from '../engine/engine-config.js';
import { TaskEngine, type TaskEngineOptions } from '../engine/task-engine.js';
import type { UlimitPolicy } from '../engine/ulimit-grants.js';
import { parseBlock, type AddressBlock } from '../host/address-block.js';
import { TaskAddresses } from '../host/task-addresses.js';
import { DockerRuntime } from '../runtime/docker/docker-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import { CLUSTER_ARN } from './task-fixtures.test-support.js';

export * from './task-fixtures.test-support.js';

export const docker = new Dockerode();

export const TEST_ENGINE_CONFIG: EngineConfig = {
  imagePullBehavior: 'prefer-cached',
  containerStopTimeoutSeconds: 2,
  resyncIntervalSeconds: 2,
};

/**
 * A test engine's address block: a /24 of 127.200.0.0/16 picked by its instance ARN, away from the
 * agents' default pool (127.1.0.0/16), so tests never take an address a running Berth could use.
 */
export const testAddressBlock = (instanceArn: string): AddressBlock => {
  const n = createHash('sha256').update(instanceArn).digest()[0] ?? 0;
  return parseBlock(`127.200.${n}.0/24`) as AddressBlock;
};

export class EngineHarness {
  readonly reports: TaskReport[] = [];
  readonly logs: string[] = [];
  readonly runtime = new DockerRuntime({ docker });
  readonly engine: TaskEngine;

  constructor(
    readonly instanceArn: string,
    config: EngineConfig = TEST_ENGINE_CONFIG,
    ulimits?: UlimitPolicy,
    extra: Partial<TaskEngineOptions> = {},
  ) {
    this.engine = new TaskEngine({
      ...extra,
      addresses: new TaskAddresses(testAddressBlock(instanceArn), this.runtime),
      ...(ulimits ? { ulimits } : {}),
      runtime: this.runtime,
      containerInstanceArn: instanceArn,
      clusterArn: CLUSTER_ARN,
      config,
      report: (r) => this.reports.push(r),
      now: Date.now,
      log: (message, fields) => this.logs.push(`${message} ${JSON.stringify(fields ?? {})}`),
      ...extra,
    });
  }

  latest(taskArn: string): TaskReport | undefined {
    return this.reports.filter((r) => r.task === taskArn).at(-1);
  }

  /** Waits until the task's latest report satisfies `predicate`. */
  async waitForReport(
    taskArn: string,
    predicate: (r: TaskReport) => boolean,
    timeoutMs = 20_000,
  ): Promise<TaskReport> {
    return waitUntil(
      () => {
        const r = this.latest(taskArn);
        return r && predicate(r) ? r : undefined;
      },
      timeoutMs,
      () =>
        `task ${taskArn}: last report ${JSON.stringify(this.latest(taskArn))}\nlogs: ${this.logs.join('\n')}`,
    );
  }
}

/** Polls `probe` until it yields a value, or fails after `timeoutMs` with `describe()`. */
export const waitUntil = async <T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  describe: () => string = () => 'condition',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** GET over HTTP on loopback; undefined when the connection fails. */
export const httpGet = (host: string, port: number, path = '/'): Promise<string | undefined> =>
  new Promise((resolve) => {
    const req = request({ host, port, path, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });

/** Removes every container and volume carrying this owner's label. */
export const removeOwned = async (instanceArn: string): Promise<void> => {
  const label = [`${LABELS.containerInstance}=${instanceArn}`];
  const containers = await docker.listContainers({ all: true, filters: { label } });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true })));
  const { Volumes: volumes } = await docker.listVolumes({ filters: { label } });
  await Promise.all((volumes ?? []).map((v) => docker.getVolume(v.Name).remove()));
};

export const containersOf = async (instanceArn: string): Promise<Dockerode.ContainerInfo[]> =>
  docker.listContainers({ all: true, filters: { label: [`${LABELS.containerInstance}=${instanceArn}`] } });

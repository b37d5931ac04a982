import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ControlPlaneClient, ControlPlaneError } from '@berth/agent';
import type { UsageReport } from '@berth/ecs';
import { startControlPlane, type RunningControlPlane } from '@berth/server';

import { fetchUsageReport } from './usage-client.js';
import { usageCommand } from './usage-command.js';

const KEYS = { accessKeyId: 'AKIAUSAGE', secretAccessKey: 'usage-secret' };
const CLUSTER_ARN = 'arn:aws:ecs:us-east-1:000000000000:cluster/default';
// Real time: the server checks signatures against its clock. The running task started 10 min ago.
const T0 = Math.floor(Date.now() / 1000) - 600;
let plane: RunningControlPlane;
let registryDir: string;

const fargateTask = (id: string, task: Record<string, unknown>): unknown => ({
  clusterArn: CLUSTER_ARN,
  task: {
    taskArn: `arn:aws:ecs:us-east-1:000000000000:task/default/${id}`,
    clusterArn: CLUSTER_ARN,
    launchType: 'FARGATE',
    cpu: '512',
    memory: '1024',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    pullStartedAt: T0,
    ...task,
  },
  containerDefinitions: [],
  reservation: { cpu: 512, memory: 1024, ports: [], portsUdp: [] },
  networkMode: 'awsvpc',
  family: 'web',
  revision: 1,
  taskDefinition: {},
});

beforeEach(async () => {
  registryDir = mkdtempSync(join(tmpdir(), 'berth-usage-registry-'));
  plane = await startControlPlane({
    host: '127.0.0.1',
    port: 0,
    store: { kind: 'memory' },
    credentials: [{ ...KEYS, accountId: '000000000000' }],
    stoppedTaskRetentionMs: 3_600_000,
    log: () => undefined,
    serviceResyncIntervalMs: 60_000,
    fargatePrices: { vcpuHour: 3.6, gbHour: 0.36, storageGbHour: 0 },
    registry: { directory: registryDir, port: 0 },
  });
  plane.services.clusters.create(
    { accountId: '000000000000', region: 'us-east-1' },
    { clusterName: 'default' },
  );
  plane.store.transact((tx) => {
    tx.put(
      'task',
      'arn:aws:ecs:us-east-1:000000000000:task/default/t1',
      CLUSTER_ARN,
      fargateTask('t1', { group: 'service:web', stoppedAt: T0 + 100 }),
    );
    tx.put(
      'task',
      'arn:aws:ecs:us-east-1:000000000000:task/default/t2',
      CLUSTER_ARN,
      fargateTask('t2', { group: 'family:batch', lastStatus: 'RUNNING', desiredStatus: 'RUNNING' }),
    );
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await plane.close();
  rmSync(registryDir, { recursive: true, force: true });
});

const client = (keys = KEYS): ControlPlaneClient => new ControlPlaneClient(plane.endpoint, keys, 'us-east-1');

const runUsage = async (...args: string[]): Promise<string> => {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  await usageCommand().parseAsync(
    [
      '--endpoint',
      plane.endpoint,
      '--access-key-id',
      KEYS.accessKeyId,
      '--secret-access-key',
      KEYS.secretAccessKey,
      ...args,
    ],
    { from: 'user' },
  );
  return out;
};

describe('GetUsageReport over the admin API', () => {
  it('answers a signed request with rows, totals and the configured prices', async () => {
    const report = await fetchUsageReport(client(), {});
    const [stopped, running] = report.rows;
    expect(report.rows.map((r) => [r.taskArn.slice(-2), r.running])).toEqual([
      ['t1', false],
      ['t2', true],
    ]);
    // 0.5 vCPU and 1 GB at these prices cost 0.5 × 0.001 + 1 × 0.0001 USD a second.
    expect(stopped).toMatchObject({ billedSeconds: 100, vcpuSeconds: 50, gbSeconds: 100 });
    expect(stopped?.estimatedCost).toBeCloseTo(100 * 0.0006, 12);
    // The running task is metered up to now: ten minutes and the time this test has taken.
    expect(running?.billedSeconds).toBeGreaterThan(600);
    expect(running?.billedSeconds).toBeLessThan(660);
    const seconds = 100 + (running?.billedSeconds ?? 0);
    expect(report.totals).toMatchObject({ tasks: 2, vcpuSeconds: seconds / 2, gbSeconds: seconds });
    expect(report.totals.estimatedCost).toBeCloseTo(seconds * 0.0006, 12);
    expect(report.prices).toEqual({ vcpuHour: 3.6, gbHour: 0.36, storageGbHour: 0 });
    expect(report.currency).toBe('USD');
    expect((await fetchUsageReport(client(), { serviceName: 'web' })).totals.tasks).toBe(1);
    expect((await fetchUsageReport(client(), { task: 't2' })).rows[0]?.group).toBe('family:batch');
  });

  it('gives ECS errors: unknown cluster, wrong member type, bad signature', async () => {
    const failure = (request: unknown, keys = KEYS): Promise<unknown> =>
      client(keys)
        .call('BerthAdminV1.GetUsageReport', request, 5000)
        .then(
          () => 'none',
          (error: unknown) => (error instanceof ControlPlaneError ? `${error.code}/${error.status}` : error),
        );
    expect(await failure({ cluster: 'nope' })).toBe('ClusterNotFoundException/400');
    expect(await failure({ cluster: 7 })).toBe('InvalidParameterException/400');
    expect(await failure({}, { ...KEYS, secretAccessKey: 'wrong' })).toMatch(/\/4\d\d$/);
  });
});

describe('berth usage', () => {
  it('prints a table with a totals line', async () => {
    const out = await runUsage();
    expect(out).toMatch(/^TASK +SERVICE +PROVIDER +CPU +MEMORY +STATE +SECONDS +VCPU-S +GB-S +COST\n/);
    expect(out).toMatch(/\nt1 +web +FARGATE +512 +1024 +STOPPED +100 +50\.00 +100\.00 +0\.060000\n/);
    expect(out).toMatch(/\nt2 +- +FARGATE +512 +1024 +RUNNING +6\d\d +3\d\d\.\d\d +6\d\d\.00 +0\.3\d{5}\n/);
    expect(out).toMatch(
      /\nTOTAL 2 tasks: 3\d\d\.\d\d vCPU-s, 7\d\d\.00 GB-s, 0\.00 storage GB-s, estimated 0\.4\d{5} USD\n/,
    );
  });

  it('prints the raw response with --json, and passes the filters', async () => {
    const report = JSON.parse(
      await runUsage('--json', '--cluster', 'default', '--service', 'web'),
    ) as UsageReport;
    expect(report.rows.map((r) => r.serviceName)).toEqual(['web']);
    await expect(runUsage('--cluster', 'nope')).rejects.toThrow(
      'ClusterNotFoundException: Cluster not found.',
    );
  });
});

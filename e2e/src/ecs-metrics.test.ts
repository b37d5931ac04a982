/**
 * AWS/ECS metrics end to end: a FARGATE service of one 256-unit task spinning on its CPU reads
 * about 100 % CPUUtilization for {ClusterName, ServiceName}, as published through
 * `berth server --metrics-log`, and Docker's own `docker stats` agrees (a quarter of one CPU).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, tempDir, type BerthProcess } from './support/berth-process.js';
import { awsOk, docker } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { serviceTasks, waitClusterStopped, waitServicesStable } from './support/services.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const CLUSTER = 'metrics';
const SERVICE = 'burn';
const TASK_CPU_UNITS = 256;
/** A minute must end, wait for late samples, and the controller's 60 s tick must come round. */
const PUBLISH_WAIT_MS = 200_000;

interface LoggedDatum {
  readonly MetricName: string;
  readonly Dimensions: readonly { Name: string; Value: string }[];
  readonly StatisticValues: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
}

let berth: BerthProcess;
let metricsLog = '';

const loggedData = (): LoggedDatum[] => {
  let text = '';
  try {
    text = readFileSync(metricsLog, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as LoggedDatum);
};

const isServiceCpu = (d: LoggedDatum): boolean =>
  d.MetricName === 'CPUUtilization' &&
  JSON.stringify(d.Dimensions) ===
    JSON.stringify([
      { Name: 'ClusterName', Value: CLUSTER },
      { Name: 'ServiceName', Value: SERVICE },
    ]);

beforeAll(async () => {
  ensureTestImages();
  metricsLog = join(tempDir('berth-metrics-'), 'metrics.jsonl');
  berth = await startServer({ extraArgs: ['--stats-interval', '2', '--metrics-log', metricsLog] });
  awsOk(berth.env, ['ecs', 'create-cluster', '--cluster-name', CLUSTER]);
});
afterAll(async () => {
  if (berth) {
    awsOk(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', SERVICE, '--force']);
    await waitClusterStopped(berth.env, CLUSTER);
    await berth.stop();
  }
});

describe('AWS/ECS metrics', () => {
  it(
    'a FARGATE task burning its 256 CPU units reads ~100 % CPUUtilization, and docker stats agrees',
    async () => {
      registerFargate(
        berth.env,
        'metrics-burn',
        [
          {
            name: 'burn',
            image: 'berth-test/busybox:latest',
            essential: true,
            command: ['sh', '-c', 'while :; do :; done'],
          },
        ],
        { cpu: String(TASK_CPU_UNITS), memory: '512' },
      );
      awsOk(berth.env, [
        'ecs',
        'create-service',
        '--cluster',
        CLUSTER,
        '--service-name',
        SERVICE,
        '--task-definition',
        'metrics-burn',
        '--desired-count',
        '1',
        '--launch-type',
        'FARGATE',
        '--network-configuration',
        AWSVPC_NETWORK,
      ]);
      await waitServicesStable(berth.env, CLUSTER, SERVICE);
      const taskArn: string = serviceTasks(berth.env, CLUSTER, SERVICE)[0]?.taskArn ?? '';

      const datum = await waitFor(
        () => loggedData().find(isServiceCpu),
        'a published CPUUtilization minute for the service',
        PUBLISH_WAIT_MS,
        1000,
      );
      const average = datum.StatisticValues.Sum / datum.StatisticValues.SampleCount;
      expect(datum.StatisticValues.SampleCount).toBe(1);
      expect(Math.abs(average - 100)).toBeLessThan(15);
      expect(loggedData().some((d) => d.MetricName === 'MemoryUtilization')).toBe(true);

      const listed = docker([
        'ps',
        '-q',
        '--filter',
        `label=com.amazonaws.ecs.task-arn=${taskArn}`,
        '--filter',
        'label=com.amazonaws.ecs.container-name=burn',
      ]);
      const containerId = listed.stdout.trim();
      expect(containerId, `docker ps: ${listed.stderr}`).toMatch(/^[0-9a-f]+$/);
      const stats = docker(['stats', '--no-stream', '--format', '{{.CPUPerc}}', containerId]);
      const dockerPercent = Number.parseFloat(stats.stdout);
      expect(dockerPercent, `docker stats: ${stats.stdout} ${stats.stderr}`).toBeGreaterThan(0);
      // Docker's percentage is of one CPU: 100 % of 256 units is 25 %.
      const ourPercentOfOneCpu = (average * TASK_CPU_UNITS) / 1024;
      expect(Math.abs(dockerPercent - ourPercentOfOneCpu)).toBeLessThan(8);
    },
    PUBLISH_WAIT_MS + 60_000,
  );
});

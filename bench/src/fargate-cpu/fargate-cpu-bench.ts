/**
 * Is a FARGATE task held to its CPU share? A task whose two threads could burn two cores runs at
 * Fargate sizes 0.25, 0.5 and 1 vCPU; its cgroup quota should hold it to that share. Against the
 * physical floor (the same load unlimited, `docker run`) and Docker's own limit (`--cpus`), each
 * measured alone over the same window.
 */
import {
  DescribeTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';

import type { BenchConfig } from '../config.js';
import { benchLabel, docker } from '../docker-cli.js';
import { ecsClient } from '../ecs-client.js';

import { measureCores } from './container-cpu.js';

/** Two busy threads: demand of two cores, so a one-vCPU limit binds too. */
const BURN = ['sh', '-c', 'for i in 1 2; do (while :; do :; done) & done; wait'];
const SIZES = [
  { cpu: 256, memory: 512 },
  { cpu: 512, memory: 1024 },
  { cpu: 1024, memory: 2048 },
] as const;

export interface CpuMeasurement {
  readonly system: string;
  /** vCPU the system was asked to hold the load to (undefined: unlimited). */
  readonly limit?: number;
  readonly cores: number;
}

export interface FargateCpuResults {
  readonly measureSeconds: number;
  readonly measurements: CpuMeasurement[];
  readonly errors: Record<string, string>;
}

const waitFor = async <T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const measureDockerRun = async (
  config: BenchConfig,
  seconds: number,
  cpus: number | undefined,
): Promise<number> => {
  const id = await docker([
    'run',
    '-d',
    '--label',
    benchLabel,
    ...(cpus === undefined ? [] : ['--cpus', String(cpus)]),
    config.testImage,
    ...BURN,
  ]);
  try {
    return await measureCores(id, seconds);
  } finally {
    await docker(['rm', '-f', id]);
  }
};

const measureFargateTask = async (
  config: BenchConfig,
  endpoint: string,
  seconds: number,
  size: { cpu: number; memory: number },
): Promise<number> => {
  const ecs = ecsClient(config, endpoint);
  const family = `bench-burn-${size.cpu}`;
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: String(size.cpu),
      memory: String(size.memory),
      containerDefinitions: [{ name: 'burn', image: config.testImage, essential: true, command: BURN }],
    }),
  );
  const run = await ecs.send(
    new RunTaskCommand({
      taskDefinition: family,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-bench'] } },
    }),
  );
  const taskArn = run.tasks?.[0]?.taskArn;
  if (!taskArn) throw new Error(`RunTask placed nothing: ${JSON.stringify(run.failures)}`);
  try {
    const runtimeId = await waitFor(async () => {
      const task = (await ecs.send(new DescribeTasksCommand({ tasks: [taskArn] }))).tasks?.[0];
      return task?.lastStatus === 'RUNNING' ? task.containers?.[0]?.runtimeId : undefined;
    }, `task ${taskArn} RUNNING`);
    return await measureCores(runtimeId, seconds);
  } finally {
    // The burning shell ignores SIGTERM: wait for the stop (SIGKILL after the stop timeout), so the
    // next size measures alone and nothing is left running when the server stops.
    await ecs.send(new StopTaskCommand({ task: taskArn }));
    await waitFor(async () => {
      const task = (await ecs.send(new DescribeTasksCommand({ tasks: [taskArn] }))).tasks?.[0];
      return task?.lastStatus === 'STOPPED' ? true : undefined;
    }, `task ${taskArn} STOPPED`);
    ecs.destroy();
  }
};

export const benchFargateCpu = async (
  config: BenchConfig,
  endpoint: string,
  measureSeconds: number,
  progress: (text: string) => void,
): Promise<FargateCpuResults> => {
  const results: FargateCpuResults = { measureSeconds, measurements: [], errors: {} };
  const attempt = async (
    system: string,
    limit: number | undefined,
    body: () => Promise<number>,
  ): Promise<void> => {
    progress(`fargate cpu: ${system}`);
    try {
      results.measurements.push({ system, ...(limit === undefined ? {} : { limit }), cores: await body() });
    } catch (error) {
      results.errors[system] = error instanceof Error ? error.message : String(error);
    }
  };
  await attempt('docker run (unlimited, floor)', undefined, () =>
    measureDockerRun(config, measureSeconds, undefined),
  );
  for (const size of SIZES) {
    const vcpu = size.cpu / 1024;
    await attempt(`berth FARGATE cpu ${size.cpu}`, vcpu, () =>
      measureFargateTask(config, endpoint, measureSeconds, size),
    );
    await attempt(`docker run --cpus ${vcpu}`, vcpu, () => measureDockerRun(config, measureSeconds, vcpu));
  }
  return results;
};

export const renderFargateCpu = (results: FargateCpuResults): string[] => [
  `FARGATE task CPU limit (two busy threads, ${results.measureSeconds} s each, measured alone)`,
  `  ${'system'.padEnd(34)} ${'limit'.padStart(6)} ${'cores'.padStart(7)} ${'cores/limit'.padStart(12)}`,
  ...results.measurements.map(
    (m) =>
      `  ${m.system.padEnd(34)} ${(m.limit === undefined ? '-' : m.limit.toFixed(2)).padStart(6)} ${m.cores
        .toFixed(3)
        .padStart(7)} ${(m.limit === undefined ? '-' : (m.cores / m.limit).toFixed(3)).padStart(12)}`,
  ),
  ...Object.entries(results.errors).map(([system, error]) => `  ${system}: FAILED ${error}`),
];

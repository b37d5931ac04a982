/** Helpers for service suites: task views and a sampler that records counts while a rollout runs. */
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';

import { TEST_CREDENTIALS, TEST_REGION } from './berth-process.js';
import { awsAsync, awsOk } from './clients.js';
import { waitFor } from './wait-for.js';

/** `aws ecs wait services-stable` for one service; rejects with the CLI's output when it fails. */
export const waitServicesStable = async (
  env: NodeJS.ProcessEnv,
  cluster: string,
  service: string,
): Promise<void> => {
  const args = ['ecs', 'wait', 'services-stable', '--cluster', cluster, '--services', service];
  const result = await awsAsync(env, args);
  if (result.status !== 0)
    throw new Error(`aws ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
};

export const describeService = (env: NodeJS.ProcessEnv, cluster: string, service: string): any =>
  awsOk(env, ['ecs', 'describe-services', '--cluster', cluster, '--services', service]).services[0];

export const serviceTasks = (
  env: NodeJS.ProcessEnv,
  cluster: string,
  service: string,
  desired = 'RUNNING',
): any[] => {
  const arns: string[] = awsOk(env, [
    'ecs',
    'list-tasks',
    '--cluster',
    cluster,
    '--service-name',
    service,
    '--desired-status',
    desired,
  ]).taskArns;
  if (arns.length === 0) return [];
  return awsOk(env, ['ecs', 'describe-tasks', '--cluster', cluster, '--tasks', ...arns]).tasks;
};

export interface Sample {
  readonly running: number;
  readonly pending: number;
  readonly deployments: number;
}

/** Samples a service's counts every ~200 ms (with the SDK, so it runs beside a CLI waiter) until stopped. */
export const sampleService = (
  endpoint: string,
  cluster: string,
  service: string,
): { stop: () => Promise<Sample[]> } => {
  const ecs = new ECSClient({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
      const s = out.services?.[0];
      if (s)
        samples.push({
          running: s.runningCount ?? 0,
          pending: s.pendingCount ?? 0,
          deployments: s.deployments?.length ?? 0,
        });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      ecs.destroy();
      return samples;
    },
  };
};

/**
 * Waits until every task of the cluster has really stopped (lastStatus STOPPED, not only desired),
 * so an agent stopped afterwards leaves no container behind.
 */
export const waitClusterStopped = (env: NodeJS.ProcessEnv, cluster: string): Promise<true> =>
  waitFor(
    () => {
      const live: string[] = awsOk(env, ['ecs', 'list-tasks', '--cluster', cluster]).taskArns;
      if (live.length > 0) return false;
      const arns: string[] = awsOk(env, [
        'ecs',
        'list-tasks',
        '--cluster',
        cluster,
        '--desired-status',
        'STOPPED',
      ]).taskArns;
      if (arns.length === 0) return true;
      const tasks: any[] = awsOk(env, [
        'ecs',
        'describe-tasks',
        '--cluster',
        cluster,
        '--tasks',
        ...arns.slice(0, 100),
      ]).tasks;
      return tasks.every((t) => t.lastStatus === 'STOPPED');
    },
    `every task of ${cluster} stopped`,
    120_000,
    1000,
  );

/**
 * Stops every task of the cluster and waits until they have stopped: for servers with a data
 * directory, whose tasks outlive them (a failed test must not leave its containers running).
 */
export const stopClusterTasks = async (env: NodeJS.ProcessEnv, cluster: string): Promise<true> => {
  const live: string[] = awsOk(env, ['ecs', 'list-tasks', '--cluster', cluster]).taskArns;
  for (const task of live) awsOk(env, ['ecs', 'stop-task', '--cluster', cluster, '--task', task]);
  return waitClusterStopped(env, cluster);
};

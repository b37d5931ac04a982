/**
 * Issue 8's failed rollout, with the aws CLI against real FARGATE tasks: a 2-task service (circuit
 * breaker with rollback) is updated, right after `aws ecs wait services-stable`, to a revision whose
 * container exits 3. Sampled every second, it never has fewer RUNNING tasks of the good revision
 * than its floor allows — at least 1 at min 50 %, both at min 100 % (the old tasks are untouched
 * until new ones are healthy) — and it ends with a rollback deployment COMPLETED on FARGATE and two
 * RUNNING tasks of the good revision, its events naming the failure and the rollback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk } from './support/clients.js';
import { describeService, waitClusterStopped, waitServicesStable } from './support/services.js';
import { sampleServiceTasks } from './support/task-sampler.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

let berth: BerthProcess;

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
});
afterAll(async () => {
  await berth?.stop();
});

const register = (family: string, command?: string[]): string =>
  registerFargate(berth.env, family, [
    {
      name: 'web',
      image: 'berth-test/busybox:latest',
      portMappings: [{ containerPort: 80 }],
      ...(command ? { command } : {}),
    },
  ]);

const rollOutAndFail = async (cluster: string, min: number): Promise<void> => {
  awsOk(berth.env, ['ecs', 'create-cluster', '--cluster-name', cluster]);
  const good = register(`${cluster}-web`);
  awsOk(berth.env, [
    'ecs',
    'create-service',
    '--cluster',
    cluster,
    '--service-name',
    'web',
    '--task-definition',
    good,
    '--desired-count',
    '2',
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
    '--deployment-configuration',
    `minimumHealthyPercent=${min},maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=true}`,
  ]);
  await waitServicesStable(berth.env, cluster, 'web');
  const first = describeService(berth.env, cluster, 'web').deployments[0];
  expect(first.rolloutState).toBe('COMPLETED');

  const crashing = register(`${cluster}-web`, ['sh', '-c', 'exit 3']);
  const sampler = sampleServiceTasks(berth.endpoint, cluster, 'web');
  const failing = awsOk(berth.env, [
    'ecs',
    'update-service',
    '--cluster',
    cluster,
    '--service',
    'web',
    '--task-definition',
    crashing,
  ]).service.deployments[0];
  const service = await waitFor(
    () => {
      const s = describeService(berth.env, cluster, 'web');
      const [only] = s.deployments;
      const rolledBack =
        s.deployments.length === 1 && only.taskDefinition === good && only.rolloutState === 'COMPLETED';
      return rolledBack && s.runningCount === 2 ? s : undefined;
    },
    'the rollback to complete',
    240_000,
    1000,
  );
  const samples = await sampler.stop();

  const goodRunning = samples.map((s) => [...s.running.values()].filter((td) => td === good).length);
  expect(samples.length).toBeGreaterThan(20);
  expect(Math.min(...goodRunning)).toBeGreaterThanOrEqual(Math.ceil((2 * min) / 100));
  // The crashing revision really ran, and exited 3, three times or more (the breaker's threshold).
  const stoppedArns: string[] = awsOk(berth.env, [
    'ecs',
    'list-tasks',
    '--cluster',
    cluster,
    '--desired-status',
    'STOPPED',
  ]).taskArns;
  const crashed = awsOk(berth.env, [
    'ecs',
    'describe-tasks',
    '--cluster',
    cluster,
    '--tasks',
    ...stoppedArns,
  ]).tasks.filter((t: any) => t.taskDefinitionArn === crashing);
  expect(crashed.filter((t: any) => t.containers[0].exitCode === 3).length).toBeGreaterThanOrEqual(3);

  const [rollback] = service.deployments;
  expect(rollback.id).not.toBe(first.id);
  expect(rollback).toMatchObject({ launchType: 'FARGATE', platformVersion: 'LATEST', desiredCount: 2 });
  const tasks = awsOk(berth.env, [
    'ecs',
    'describe-tasks',
    '--cluster',
    cluster,
    '--tasks',
    ...awsOk(berth.env, ['ecs', 'list-tasks', '--cluster', cluster, '--service-name', 'web']).taskArns,
  ]).tasks;
  expect(tasks.map((t: any) => [t.lastStatus, t.taskDefinitionArn, t.launchType])).toEqual([
    ['RUNNING', good, 'FARGATE'],
    ['RUNNING', good, 'FARGATE'],
  ]);
  const messages: string[] = service.events.map((e: any) => e.message);
  expect(messages).toContain(
    `(service web) (deployment ${failing.id}) deployment failed: tasks failed to start.`,
  );
  expect(messages).toContain(`(service web) rolling back to deployment ${rollback.id}.`);
  const history = awsOk(berth.env, [
    'ecs',
    'list-service-deployments',
    '--cluster',
    cluster,
    '--service',
    'web',
  ]).serviceDeployments;
  expect(history.map((d: any) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);

  awsOk(berth.env, ['ecs', 'delete-service', '--cluster', cluster, '--service', 'web', '--force']);
  await waitClusterStopped(berth.env, cluster);
};

describe('a failed FARGATE rollout never takes the service down, and rolls back onto FARGATE', () => {
  it(
    'min 50 %: at least one task of the good revision runs at every sample',
    () => rollOutAndFail('rollout-50', 50),
    360_000,
  );
  it(
    'min 100 %: both tasks of the good revision run at every sample',
    () => rollOutAndFail('rollout-100', 100),
    360_000,
  );
});

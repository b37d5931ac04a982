/**
 * Capacity providers with the aws CLI and the `berth` admin commands against real agents and
 * containers: a base/weight strategy across two Auto Scaling group providers (agents started with
 * --auto-scaling-group), FARGATE_SPOT interruption and replacement, and the usage report of a
 * FARGATE task that ran about 70 seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startAgent, startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk, berthCli } from './support/clients.js';
import { serviceTasks, waitClusterStopped } from './support/services.js';
import { sleeperDefinitions } from './support/sleeper.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const SPOT_WARNING_SECONDS = 3;
let server: BerthProcess;
const agents: BerthProcess[] = [];

const registerApp = (family: string, cpu: string, memory: string, command: string[]): string =>
  registerFargate(
    server.env,
    family,
    [{ name: 'app', image: 'berth-test/busybox:latest', essential: true, command }],
    {
      cpu,
      memory,
    },
  );

const describeTask = (cluster: string, arn: string): any =>
  awsOk(server.env, ['ecs', 'describe-tasks', '--cluster', cluster, '--tasks', arn]).tasks[0];

// A FARGATE task that runs ~70 s by itself, started first so the other tests run meanwhile.
let meteredTaskArn = '';

beforeAll(async () => {
  ensureTestImages();
  server = await startServer({ extraArgs: ['--spot-warning-seconds', String(SPOT_WARNING_SECONDS)] });
  awsOk(server.env, [
    'ecs',
    'create-cluster',
    '--cluster-name',
    'metered',
    '--capacity-providers',
    'FARGATE',
  ]);
  registerApp('seventy-seconds', '1024', '2048', ['sleep', '70']);
  meteredTaskArn = awsOk(server.env, [
    'ecs',
    'run-task',
    '--cluster',
    'metered',
    '--task-definition',
    'seventy-seconds',
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
  ]).tasks[0].taskArn;
});
afterAll(async () => {
  // The split service's tasks run on agents of their own, which leave running containers behind.
  if (agents.length > 0) await waitClusterStopped(server.env, 'split');
  await Promise.all(agents.map((a) => a.stop()));
  await server?.stop();
});

describe('capacity providers', () => {
  it('splits a service across two Auto Scaling group providers by base and weight', async () => {
    for (const group of ['asg-a', 'asg-b']) {
      const created = awsOk(server.env, [
        'ecs',
        'create-capacity-provider',
        '--name',
        `provider-${group}`,
        '--auto-scaling-group-provider',
        `autoScalingGroupArn=arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1f2e3d4c-0000-4000-8000-000000000000:autoScalingGroupName/${group}`,
      ]).capacityProvider;
      expect(created).toMatchObject({ name: `provider-${group}`, status: 'ACTIVE' });
    }
    awsOk(server.env, [
      'ecs',
      'create-cluster',
      '--cluster-name',
      'split',
      '--capacity-providers',
      'provider-asg-a',
      'provider-asg-b',
    ]);
    const instanceOf: Record<string, string> = {};
    for (const group of ['asg-a', 'asg-b']) {
      const agent = await startAgent({
        endpoint: server.endpoint,
        cluster: 'split',
        extraArgs: ['--auto-scaling-group', group],
      });
      agents.push(agent);
      instanceOf[agent.instanceArn] = `provider-${group}`;
    }
    const instances = awsOk(server.env, [
      'ecs',
      'describe-container-instances',
      '--cluster',
      'split',
      '--container-instances',
      ...Object.keys(instanceOf),
    ]).containerInstances;
    for (const i of instances) expect(i.capacityProviderName).toBe(instanceOf[i.containerInstanceArn]);

    awsOk(server.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'split',
      '--container-definitions',
      sleeperDefinitions(8),
    ]);
    awsOk(server.env, [
      'ecs',
      'create-service',
      '--cluster',
      'split',
      '--service-name',
      'split',
      '--task-definition',
      'split',
      '--desired-count',
      '12',
      '--capacity-provider-strategy',
      'capacityProvider=provider-asg-a,base=2,weight=1',
      'capacityProvider=provider-asg-b,weight=4',
    ]);
    const tasks = await waitFor(
      () => {
        const all = serviceTasks(server.env, 'split', 'split');
        return all.length === 12 && all.every((t) => t.lastStatus === 'RUNNING') && all;
      },
      '12 RUNNING tasks',
      90_000,
    );
    const byProvider = (name: string): any[] => tasks.filter((t) => t.capacityProviderName === name);
    expect(byProvider('provider-asg-a')).toHaveLength(4);
    expect(byProvider('provider-asg-b')).toHaveLength(8);
    for (const t of tasks) expect(instanceOf[t.containerInstanceArn]).toBe(t.capacityProviderName);
    expect(tasks.every((t) => t.launchType === undefined || t.launchType === 'EC2')).toBe(true);
    awsOk(server.env, ['ecs', 'delete-service', '--cluster', 'split', '--service', 'split', '--force']);
  }, 180_000);

  it('interrupts FARGATE_SPOT tasks with SpotInterruption and the service replaces them', async () => {
    awsOk(server.env, [
      'ecs',
      'create-cluster',
      '--cluster-name',
      'spot',
      '--capacity-providers',
      'FARGATE',
      'FARGATE_SPOT',
      '--default-capacity-provider-strategy',
      'capacityProvider=FARGATE_SPOT,weight=1',
    ]);
    // It ignores SIGTERM: the task lives until the warning runs out, as a real spot task may.
    registerApp('spot-app', '256', '512', ['sh', '-c', 'trap "" TERM; while :; do sleep 1; done']);
    awsOk(server.env, [
      'ecs',
      'create-service',
      '--cluster',
      'spot',
      '--service-name',
      'spot',
      '--task-definition',
      'spot-app',
      '--desired-count',
      '2',
      '--network-configuration',
      AWSVPC_NETWORK,
    ]);
    const first = await waitFor(
      () => {
        const all = serviceTasks(server.env, 'spot', 'spot');
        return all.length === 2 && all.every((t) => t.lastStatus === 'RUNNING') && all;
      },
      'two RUNNING spot tasks',
      60_000,
    );
    for (const t of first) {
      expect(t).toMatchObject({ capacityProviderName: 'FARGATE_SPOT', launchType: 'FARGATE' });
    }
    const reclaim = berthCli(server.env, ['reclaim-spot', '--cluster', 'spot']);
    expect(reclaim.status, reclaim.stderr).toBe(0);
    expect(reclaim.stdout).toContain('Reclaimed 2 FARGATE_SPOT task(s)');
    const reclaimedAt = Date.now();
    const stopped = await waitFor(
      () => {
        const all = first.map((t) => describeTask('spot', t.taskArn));
        return all.every((t) => t.lastStatus === 'STOPPED') && all;
      },
      'the interrupted tasks to stop',
      60_000,
    );
    for (const t of stopped) {
      expect(t).toMatchObject({
        stopCode: 'SpotInterruption',
        stoppedReason: 'Your Spot Task was interrupted.',
      });
      // They ignore SIGTERM, so they were killed when the (shortened) warning ran out.
      expect(t.containers[0].exitCode).toBe(137);
    }
    expect(Date.now() - reclaimedAt).toBeGreaterThanOrEqual(SPOT_WARNING_SECONDS * 1000 - 500);
    await waitFor(
      () => {
        const all = serviceTasks(server.env, 'spot', 'spot');
        const fresh = all.filter((t) => !first.some((f) => f.taskArn === t.taskArn));
        return fresh.length === 2 && fresh.every((t) => t.lastStatus === 'RUNNING');
      },
      'two replacement tasks',
      60_000,
    );
    awsOk(server.env, ['ecs', 'delete-service', '--cluster', 'spot', '--service', 'spot', '--force']);
  }, 180_000);
});

describe('usage metering', () => {
  it('bills a task that ran ~70 s as 70 vCPU-seconds per vCPU, with the matching GB-seconds and price', async () => {
    const task = await waitFor(
      () => {
        const t = describeTask('metered', meteredTaskArn);
        return t.lastStatus === 'STOPPED' && t;
      },
      'the 70-second task to stop',
      150_000,
      1000,
    );
    expect(task.containers[0].exitCode).toBe(0);
    const id = meteredTaskArn.split('/').pop() ?? '';
    const report = berthCli(server.env, ['usage', '--cluster', 'metered', '--task', id, '--json']);
    expect(report.status, report.stderr).toBe(0);
    const row = report.json.rows[0];
    expect(report.json.rows).toHaveLength(1);
    // 1 vCPU, 2 GB: 70 vCPU-seconds (± 1 s) and twice that in GB-seconds.
    expect(Math.abs(row.vcpuSeconds - 70)).toBeLessThanOrEqual(1);
    expect(row.gbSeconds).toBeCloseTo(row.vcpuSeconds * 2, 6);
    const price = (row.vcpuSeconds * 0.04048 + row.gbSeconds * 0.004445) / 3600;
    expect(row.estimatedCost).toBeCloseTo(price, 9);
    const table = berthCli(server.env, ['usage', '--cluster', 'metered']);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain(id);
  }, 200_000);
});

/**
 * Services with the real aws CLI against `berth server` and real containers: desired count kept
 * true, replacement of what dies, rolling updates within the min/max bounds, and the deployment
 * circuit breaker rolling back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startAgent, startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk, docker } from './support/clients.js';
import {
  describeService,
  sampleService,
  serviceTasks,
  waitClusterStopped,
  waitServicesStable,
} from './support/services.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const CLUSTER = 'services';
let berth: BerthProcess;

const register = (family: string, command?: string[]): string =>
  awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--family',
    family,
    '--container-definitions',
    JSON.stringify([
      {
        name: 'web',
        image: 'berth-test/busybox:latest',
        memory: 32,
        portMappings: [{ containerPort: 80 }],
        ...(command ? { command } : {}),
      },
    ]),
  ]).taskDefinition.taskDefinitionArn;

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
  awsOk(berth.env, ['ecs', 'create-cluster', '--cluster-name', CLUSTER]);
  // The embedded agent joined `default`; this suite's cluster gets an agent of its own.
});
afterAll(async () => {
  await berth?.stop();
});

describe('services', () => {
  let webV1 = '';
  let agent: BerthProcess | undefined;
  beforeAll(async () => {
    agent = await startAgent({ endpoint: berth.endpoint, cluster: CLUSTER });
    webV1 = register('svc-web');
  });
  afterAll(async () => {
    for (const name of ['web', 'crashy']) {
      awsOk(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', name, '--force']);
    }
    await waitClusterStopped(berth.env, CLUSTER);
    await agent?.stop();
  });

  it('create-service (desired 2) → services-stable, with ECS fields and events', async () => {
    const created = awsOk(berth.env, [
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      'web',
      '--task-definition',
      'svc-web',
      '--desired-count',
      '2',
    ]).service;
    expect(created).toMatchObject({
      serviceName: 'web',
      status: 'ACTIVE',
      desiredCount: 2,
      launchType: 'EC2',
      schedulingStrategy: 'REPLICA',
      taskDefinition: webV1,
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: false, rollback: false },
      },
      deploymentController: { type: 'ECS' },
    });
    expect(created.deployments).toHaveLength(1);
    expect(created.deployments[0].id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(created.deployments[0]).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'IN_PROGRESS',
      desiredCount: 2,
    });
    await waitServicesStable(berth.env, CLUSTER, 'web');
    const service = describeService(berth.env, CLUSTER, 'web');
    expect(service.deployments).toHaveLength(1);
    expect(service.runningCount).toBe(2);
    const tasks = serviceTasks(berth.env, CLUSTER, 'web');
    expect(tasks.map((t) => t.group)).toEqual(['service:web', 'service:web']);
    expect(tasks.map((t) => t.startedBy)).toEqual([created.deployments[0].id, created.deployments[0].id]);
    expect(service.events.map((e: any) => e.message).join('\n')).toMatch(
      /\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\./,
    );
    expect(awsOk(berth.env, ['ecs', 'list-services', '--cluster', CLUSTER]).serviceArns).toContain(
      service.serviceArn,
    );
  });

  it('replaces a task whose container is killed', async () => {
    const [victim] = serviceTasks(berth.env, CLUSTER, 'web');
    expect(docker(['kill', victim.containers[0].runtimeId]).status).toBe(0);
    await waitFor(
      () => {
        const tasks = serviceTasks(berth.env, CLUSTER, 'web');
        return (
          tasks.length === 2 && tasks.every((t) => t.lastStatus === 'RUNNING' && t.taskArn !== victim.taskArn)
        );
      },
      'a replacement RUNNING',
      60_000,
      500,
    );
    const stopped = awsOk(berth.env, [
      'ecs',
      'describe-tasks',
      '--cluster',
      CLUSTER,
      '--tasks',
      victim.taskArn,
    ]).tasks[0];
    expect(stopped).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited' });
    const events: string[] = describeService(berth.env, CLUSTER, 'web').events.map((e: any) => e.message);
    // The newest start is the replacement (a steady-state event may follow it at once).
    expect(events.find((e) => e.includes(' has started '))).toMatch(
      /^\(service web\) has started 1 tasks: \(task [0-9a-f]{32}\)\.$/,
    );
  });

  for (const [min, max] of [
    [50, 200],
    [100, 200],
  ] as const) {
    it(`rolls to a new task definition within min ${min} / max ${max}`, async () => {
      // Start from a settled service: its deployment COMPLETED, its tasks healthy.
      await waitFor(
        () => describeService(berth.env, CLUSTER, 'web').deployments[0].rolloutState === 'COMPLETED',
        'deployment completed',
        120_000,
        1000,
      );
      const next = register('svc-web', ['sh', '-c', `echo v-${min} > /www/v; exec /bin/serve`]);
      const sampler = sampleService(berth.endpoint, CLUSTER, 'web');
      awsOk(berth.env, [
        'ecs',
        'update-service',
        '--cluster',
        CLUSTER,
        '--service',
        'web',
        '--task-definition',
        next,
        '--deployment-configuration',
        `minimumHealthyPercent=${min},maximumPercent=${max}`,
      ]);
      await waitServicesStable(berth.env, CLUSTER, 'web');
      const samples = await sampler.stop();
      const floor = Math.ceil((2 * min) / 100);
      const ceiling = Math.floor((2 * max) / 100);
      expect(samples.length).toBeGreaterThan(10);
      for (const s of samples) {
        expect(s.running).toBeGreaterThanOrEqual(floor);
        expect(s.running + s.pending).toBeLessThanOrEqual(ceiling);
      }
      expect(samples.some((s) => s.deployments === 2)).toBe(true);
      const service = describeService(berth.env, CLUSTER, 'web');
      expect(service.deployments).toHaveLength(1);
      expect(service.deployments[0].taskDefinition).toBe(next);
      expect(service.taskDefinition).toBe(next);
      const tasks = serviceTasks(berth.env, CLUSTER, 'web');
      expect(tasks.map((t) => t.taskDefinitionArn)).toEqual([next, next]);
    }, 300_000);
  }

  it('circuit breaker: a crashing task definition fails and rolls back to the last completed one', async () => {
    awsOk(berth.env, [
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      'crashy',
      '--task-definition',
      webV1,
      '--desired-count',
      '2',
      '--deployment-configuration',
      'deploymentCircuitBreaker={enable=true,rollback=true},minimumHealthyPercent=100,maximumPercent=200',
    ]);
    await waitFor(
      () => describeService(berth.env, CLUSTER, 'crashy').deployments[0].rolloutState === 'COMPLETED',
      'first deployment completed',
      120_000,
      1000,
    );
    const broken = register('svc-crash', ['sh', '-c', 'exit 1']);
    const failing = awsOk(berth.env, [
      'ecs',
      'update-service',
      '--cluster',
      CLUSTER,
      '--service',
      'crashy',
      '--task-definition',
      broken,
    ]).service.deployments[0];
    await waitFor(
      () => {
        const s = describeService(berth.env, CLUSTER, 'crashy');
        return (
          s.deployments.find((d: any) => d.id === failing.id)?.rolloutState === 'FAILED' ||
          !s.deployments.some((d: any) => d.id === failing.id)
        );
      },
      'the deployment to fail',
      180_000,
      1000,
    );
    await waitServicesStable(berth.env, CLUSTER, 'crashy');
    const service = describeService(berth.env, CLUSTER, 'crashy');
    expect(service.taskDefinition).toBe(webV1);
    expect(service.deployments).toHaveLength(1);
    expect(service.deployments[0].taskDefinition).toBe(webV1);
    const messages: string[] = service.events.map((e: any) => e.message);
    expect(messages).toContain(
      `(service crashy) (deployment ${failing.id}) deployment failed: tasks failed to start.`,
    );
    expect(messages.some((m) => m.startsWith('(service crashy) rolling back to deployment ecs-svc/'))).toBe(
      true,
    );
    // The service deployment history tells the same story.
    const history = awsOk(berth.env, [
      'ecs',
      'list-service-deployments',
      '--cluster',
      CLUSTER,
      '--service',
      'crashy',
    ]).serviceDeployments;
    expect(history.map((d: any) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
    const [rolledBack] = awsOk(berth.env, [
      'ecs',
      'describe-service-deployments',
      '--service-deployment-arns',
      history[0].serviceDeploymentArn,
    ]).serviceDeployments;
    expect(rolledBack.rollback.reason).toBe('ECS deployment circuit breaker: tasks failed to start.');
    expect(rolledBack.rollback.serviceRevisionArn).toBe(history[1].targetServiceRevisionArn);
    const [revision] = awsOk(berth.env, [
      'ecs',
      'describe-service-revisions',
      '--service-revision-arns',
      history[0].targetServiceRevisionArn,
    ]).serviceRevisions;
    expect(revision.taskDefinition).toBe(broken);
  }, 400_000);
});

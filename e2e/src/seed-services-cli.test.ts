/**
 * The seed documents' service walkthrough with the aws CLI: a service from the first seed task
 * definition (FARGATE, awsvpc) on the seed's cluster with the FARGATE default strategy and its
 * deployment configuration, updated to the seed's healthCheck + ulimits revision — whose nofile
 * 65536 is above what this host allows (it caps open files at 20,000 and drops CAP_SYS_RESOURCE) —
 * reaching one COMPLETED deployment with HEALTHY tasks, the lowered limit said in a service event.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { REPO_ROOT, startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk, docker } from './support/clients.js';
import { describeService, serviceTasks, waitClusterStopped, waitServicesStable } from './support/services.js';
import { ensureTestImages } from './support/test-images.js';
import { httpGet, waitFor } from './support/wait-for.js';

const fixture = (name: string): string => `file://${join(REPO_ROOT, 'e2e/fixtures', name)}`;
const CLUSTER = 'my-cluster';
let berth: BerthProcess;

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
});
afterAll(async () => {
  await berth?.stop();
});

it('creates the seed service, updates it to the healthCheck + ulimits revision, and completes with HEALTHY tasks', async () => {
  awsOk(berth.env, [
    'ecs',
    'create-cluster',
    '--cluster-name',
    CLUSTER,
    '--capacity-providers',
    'FARGATE',
    '--default-capacity-provider-strategy',
    'capacityProvider=FARGATE,weight=1',
  ]);
  // The seed's task definition ships its logs with awslogs, to a group it does not create.
  awsOk(berth.env, [
    'logs',
    'create-log-group',
    '--log-group-name',
    '/ecs/web-app-task',
    '--region',
    'ap-northeast-2',
  ]);
  const first = awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--cli-input-json',
    fixture('seed-web-app-task.json'),
  ]).taskDefinition.taskDefinitionArn;
  awsOk(berth.env, [
    'ecs',
    'create-service',
    '--cluster',
    CLUSTER,
    '--service-name',
    'web-service',
    '--task-definition',
    'web-app-task:1',
    '--desired-count',
    '2',
    '--network-configuration',
    'awsvpcConfiguration={subnets=[subnet-12345678],securityGroups=[sg-12345678]}',
    '--deployment-configuration',
    JSON.stringify({
      maximumPercent: 200,
      minimumHealthyPercent: 50,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    }),
  ]);
  await waitServicesStable(berth.env, CLUSTER, 'web-service');
  expect(serviceTasks(berth.env, CLUSTER, 'web-service').map((t) => t.taskDefinitionArn)).toEqual([
    first,
    first,
  ]);

  const optimized = awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--cli-input-json',
    fixture('seed-optimized-web-app.json'),
  ]).taskDefinition.taskDefinitionArn;
  awsOk(berth.env, [
    'ecs',
    'update-service',
    '--cluster',
    CLUSTER,
    '--service',
    'web-service',
    '--task-definition',
    optimized,
  ]);
  const service = await waitFor(
    () => {
      const s = describeService(berth.env, CLUSTER, 'web-service');
      return s.deployments.length === 1 &&
        s.deployments[0].rolloutState === 'COMPLETED' &&
        s.deployments[0].taskDefinition === optimized
        ? s
        : undefined;
    },
    'one COMPLETED deployment of the optimized revision',
    240_000,
    2000,
  );
  expect(service.runningCount).toBe(2);
  const tasks = serviceTasks(berth.env, CLUSTER, 'web-service');
  expect(tasks.map((t) => [t.taskDefinitionArn, t.lastStatus, t.healthStatus])).toEqual([
    [optimized, 'RUNNING', 'HEALTHY'],
    [optimized, 'RUNNING', 'HEALTHY'],
  ]);

  // The host's maximum, as the embedded instance registers it, is what the container got.
  const [instance] = awsOk(berth.env, ['ecs', 'list-container-instances']).containerInstanceArns;
  const attributes = awsOk(berth.env, [
    'ecs',
    'describe-container-instances',
    '--container-instances',
    instance,
  ]).containerInstances[0].attributes;
  const max = attributes.find((a: any) => a.name === 'berth.ulimit-max.nofile')?.value;
  expect(Number(max)).toBeGreaterThan(0);
  const web = tasks[0].containers[0];
  const granted = Number(docker(['exec', web.runtimeId, 'sh', '-c', 'ulimit -n']).stdout.trim());
  expect(granted).toBe(Math.min(65536, Number(max)));
  if (Number(max) < 65536) {
    expect(service.events.map((e: any) => e.message)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\(service web-service\\) \\(task [0-9a-f]{32}\\) \\(container web\\) ulimit nofile 65536:65536 is above this host's maximum of ${max}; it runs with ${max}:${max}`,
        ),
      ),
    );
  }
  const address = tasks[0].attachments[0].details.find((d: any) => d.name === 'privateIPv4Address').value;
  expect((await httpGet(`http://${address}/`)).status).toBe(200);

  awsOk(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', 'web-service', '--force']);
  await waitClusterStopped(berth.env, CLUSTER);
}, 400_000);

/**
 * ECS's native blue/green deployments behind a real listener (aws CLI, real containers, real
 * HAProxy, a steady load of keep-alive requests on the production listener): the green revision
 * comes up in the alternate target group (after a URL hook, served by the test, approved the scale-up),
 * test traffic moves to it first, a PAUSE hook holds the
 * deployment until ContinueServiceDeployment, then production traffic moves with no request
 * failed and only green's targets are left. A green revision that fails its health checks never
 * takes production traffic, and the circuit breaker rolls the deployment back by itself.
 */
import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsAsync, awsOk } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { startLoad } from './support/http-load.js';
import {
  createAlb,
  createListener,
  createTargetGroup,
  defaultRuleOf,
  healthyTargets,
  targetHealth,
  webContainer,
  type Alb,
} from './support/load-balancers.js';
import { describeService, waitClusterStopped, waitServicesStable } from './support/services.js';
import { ensureTestImages } from './support/test-images.js';
import { httpGet, waitFor } from './support/wait-for.js';

const CLUSTER = 'default';
const SERVICE = 'bluegreen';

let berth: BerthProcess;
let alb: Alb;
let blueGroup = '';
let greenGroup = '';
/** An AWS_LAMBDA-type hook's Berth-local target: records each event, answers SUCCEEDED. */
let hookServer: Server;
const hookEvents: any[] = [];

const startHookServer = async (): Promise<string> => {
  hookServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      hookEvents.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ hookStatus: 'SUCCEEDED' }));
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const address = hookServer.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
};

const deployments = (): any[] =>
  awsOk(berth.env, ['ecs', 'list-service-deployments', '--cluster', CLUSTER, '--service', SERVICE])
    .serviceDeployments;

const describeDeployment = (arn: string): any =>
  awsOk(berth.env, ['ecs', 'describe-service-deployments', '--service-deployment-arns', arn])
    .serviceDeployments[0];

const update = (revision: string, answers = true): void => {
  awsOk(berth.env, [
    'ecs',
    'update-service',
    '--cluster',
    CLUSTER,
    '--service',
    SERVICE,
    '--task-definition',
    registerFargate(berth.env, SERVICE, [webContainer(revision, answers)]),
  ]);
};

const versionsOf = (bodies: Iterable<string>): Set<string> =>
  new Set([...bodies].map((b) => b.split(' ')[0] ?? ''));

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
  alb = createAlb(berth.env, 'bg-alb');
  blueGroup = createTargetGroup(berth.env, 'bg-blue', 'ip', 8080, 2);
  greenGroup = createTargetGroup(berth.env, 'bg-green', 'ip', 8080, 2);
  const production = createListener(berth.env, alb.arn, 8080, blueGroup);
  const test = createListener(berth.env, alb.arn, 8081, blueGroup);
  const loadBalancers = [
    {
      targetGroupArn: blueGroup,
      containerName: 'web',
      containerPort: 8080,
      advancedConfiguration: {
        alternateTargetGroupArn: greenGroup,
        productionListenerRule: defaultRuleOf(berth.env, production),
        testListenerRule: defaultRuleOf(berth.env, test),
        roleArn: 'arn:aws:iam::000000000000:role/ecsInfrastructureRole',
      },
    },
  ];
  const deploymentConfiguration = {
    strategy: 'BLUE_GREEN',
    bakeTimeInMinutes: 0,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    lifecycleHooks: [
      {
        targetType: 'AWS_LAMBDA',
        hookTargetArn: await startHookServer(),
        roleArn: 'arn:aws:iam::000000000000:role/ecsHookRole',
        lifecycleStages: ['PRE_SCALE_UP'],
      },
      { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] },
    ],
  };
  awsOk(berth.env, [
    'ecs',
    'create-service',
    '--cluster',
    CLUSTER,
    '--service-name',
    SERVICE,
    '--task-definition',
    registerFargate(berth.env, SERVICE, [webContainer('v1')]),
    '--desired-count',
    '2',
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
    '--deployment-configuration',
    JSON.stringify(deploymentConfiguration),
    '--load-balancers',
    JSON.stringify(loadBalancers),
  ]);
  await waitFor(() => healthyTargets(berth.env, blueGroup).length === 2 && true, 'two blue targets', 90_000);
  await waitServicesStable(berth.env, CLUSTER, SERVICE);
}, 180_000);

afterAll(async () => {
  await awsAsync(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', SERVICE, '--force']);
  await waitClusterStopped(berth.env, CLUSTER);
  await berth?.stop();
  await new Promise((resolve) => hookServer?.close(resolve));
});

describe('a blue/green deployment behind a listener', () => {
  it('moves test traffic, pauses at its hook, then moves production traffic without a failed request', async () => {
    const load = startLoad(`http://${alb.address}:8080/`, 4);
    await waitFor(() => load.recentBodies().size === 2 && true, 'both v1 tasks answering', 10_000, 200);
    update('v2');
    const [entry] = deployments();
    const paused = await waitFor(
      () => {
        const d = describeDeployment(entry.serviceDeploymentArn);
        return d.lifecycleHookDetails?.some((h: any) => h.status === 'AWAITING_ACTION') ? d : undefined;
      },
      'the PAUSE hook to hold the deployment',
      120_000,
      1000,
    );
    expect(paused.lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    // The URL hook ran before the scale-up, with ECS's event for this deployment.
    expect(hookEvents.map((e) => [e.lifecycleStage, e.resourceArn])).toContainEqual([
      'PRE_SCALE_UP',
      entry.serviceDeploymentArn,
    ]);
    expect(healthyTargets(berth.env, greenGroup)).toHaveLength(2);
    // Test traffic is green's, production traffic still blue's.
    const tested = await Promise.all(Array.from({ length: 6 }, () => httpGet(`http://${alb.address}:8081/`)));
    expect(versionsOf(tested.map((r) => r.body.trim()))).toEqual(new Set(['v2']));
    load.recentBodies();
    const production = await waitFor(
      () => {
        const seen = load.recentBodies();
        return seen.size >= 2 ? seen : undefined;
      },
      'production answers',
      5_000,
      500,
    );
    expect(versionsOf(production)).toEqual(new Set(['v1']));

    awsOk(berth.env, [
      'ecs',
      'continue-service-deployment',
      '--service-deployment-arn',
      entry.serviceDeploymentArn,
      '--hook-id',
      paused.lifecycleHookDetails.find((h: any) => h.targetType === 'PAUSE').hookId,
    ]);
    await waitFor(
      () => {
        const seen = [...load.recentBodies()];
        return seen.length >= 2 && seen.every((b) => b.startsWith('v2 ')) && true;
      },
      'only v2 answering production',
      60_000,
      1000,
    );
    await waitServicesStable(berth.env, CLUSTER, SERVICE);
    await waitFor(() => targetHealth(berth.env, blueGroup).length === 0 && true, 'blue targets gone', 30_000);
    const report = await load.stop();
    console.log(
      `blue/green: ${report.ok}/${report.sent} requests answered 200 in ${report.seconds.toFixed(1)} s`,
    );
    expect(report.failures, report.failures.slice(0, 5).join('\n')).toEqual([]);
    expect(report.ok / report.seconds).toBeGreaterThan(100);
    expect(versionsOf(report.bodies.keys())).toEqual(new Set(['v1', 'v2']));
    expect(healthyTargets(berth.env, greenGroup)).toHaveLength(2);
    expect(describeDeployment(entry.serviceDeploymentArn).status).toBe('SUCCESSFUL');
  }, 240_000);

  it('never gives production traffic to a green revision that fails its health checks, and rolls back', async () => {
    const load = startLoad(`http://${alb.address}:8080/`, 4);
    await waitFor(() => load.recentBodies().size === 2 && true, 'both v2 tasks answering', 10_000, 200);
    update('v3', false);
    const [entry] = deployments();
    const rolledBack = await waitFor(
      () => {
        const d = describeDeployment(entry.serviceDeploymentArn);
        return d.status === 'ROLLBACK_SUCCESSFUL' ? d : undefined;
      },
      'the circuit breaker to roll back',
      180_000,
      1000,
    ).catch((error: unknown) => {
      const service = describeService(berth.env, CLUSTER, SERVICE);
      console.log(
        JSON.stringify({ deployment: describeDeployment(entry.serviceDeploymentArn), service }, null, 1),
      );
      throw error;
    });
    expect(rolledBack.statusReason).toBe('ECS deployment circuit breaker: tasks failed to start.');
    await waitServicesStable(berth.env, CLUSTER, SERVICE);
    // v3 went into the group v1 had left; it drains, green (v2) keeps serving.
    await waitFor(() => targetHealth(berth.env, blueGroup).length === 0 && true, 'v3 targets gone', 30_000);
    const report = await load.stop();
    console.log(
      `failed green: ${report.ok}/${report.sent} requests answered 200 in ${report.seconds.toFixed(1)} s`,
    );
    expect(report.failures, report.failures.slice(0, 5).join('\n')).toEqual([]);
    expect(versionsOf(report.bodies.keys())).toEqual(new Set(['v2']));
    const service = describeService(berth.env, CLUSTER, SERVICE);
    expect(service.deployments).toHaveLength(1);
    expect(service.runningCount).toBe(2);
    expect(service.events.map((e: any) => e.message)).toContainEqual(
      expect.stringMatching(/^\(service bluegreen\) rolling back to deployment ecs-svc\//),
    );
    expect(healthyTargets(berth.env, greenGroup)).toHaveLength(2);
  }, 240_000);
});

/**
 * Services behind an Application Load Balancer, driven with the aws CLI and boto3 against `berth
 * server` with real containers and a real HAProxy: an `ip` target group for a FARGATE service and
 * an `instance` target group for an EC2 bridge service with a dynamic host port. Every task answers
 * through its listener, DescribeTargetHealth shows exactly the tasks' (IP, port) and (instance,
 * host port), and a service scaled to 0 leaves its targets after the deregistration delay, the
 * listener answering ALB's 503.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsAsync, awsOk, python } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import {
  createAlb,
  createListener,
  createTargetGroup,
  targetHealth,
  webContainer,
  type Alb,
} from './support/load-balancers.js';
import { serviceTasks, waitClusterStopped, waitServicesStable } from './support/services.js';
import { ensureTestImages } from './support/test-images.js';
import { httpGet, waitFor } from './support/wait-for.js';

const CLUSTER = 'default';
let berth: BerthProcess;
let alb: Alb;
let ipGroup = '';
let instanceGroup = '';

/** The aws CLI's target-in-service waiter: every registered target healthy. */
const waitInService = async (group: string): Promise<void> => {
  const result = await awsAsync(berth.env, [
    'elbv2',
    'wait',
    'target-in-service',
    '--target-group-arn',
    group,
  ]);
  expect(result.status, result.stderr).toBe(0);
};

/** The distinct answers of `count` requests through a listener. */
const answersThrough = async (port: number, count: number): Promise<Set<string>> => {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const { status, body } = await httpGet(`http://${alb.address}:${port}/`);
    expect(status).toBe(200);
    seen.add(body.trim());
  }
  return seen;
};

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
  alb = createAlb(berth.env, 'web-alb');
  ipGroup = createTargetGroup(berth.env, 'web-fargate', 'ip', 8080, 3);
  instanceGroup = createTargetGroup(berth.env, 'web-ec2', 'instance', 8080, 3);
  createListener(berth.env, alb.arn, 8081, ipGroup);
  createListener(berth.env, alb.arn, 8082, instanceGroup);
});

afterAll(async () => {
  for (const name of ['fargate-web', 'ec2-web']) {
    await awsAsync(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', name, '--force']);
  }
  await waitClusterStopped(berth.env, CLUSTER);
  await berth?.stop();
});

describe('services behind an Application Load Balancer', () => {
  it('the load balancer is active and its waiters and errors are ELBv2’s (boto3)', () => {
    const run = python(berth.env, 'elbv2_load_balancer.py', [alb.arn, ipGroup]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('a FARGATE service registers its tasks by IP and container port in an ip target group', async () => {
    const definition = registerFargate(berth.env, 'lb-fargate-web', [webContainer('v1')]);
    awsOk(berth.env, [
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      'fargate-web',
      '--task-definition',
      definition,
      '--desired-count',
      '2',
      '--launch-type',
      'FARGATE',
      '--network-configuration',
      AWSVPC_NETWORK,
      '--health-check-grace-period-seconds',
      '30',
      '--load-balancers',
      `targetGroupArn=${ipGroup},containerName=web,containerPort=8080`,
    ]);
    await waitServicesStable(berth.env, CLUSTER, 'fargate-web');
    const tasks = serviceTasks(berth.env, CLUSTER, 'fargate-web');
    expect(tasks).toHaveLength(2);
    const ips = tasks.map(
      (t) => t.attachments[0].details.find((d: any) => d.name === 'privateIPv4Address').value as string,
    );
    await waitInService(ipGroup);
    const health = targetHealth(berth.env, ipGroup);
    expect(health.map((h) => `${h.Target.Id}:${h.Target.Port}`).sort()).toEqual(
      ips.map((ip) => `${ip}:8080`).sort(),
    );
    expect(health.map((h) => h.TargetHealth.State)).toEqual(['healthy', 'healthy']);
    const direct = new Set(
      await Promise.all(ips.map(async (ip) => (await httpGet(`http://${ip}:8080/`)).body.trim())),
    );
    expect(await answersThrough(8081, 20)).toEqual(direct);
    const service = awsOk(berth.env, [
      'ecs',
      'describe-services',
      '--cluster',
      CLUSTER,
      '--services',
      'fargate-web',
    ]).services[0];
    expect(service.loadBalancers).toEqual([
      { targetGroupArn: ipGroup, containerName: 'web', containerPort: 8080 },
    ]);
    const registered = new RegExp(
      `^\\(service fargate-web\\) registered \\d targets in \\(target-group ${ipGroup}\\)$`,
    );
    expect(
      service.events.some((e: any) => registered.test(e.message)),
      JSON.stringify(service.events),
    ).toBe(true);
  });

  it('an EC2 bridge service with hostPort 0 registers its instance and dynamic host ports', async () => {
    const definition = awsOk(berth.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'lb-ec2-web',
      '--container-definitions',
      JSON.stringify([
        { ...webContainer('v1'), memory: 32, portMappings: [{ containerPort: 8080, hostPort: 0 }] },
      ]),
    ]).taskDefinition.taskDefinitionArn;
    awsOk(berth.env, [
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      'ec2-web',
      '--task-definition',
      definition,
      '--desired-count',
      '2',
      '--launch-type',
      'EC2',
      '--load-balancers',
      `targetGroupArn=${instanceGroup},containerName=web,containerPort=8080`,
    ]);
    await waitServicesStable(berth.env, CLUSTER, 'ec2-web');
    const tasks = serviceTasks(berth.env, CLUSTER, 'ec2-web');
    expect(tasks).toHaveLength(2);
    const instances = awsOk(berth.env, [
      'ecs',
      'describe-container-instances',
      '--cluster',
      CLUSTER,
      '--container-instances',
      ...new Set(tasks.map((t) => t.containerInstanceArn as string)),
    ]).containerInstances;
    const instanceIdOf = new Map<string, string>(
      instances.map((i: any) => [i.containerInstanceArn as string, i.ec2InstanceId as string]),
    );
    const expected = tasks.map((t) => {
      const binding = t.containers[0].networkBindings.find((b: any) => b.containerPort === 8080);
      expect(binding.hostPort).toBeGreaterThanOrEqual(32768);
      return `${instanceIdOf.get(t.containerInstanceArn)}:${binding.hostPort}`;
    });
    await waitInService(instanceGroup);
    const health = targetHealth(berth.env, instanceGroup);
    expect(health.map((h) => `${h.Target.Id}:${h.Target.Port}`).sort()).toEqual(expected.sort());
    const direct = new Set(
      await Promise.all(
        tasks.map(async (t) =>
          (await httpGet(`http://127.0.0.1:${t.containers[0].networkBindings[0].hostPort}/`)).body.trim(),
        ),
      ),
    );
    expect(await answersThrough(8082, 20)).toEqual(direct);
  });

  it('scaled to 0, a service’s targets drain for the deregistration delay, then the listener answers 503', async () => {
    awsOk(berth.env, [
      'ecs',
      'update-service',
      '--cluster',
      CLUSTER,
      '--service',
      'fargate-web',
      '--desired-count',
      '0',
    ]);
    await waitFor(
      () => targetHealth(berth.env, ipGroup).some((h) => h.TargetHealth.State === 'draining'),
      'the targets to drain',
      20_000,
    );
    const stopping = serviceTasks(berth.env, CLUSTER, 'fargate-web', 'STOPPED');
    expect(
      stopping.some(
        (t) => t.lastStatus === 'DEACTIVATING' || t.lastStatus === 'STOPPING' || t.lastStatus === 'STOPPED',
      ),
    ).toBe(true);
    await waitFor(() => targetHealth(berth.env, ipGroup).length === 0, 'the targets to leave', 30_000);
    const answer = await fetch(`http://${alb.address}:8081/`);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('server')).toBe('awselb/2.0');
    await waitServicesStable(berth.env, CLUSTER, 'fargate-web');
  });
});

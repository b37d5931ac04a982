/**
 * Traffic through a Berth listener while things change underneath it (aws CLI, real containers, a
 * steady load of keep-alive requests): a rolling update of a FARGATE service behind an `ip` target
 * group drops no request and leaves only the new revision's targets; and `berth server` killed
 * with -9 leaves HAProxy serving the last known targets, a restarted server adopting it with the
 * state unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, tempDir, type BerthProcess } from './support/berth-process.js';
import { awsAsync, awsOk } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { haproxyPidOf, stopHaproxyOf } from './support/haproxy-of.js';
import { startLoad } from './support/http-load.js';
import {
  createAlb,
  createListener,
  createTargetGroup,
  healthyTargets,
  targetHealth,
  webContainer as web,
  type Alb,
} from './support/load-balancers.js';
import { serviceTasks, waitClusterStopped, waitServicesStable } from './support/services.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const CLUSTER = 'default';

const taskIps = (env: NodeJS.ProcessEnv, service: string): string[] =>
  serviceTasks(env, CLUSTER, service).map(
    (t) => t.attachments[0].details.find((d: any) => d.name === 'privateIPv4Address').value as string,
  );

/** An ALB with one listener on 8080 forwarding to an ip target group, and a FARGATE service of 2 behind it. */
const serviceBehindAlb = async (
  env: NodeJS.ProcessEnv,
  service: string,
  delaySeconds: number,
): Promise<{ alb: Alb; group: string }> => {
  const alb = createAlb(env, `${service}-alb`);
  const group = createTargetGroup(env, `${service}-tg`, 'ip', 8080, delaySeconds);
  createListener(env, alb.arn, 8080, group);
  awsOk(env, [
    'ecs',
    'create-service',
    '--cluster',
    CLUSTER,
    '--service-name',
    service,
    '--task-definition',
    registerFargate(env, service, [web('v1')]),
    '--desired-count',
    '2',
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
    '--deployment-configuration',
    'minimumHealthyPercent=100,maximumPercent=200',
    '--load-balancers',
    `targetGroupArn=${group},containerName=web,containerPort=8080`,
  ]);
  await waitFor(() => healthyTargets(env, group).length === 2 && true, 'two healthy targets', 90_000);
  return { alb, group };
};

const removeService = async (env: NodeJS.ProcessEnv, service: string): Promise<void> => {
  await awsAsync(env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', service, '--force']);
  await waitClusterStopped(env, CLUSTER);
};

beforeAll(() => ensureTestImages());

describe('a rolling update behind a listener', () => {
  let berth: BerthProcess;
  beforeAll(async () => {
    berth = await startServer();
  });
  afterAll(async () => {
    await removeService(berth.env, 'rolling');
    await berth?.stop();
  });

  it('drops no request and leaves only the new revision’s targets', async () => {
    const { alb, group } = await serviceBehindAlb(berth.env, 'rolling', 2);
    const load = startLoad(`http://${alb.address}:8080/`, 4);
    await waitFor(() => load.recentBodies().size === 2 && true, 'both v1 tasks answering', 10_000, 200);
    awsOk(berth.env, [
      'ecs',
      'update-service',
      '--cluster',
      CLUSTER,
      '--service',
      'rolling',
      '--task-definition',
      registerFargate(berth.env, 'rolling', [web('v2')]),
    ]);
    await waitFor(
      () => {
        const seen = [...load.recentBodies()];
        return seen.length >= 2 && seen.every((b) => b.startsWith('v2 ')) && true;
      },
      'only v2 answering',
      120_000,
      1000,
    );
    await waitServicesStable(berth.env, CLUSTER, 'rolling');
    await waitFor(
      () => targetHealth(berth.env, group).length === 2 && true,
      'the old targets to leave',
      30_000,
    );
    const report = await load.stop();
    console.log(
      `rolling update: ${report.ok}/${report.sent} requests answered 200 in ${report.seconds.toFixed(1)} s`,
    );
    expect(report.failures, report.failures.slice(0, 5).join('\n')).toEqual([]);
    expect(report.ok / report.seconds).toBeGreaterThan(100);
    const versions = new Set([...report.bodies.keys()].map((b) => b.split(' ')[0]));
    expect(versions).toEqual(new Set(['v1', 'v2']));
    expect(
      targetHealth(berth.env, group)
        .map((h) => h.Target.Id)
        .sort(),
    ).toEqual(taskIps(berth.env, 'rolling').sort());
    expect(healthyTargets(berth.env, group)).toHaveLength(2);
  });
});

describe('berth server killed with -9 while HAProxy serves', () => {
  const dataDir = tempDir('berth-e2e-lb-data-');
  let berth: BerthProcess | undefined;
  afterAll(async () => {
    if (berth) await removeService(berth.env, 'survivor');
    await berth?.stop();
    await stopHaproxyOf(dataDir);
  });

  it('keeps traffic flowing to the last known targets, and a restarted server adopts HAProxy unchanged', async () => {
    berth = await startServer({ dataDir });
    const { alb, group } = await serviceBehindAlb(berth.env, 'survivor', 2);
    const before = {
      targets: healthyTargets(berth.env, group),
      loadBalancer: awsOk(berth.env, ['elbv2', 'describe-load-balancers']).LoadBalancers,
    };
    const pid = haproxyPidOf(dataDir);
    expect(pid).toBeDefined();
    const load = startLoad(`http://${alb.address}:8080/`, 4);
    await waitFor(() => load.recentBodies().size === 2 && true, 'both tasks answering', 10_000, 200);
    await berth.kill9();
    const killed = berth;
    berth = undefined;
    load.recentBodies();
    await waitFor(
      () => load.recentBodies().size === 2 && true,
      'both tasks answering after the kill',
      10_000,
      500,
    );
    berth = await startServer({ dataDir, port: Number(new URL(killed.endpoint).port) });
    await waitFor(() => /adopted the running HAProxy/.test(berth!.output()) && true, 'the adoption', 20_000);
    expect(haproxyPidOf(dataDir)).toBe(pid);
    await waitFor(
      () => healthyTargets(berth!.env, group).length === 2 && true,
      'targets healthy again',
      60_000,
    );
    expect(healthyTargets(berth.env, group)).toEqual(before.targets);
    expect(awsOk(berth.env, ['elbv2', 'describe-load-balancers']).LoadBalancers).toEqual(before.loadBalancer);
    await waitFor(
      () => load.recentBodies().size === 2 && true,
      'both tasks answering after the restart',
      10_000,
      500,
    );
    const report = await load.stop();
    console.log(
      `kill -9 and adoption: ${report.ok}/${report.sent} requests answered 200 in ${report.seconds.toFixed(1)} s`,
    );
    expect(report.failures, report.failures.slice(0, 5).join('\n')).toEqual([]);
  });
});

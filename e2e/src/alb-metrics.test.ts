/**
 * AWS/ApplicationELB metrics end to end: an ALB whose listener forwards to a FARGATE service of two
 * real busybox web containers, and /empty to a target group without targets. Known traffic through
 * the listener (200s from a CGI that takes 0.2 s, 404s from the targets, 503s HAProxy answers for
 * the empty group, a fixed response and a bare TCP probe), with a HAProxy reload in the same
 * interval, reads back with `aws cloudwatch get-metric-statistics` as exact RequestCount and
 * response-code counts, two healthy hosts, and a plausible TargetResponseTime.
 */
import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsAsync, awsOk } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { createAlb, createListener, createTargetGroup, healthyTargets } from './support/load-balancers.js';
import { waitClusterStopped } from './support/services.js';
import { BUSYBOX_IMAGE, ensureTestImages } from './support/test-images.js';
import { httpGet, waitFor } from './support/wait-for.js';

const CLUSTER = 'default';
const SERVICE = 'metered';
const SLOW_OKS = 6;
const NOT_FOUNDS = 4;
const NO_TARGETS = 3;
/** Long enough for the target requests and the reload after them to fall in one interval. */
const INTERVAL_SECONDS = 10;

/** busybox httpd serving / and a CGI that answers 200 after 0.2 s; any other path is a 404. */
const slowWeb = {
  name: 'web',
  image: BUSYBOX_IMAGE,
  essential: true,
  portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
  command: [
    'sh',
    '-c',
    'mkdir -p /www/cgi-bin && echo up > /www/index.html && ' +
      `printf '#!/bin/sh\\nsleep 0.2\\nprintf "Content-Type: text/plain\\\\r\\\\n\\\\r\\\\nslow\\\\n"\\n' > /www/cgi-bin/slow && ` +
      'chmod +x /www/cgi-bin/slow && exec httpd -f -p 8080 -h /www',
  ],
};

let berth: BerthProcess;

/** Statistics of one metric over the last 10 minutes, in one period (undefined without data). */
const statistics = (metric: string, dimensions: Record<string, string>): any => {
  const now = Date.now();
  const since = now - 600_000;
  const points = awsOk(berth.env, [
    'cloudwatch',
    'get-metric-statistics',
    '--namespace',
    'AWS/ApplicationELB',
    '--metric-name',
    metric,
    '--dimensions',
    ...Object.entries(dimensions).map(([name, value]) => `Name=${name},Value=${value}`),
    '--start-time',
    new Date(since).toISOString(),
    '--end-time',
    new Date(now + 60_000).toISOString(),
    '--period',
    String(Math.ceil((now + 60_000 - since) / 60_000) * 60),
    '--statistics',
    'Sum',
    'Average',
    'Minimum',
    'Maximum',
    'SampleCount',
  ]).Datapoints as any[];
  return points[0];
};

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer({ extraArgs: ['--alb-metrics-interval', String(INTERVAL_SECONDS)] });
});
afterAll(async () => {
  if (berth) {
    await awsAsync(berth.env, [
      'ecs',
      'delete-service',
      '--cluster',
      CLUSTER,
      '--service',
      SERVICE,
      '--force',
    ]);
    await waitClusterStopped(berth.env, CLUSTER);
    await berth.stop();
  }
});

describe('AWS/ApplicationELB metrics', () => {
  it('counts the requests, response codes and healthy hosts of a listener, and times the targets', async () => {
    const env = berth.env;
    const alb = createAlb(env, 'metered-alb');
    const group = createTargetGroup(env, 'metered-tg', 'ip', 8080, 1);
    const empty = createTargetGroup(env, 'metered-empty', 'ip', 8080, 1);
    const listener = createListener(env, alb.arn, 8080, group);
    awsOk(env, [
      'elbv2',
      'create-rule',
      '--listener-arn',
      listener,
      '--priority',
      '1',
      '--conditions',
      'Field=path-pattern,Values=/empty',
      '--actions',
      `Type=forward,TargetGroupArn=${empty}`,
    ]);
    awsOk(env, [
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      SERVICE,
      '--task-definition',
      registerFargate(env, SERVICE, [slowWeb]),
      '--desired-count',
      '2',
      '--launch-type',
      'FARGATE',
      '--network-configuration',
      AWSVPC_NETWORK,
      '--load-balancers',
      `targetGroupArn=${group},containerName=web,containerPort=8080`,
    ]);
    await waitFor(() => healthyTargets(env, group).length === 2 && true, 'two healthy targets', 90_000);

    const base = `http://${alb.address}:8080`;
    const lb = { LoadBalancer: alb.arn.slice(alb.arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length) };
    const both = { TargetGroup: group.slice(group.indexOf(':targetgroup/') + 1), ...lb };
    const collections = (): number => statistics('HealthyHostCount', both)?.SampleCount ?? 0;
    // Start just after a collection, so that the target requests and the reload after them share
    // an interval: the old worker's counts reach CloudWatch only if they are sampled before it goes.
    const before = collections();
    await waitFor(() => collections() > before, 'a collection', 30_000, 200);
    const statuses: number[] = [];
    for (let i = 0; i < SLOW_OKS; i++) statuses.push((await httpGet(`${base}/cgi-bin/slow`)).status);
    for (let i = 0; i < NOT_FOUNDS; i++) statuses.push((await httpGet(`${base}/missing`)).status);
    // A second listener reloads HAProxy: the counts of the worker it replaces must not be lost. It
    // answers a fixed response, which is the load balancer's own 2XX: no RequestCount, no ELB code.
    awsOk(env, [
      'elbv2',
      'create-listener',
      '--load-balancer-arn',
      alb.arn,
      '--protocol',
      'HTTP',
      '--port',
      '8081',
      '--default-actions',
      'Type=fixed-response,FixedResponseConfig={StatusCode=200,ContentType=text/plain,MessageBody=reloaded}',
    ]);
    await waitFor(
      async () => (await httpGet(`http://${alb.address}:8081/`)).body === 'reloaded',
      'the reloaded HAProxy to answer on 8081',
      30_000,
    );
    for (let i = 0; i < NO_TARGETS; i++) statuses.push((await httpGet(`${base}/empty`)).status);
    // A connection closed before any request (a browser's preconnect, a port probe) is no request.
    await new Promise<void>((resolve, reject) => {
      const probe = connect({ host: alb.address, port: 8080 }, () => {
        probe.destroy();
        resolve();
      });
      probe.on('error', reject);
    });
    expect(statuses).toEqual([
      ...Array<number>(SLOW_OKS).fill(200),
      ...Array<number>(NOT_FOUNDS).fill(404),
      ...Array<number>(NO_TARGETS).fill(503),
    ]);

    expect(lb.LoadBalancer).toMatch(/^app\/metered-alb\/[0-9a-f]+$/);
    // Every request is counted once the collections after the last one have been published …
    const targetRequests = SLOW_OKS + NOT_FOUNDS;
    await waitFor(
      () =>
        statistics('RequestCount', lb)?.Sum === targetRequests &&
        statistics('HTTPCode_ELB_5XX_Count', lb)?.Sum === NO_TARGETS,
      'the requests to be published',
      30_000,
      500,
    );
    // … and no request is counted twice: one more collection (a health sample each) changes nothing.
    const published = collections();
    await waitFor(() => collections() > published, 'one more collection', 30_000, 500);
    expect(statistics('RequestCount', lb)?.Sum).toBe(targetRequests);
    expect(statistics('RequestCount', both)?.Sum).toBe(targetRequests);
    expect(statistics('HTTPCode_Target_2XX_Count', lb)?.Sum).toBe(SLOW_OKS);
    expect(statistics('HTTPCode_Target_4XX_Count', both)?.Sum).toBe(NOT_FOUNDS);
    expect(statistics('HTTPCode_Target_5XX_Count', lb)).toBeUndefined();
    expect(statistics('HTTPCode_ELB_5XX_Count', lb)?.Sum).toBe(NO_TARGETS);
    expect(statistics('HTTPCode_ELB_4XX_Count', lb)).toBeUndefined();
    // Both targets were healthy for every request: each interval's count per target is half.
    expect(statistics('RequestCountPerTarget', { TargetGroup: both.TargetGroup })?.Sum).toBe(
      targetRequests / 2,
    );

    // Targets went from initial to healthy, never unhealthy; the empty group has none.
    expect(statistics('HealthyHostCount', both)?.Maximum).toBe(2);
    expect(statistics('UnHealthyHostCount', both)?.Maximum).toBe(0);
    const emptyDimension = { TargetGroup: empty.slice(empty.indexOf(':targetgroup/') + 1), ...lb };
    expect(statistics('HealthyHostCount', emptyDimension)?.Maximum).toBe(0);
    expect(statistics('RequestCount', emptyDimension)?.Sum).toBe(0);

    // Six responses took at least 0.2 s each, then four next to nothing. Each target's interval is
    // weighed at its running mean response time, so the 404s carry some of the CGI's time: the
    // average is at least what the slow ones alone weigh (1.2 s over 10), and far from a second.
    const time = statistics('TargetResponseTime', lb);
    console.log(`TargetResponseTime: ${JSON.stringify(time)}`);
    expect(time?.SampleCount).toBe(targetRequests);
    expect(time?.Average).toBeGreaterThanOrEqual((SLOW_OKS * 0.2) / targetRequests - 0.001);
    expect(time?.Average).toBeLessThan(0.5);
    expect(time?.Maximum).toBeLessThan(1);
  });
});

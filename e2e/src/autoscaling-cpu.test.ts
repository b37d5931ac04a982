/**
 * Target tracking end to end (the acceptance 2), with the seed's commands and the real aws
 * CLI: register-scalable-target (min 1, max 10) and put-scaling-policy (TargetTrackingScaling,
 * ECSServiceAverageCPUUtilization 70) on a service whose 256-unit tasks spin on their CPU while a
 * file on the host exists. Berth creates AWS's alarm pair in CloudWatch; the AlarmHigh alarm scales
 * the service out; once the file is gone the AlarmLow alarm scales it back in to 1; every step is in
 * describe-scaling-activities.
 *
 * The server runs with the documented test flags: `--target-tracking-alarm-period 10` (the 3 and 15
 * datapoints AWS uses are kept: about 30 s to scale out, 150 s to scale in), `--stats-interval 2`
 * (AWS/ECS utilization at 10-s resolution, so such alarms have data) and `--scaling-cooldown-cap 5`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk } from './support/clients.js';
import { describeService, waitClusterStopped, waitServicesStable } from './support/services.js';
import { scalableTargetArgs, serviceResource } from './support/scalable-target.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

/** The embedded agent's cluster: these are EC2 tasks with a host volume, so Fargate will not do. */
const CLUSTER = 'default';
const SERVICE = 'burner';
const RESOURCE = serviceResource(CLUSTER, SERVICE);
const TARGET = scalableTargetArgs(RESOURCE);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let berth: BerthProcess;
/** Holds `burn` while the tasks are to spin; bind-mounted into every task at /ctl (made in beforeAll). */
let control = '';
let burnFlag = '';

const autoscaling = (args: readonly string[]): any => awsOk(berth.env, ['application-autoscaling', ...args]);
const desiredCount = (): number => describeService(berth.env, CLUSTER, SERVICE).desiredCount as number;
const activities = (): any[] =>
  autoscaling(['describe-scaling-activities', '--service-namespace', 'ecs', '--resource-id', RESOURCE])
    .ScalingActivities;

beforeAll(async () => {
  ensureTestImages();
  control = mkdtempSync(join(tmpdir(), 'berth-e2e-burn-'));
  burnFlag = join(control, 'burn');
  writeFileSync(burnFlag, '');
  berth = await startServer({
    extraArgs: [
      '--stats-interval',
      '2',
      '--target-tracking-alarm-period',
      '10',
      '--scaling-cooldown-cap',
      '5',
    ],
  });
  awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--family',
    'cpu-burner',
    '--cpu',
    '256',
    '--memory',
    '128',
    '--volumes',
    JSON.stringify([{ name: 'ctl', host: { sourcePath: control } }]),
    '--container-definitions',
    JSON.stringify([
      {
        name: 'burn',
        image: 'berth-test/busybox:latest',
        essential: true,
        command: ['sh', '-c', 'while [ -f /ctl/burn ]; do :; done; exec sleep 3600'],
        mountPoints: [{ sourceVolume: 'ctl', containerPath: '/ctl', readOnly: true }],
      },
    ]),
  ]);
});

afterAll(async () => {
  if (control) rmSync(control, { recursive: true, force: true });
  if (!berth) return;
  aws(berth.env, ['application-autoscaling', 'deregister-scalable-target', ...TARGET]);
  aws(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', SERVICE, '--force']);
  await waitClusterStopped(berth.env, CLUSTER);
  await berth.stop();
});

describe('target tracking on AWS/ECS CPUUtilization', () => {
  it('creates AWS’s alarm pair, scales a CPU-bound service out, and back in once the load stops', async () => {
    awsOk(berth.env, [
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      SERVICE,
      '--task-definition',
      'cpu-burner',
      '--desired-count',
      '1',
    ]);
    await waitServicesStable(berth.env, CLUSTER, SERVICE);
    autoscaling(['register-scalable-target', ...TARGET, '--min-capacity', '1', '--max-capacity', '10']);
    const { PolicyARN, Alarms } = autoscaling([
      'put-scaling-policy',
      ...TARGET,
      '--policy-name',
      'cpu70',
      '--policy-type',
      'TargetTrackingScaling',
      '--target-tracking-scaling-policy-configuration',
      JSON.stringify({
        TargetValue: 70,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      }),
    ]);
    const names = (Alarms as { AlarmName: string }[]).map((a) => a.AlarmName).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(new RegExp(`^TargetTracking-${RESOURCE}-AlarmHigh-${UUID}$`));
    expect(names[1]).toMatch(new RegExp(`^TargetTracking-${RESOURCE}-AlarmLow-${UUID}$`));

    // The pair as CloudWatch holds it: the seed's own describe-alarms shows what AWS would.
    const { MetricAlarms } = awsOk(berth.env, ['cloudwatch', 'describe-alarms', '--alarm-names', ...names]);
    const byName = new Map((MetricAlarms as any[]).map((a) => [a.AlarmName, a]));
    const shared = {
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Statistic: 'Average',
      Unit: 'Percent',
      Period: 10,
      Dimensions: expect.arrayContaining([
        { Name: 'ClusterName', Value: CLUSTER },
        { Name: 'ServiceName', Value: SERVICE },
      ]),
      AlarmActions: [PolicyARN],
      AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${PolicyARN}.`,
    };
    expect(byName.get(names[0] ?? '')).toMatchObject({
      ...shared,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 70,
      EvaluationPeriods: 3,
    });
    expect(byName.get(names[1] ?? '')).toMatchObject({
      ...shared,
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 63,
      EvaluationPeriods: 15,
    });

    // One task spinning on its 256 units reads ~100 % > 70: AlarmHigh fires and the policy scales out.
    await waitFor(() => desiredCount() >= 2, 'target tracking to scale the service out', 240_000, 1_000);
    const scaledOutTo = desiredCount();
    expect(scaledOutTo).toBeLessThanOrEqual(10);
    rmSync(burnFlag);
    await waitServicesStable(berth.env, CLUSTER, SERVICE);

    // The load stops: below 63 % for 15 periods, AlarmLow fires and the service returns to 1.
    await waitFor(() => desiredCount() === 1, 'target tracking to scale the service back in', 360_000, 2_000);
    await waitServicesStable(berth.env, CLUSTER, SERVICE);
    expect(describeService(berth.env, CLUSTER, SERVICE).runningCount).toBe(1);

    const steps = activities();
    const cause = (which: 'High' | 'Low') =>
      expect.stringMatching(
        new RegExp(
          `^monitor alarm TargetTracking-${RESOURCE}-Alarm${which}-${UUID} in state ALARM triggered policy cpu70$`,
        ),
      );
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ResourceId: RESOURCE,
          Description: expect.stringMatching(/^Setting desired count to \d+\.$/),
          Cause: cause('High'),
          StatusCode: 'Successful',
          StatusMessage: expect.stringMatching(
            /^Successfully set desired count to \d+\. Change successfully fulfilled by ecs\.$/,
          ),
        }),
        expect.objectContaining({
          Description: 'Setting desired count to 1.',
          Cause: cause('Low'),
          StatusCode: 'Successful',
        }),
      ]),
    );
    // Newest first, as AWS lists them: the scale-in comes before the scale-out.
    const lowAt = steps.findIndex((s) => String(s.Cause).includes('-AlarmLow-'));
    const highAt = steps.findIndex((s) => String(s.Cause).includes('-AlarmHigh-'));
    expect(lowAt).toBeLessThan(highAt);
  }, 600_000);
});

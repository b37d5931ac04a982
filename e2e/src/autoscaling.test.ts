/**
 * Application Auto Scaling end to end with the real aws CLI against `berth server` and real
 * containers: a scalable target over an ECS service (and the errors for bad ones), a step scaling
 * policy stored and described, and a scheduled action `at()` a few seconds ahead that really moves
 * the service's min, max and desired count — seen by ECS, by Docker, and in the scaling activities.
 * Target tracking driven by real CPU load is autoscaling-cpu.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk, docker } from './support/clients.js';
import { describeService, serviceTasks, waitClusterStopped, waitServicesStable } from './support/services.js';
import { scalableTargetArgs, serviceResource } from './support/scalable-target.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const CLUSTER = 'default';
const SERVICE = 'scaled';
const RESOURCE = serviceResource(CLUSTER, SERVICE);
const TARGET = scalableTargetArgs(RESOURCE);

let berth: BerthProcess;

const autoscaling = (args: readonly string[]): any => awsOk(berth.env, ['application-autoscaling', ...args]);
/** The stderr of an application-autoscaling call that must fail. */
const autoscalingError = (args: readonly string[]): string => {
  const result = aws(berth.env, ['application-autoscaling', ...args]);
  expect(result.status).not.toBe(0);
  return result.stderr;
};

/** The service's RUNNING tasks that have a running Docker container. */
const runningContainers = (): number =>
  serviceTasks(berth.env, CLUSTER, SERVICE).filter((task) => {
    const listed = docker(['ps', '-q', '--filter', `label=com.amazonaws.ecs.task-arn=${task.taskArn}`]);
    return task.lastStatus === 'RUNNING' && listed.stdout.trim() !== '';
  }).length;

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer({
    extraArgs: ['--scaling-cooldown-cap', '5', '--target-tracking-alarm-period', '10'],
  });
  awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--family',
    'autoscaled',
    '--container-definitions',
    JSON.stringify([
      { name: 'app', image: 'berth-test/busybox:latest', memory: 16, command: ['sh', '-c', 'sleep 3600'] },
    ]),
  ]);
  awsOk(berth.env, [
    'ecs',
    'create-service',
    '--cluster',
    CLUSTER,
    '--service-name',
    SERVICE,
    '--task-definition',
    'autoscaled',
    '--desired-count',
    '1',
  ]);
  await waitServicesStable(berth.env, CLUSTER, SERVICE);
});

afterAll(async () => {
  if (!berth) return;
  aws(berth.env, ['application-autoscaling', 'deregister-scalable-target', ...TARGET]);
  aws(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', SERVICE, '--force']);
  await waitClusterStopped(berth.env, CLUSTER);
  await berth.stop();
});

describe('Application Auto Scaling for an ECS service', () => {
  it('register-scalable-target refuses bad input, then registers min 1 max 10', () => {
    expect(
      autoscalingError(['register-scalable-target', ...TARGET, '--min-capacity', '5', '--max-capacity', '2']),
    ).toContain(
      '(ValidationException) when calling the RegisterScalableTarget operation: Minimum capacity (5) cannot be greater than maximum capacity (2).',
    );
    expect(
      autoscalingError([
        'register-scalable-target',
        '--service-namespace',
        'ecs',
        '--scalable-dimension',
        'ecs:service:DesiredCount',
        '--resource-id',
        `service/${CLUSTER}/missing`,
        '--min-capacity',
        '1',
        '--max-capacity',
        '2',
      ]),
    ).toContain(`ECS service doesn't exist: service/${CLUSTER}/missing`);
    expect(autoscalingError(['register-scalable-target', ...TARGET, '--min-capacity', '1'])).toContain(
      'MinCapacity and MaxCapacity are required to register a new scalable target.',
    );
    expect(autoscalingError(['deregister-scalable-target', ...TARGET])).toContain(
      `(ObjectNotFoundException) when calling the DeregisterScalableTarget operation: No scalable target registered for service namespace: ecs, resource ID: ${RESOURCE}, scalable dimension: ecs:service:DesiredCount`,
    );

    const { ScalableTargetARN } = autoscaling([
      'register-scalable-target',
      ...TARGET,
      '--min-capacity',
      '1',
      '--max-capacity',
      '10',
    ]);
    expect(ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:\d{12}:scalable-target\//);
    const { ScalableTargets } = autoscaling(['describe-scalable-targets', '--service-namespace', 'ecs']);
    expect(ScalableTargets).toEqual([
      expect.objectContaining({ ResourceId: RESOURCE, MinCapacity: 1, MaxCapacity: 10, ScalableTargetARN }),
    ]);
  });

  it('put-scaling-policy StepScaling is stored and described', () => {
    const configuration = {
      AdjustmentType: 'ChangeInCapacity',
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
        { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 },
      ],
      Cooldown: 60,
      MetricAggregationType: 'Average',
    };
    const { PolicyARN } = autoscaling([
      'put-scaling-policy',
      ...TARGET,
      '--policy-name',
      'step-out',
      '--policy-type',
      'StepScaling',
      '--step-scaling-policy-configuration',
      JSON.stringify(configuration),
    ]);
    expect(PolicyARN).toMatch(
      new RegExp(
        `^arn:aws:autoscaling:us-east-1:\\d{12}:scalingPolicy:[0-9a-f-]{36}:resource/ecs/${RESOURCE}:policyName/step-out$`,
      ),
    );
    const { ScalingPolicies } = autoscaling(['describe-scaling-policies', '--service-namespace', 'ecs']);
    expect(ScalingPolicies).toEqual([
      expect.objectContaining({
        PolicyARN,
        PolicyName: 'step-out',
        PolicyType: 'StepScaling',
        StepScalingPolicyConfiguration: configuration,
        Alarms: [],
      }),
    ]);
  });

  it('a scheduled action at() a few seconds ahead sets min 2 max 4, and the service runs 2 tasks', async () => {
    const at = new Date(Date.now() + 8_000).toISOString().slice(0, 19);
    autoscaling([
      'put-scheduled-action',
      ...TARGET,
      '--scheduled-action-name',
      'burst',
      '--schedule',
      `at(${at})`,
      '--scalable-target-action',
      'MinCapacity=2,MaxCapacity=4',
    ]);
    const { ScheduledActions } = autoscaling(['describe-scheduled-actions', '--service-namespace', 'ecs']);
    expect(ScheduledActions).toEqual([
      expect.objectContaining({
        ScheduledActionName: 'burst',
        Schedule: `at(${at})`,
        ScalableTargetAction: { MinCapacity: 2, MaxCapacity: 4 },
      }),
    ]);
    expect(describeService(berth.env, CLUSTER, SERVICE).desiredCount).toBe(1);

    await waitFor(
      () => describeService(berth.env, CLUSTER, SERVICE).desiredCount === 2,
      'the scheduled action to set the desired count to 2',
      60_000,
      500,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(`${at}Z`));
    await waitServicesStable(berth.env, CLUSTER, SERVICE);
    expect(describeService(berth.env, CLUSTER, SERVICE).runningCount).toBe(2);
    await waitFor(() => runningContainers() === 2, 'two running containers for the service', 60_000, 500);

    const { ScalableTargets } = autoscaling(['describe-scalable-targets', '--service-namespace', 'ecs']);
    expect(ScalableTargets[0]).toMatchObject({ MinCapacity: 2, MaxCapacity: 4 });
    const { ScalingActivities } = autoscaling([
      'describe-scaling-activities',
      '--service-namespace',
      'ecs',
      '--resource-id',
      RESOURCE,
    ]);
    expect(ScalingActivities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Description: 'Setting min capacity to 2 and max capacity to 4',
          Cause: 'scheduled action name burst was triggered',
          StatusCode: 'Successful',
        }),
        expect.objectContaining({
          ResourceId: RESOURCE,
          Description: 'Setting desired count to 2.',
          Cause: 'minimum capacity was set to 2',
          StatusCode: 'Successful',
          StatusMessage: 'Successfully set desired count to 2. Change successfully fulfilled by ecs.',
        }),
      ]),
    );
  });

  it('deregister-scalable-target deletes its policies and scheduled actions', () => {
    autoscaling(['deregister-scalable-target', ...TARGET]);
    expect(autoscaling(['describe-scalable-targets', '--service-namespace', 'ecs']).ScalableTargets).toEqual(
      [],
    );
    expect(autoscaling(['describe-scaling-policies', '--service-namespace', 'ecs']).ScalingPolicies).toEqual(
      [],
    );
    expect(
      autoscaling(['describe-scheduled-actions', '--service-namespace', 'ecs']).ScheduledActions,
    ).toEqual([]);
  });
});

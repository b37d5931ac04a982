import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DaemonDeployment } from '@berth/wire/ecs';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import {
  describeDaemon,
  describeDaemonDeployments,
  listDaemonDeployments,
} from '../../services/daemons/daemon-queries.js';
import {
  AGENT_TD,
  CP_ARN,
  partition,
  report,
  settle,
  startDaemonFixture,
  tasksOf,
  waitFor,
} from '../../services/daemons/daemons.test-support.js';
import { listTasks } from '../../services/tasks/task-queries.js';
import { apiErrorOf } from '../../test-support/unit.test-support.js';

const DAEMON_ARN = 'arn:aws:ecs:us-east-1:000000000000:daemon/c/d';
let plane: RunningControlPlane;
let instances: readonly [string, string, string];

const live = () => tasksOf(plane, 'daemon:d').filter((t) => t.task.desiredStatus === 'RUNNING');
const deployment = (arn: string): DaemonDeployment | undefined =>
  describeDaemonDeployments(plane.store, partition, [arn]).daemonDeployments[0];
const instanceStatus = (arn: string) =>
  plane.services.containerInstances.describe(partition, 'c', [arn], []).containerInstances[0];

const create = (extra: { drainPercent?: number } = {}) =>
  plane.services.daemons.create(partition, {
    daemonName: 'd',
    clusterArn: 'c',
    daemonTaskDefinitionArn: `${AGENT_TD}:1`,
    capacityProviderArns: [CP_ARN],
    deploymentConfiguration: { drainPercent: extra.drainPercent ?? 50 },
  });

beforeEach(async () => {
  ({ plane, instances } = await startDaemonFixture());
});

afterEach(async () => {
  await plane.close();
});

describe('the daemon controller', () => {
  it('runs exactly one daemon task per instance of the capacity providers, visible as tasks', async () => {
    const created = create();
    await waitFor(() => live().length === 2);
    expect(
      live()
        .map((t) => t.task.containerInstanceArn)
        .sort(),
    ).toEqual([instances[0], instances[1]].sort());
    expect(live()[0]?.task).toMatchObject({
      group: 'daemon:d',
      startedBy: `ecs-daemon/${(created.deploymentArn ?? '').split('/').pop() ?? ''}`,
      taskDefinitionArn: `${AGENT_TD}:1`,
      launchType: 'EC2',
      capacityProviderName: 'cp',
      memory: '256',
    });
    expect(listTasks(plane.store, partition, { cluster: 'c', daemonName: 'd' }).items).toHaveLength(2);
    expect(listTasks(plane.store, partition, { cluster: 'c', daemonName: 'other' }).items).toHaveLength(0);
    settle(plane);
    await waitFor(() => deployment(created.deploymentArn ?? '')?.status === 'SUCCESSFUL');
    expect(deployment(created.deploymentArn ?? '')).toMatchObject({
      statusReason: 'Deployment completed successfully.',
      targetDaemonRevision: {
        capacityProviders: [{ arn: CP_ARN, runningInstanceCount: 2, drainingInstanceCount: 0 }],
        totalRunningInstanceCount: 2,
      },
      circuitBreaker: { failureCount: 0, status: 'MONITORING_COMPLETE', threshold: 1 },
      alarms: { status: 'DISABLED', alarmNames: [], triggeredAlarmNames: [] },
      deploymentConfiguration: {
        drainPercent: 50,
        bakeTimeInMinutes: 0,
        alarms: { alarmNames: [], enable: false },
      },
    });
    const { daemon } = describeDaemon(plane.store, partition, DAEMON_ARN);
    expect(daemon.currentRevisions).toEqual([
      {
        arn: expect.stringMatching(
          /^arn:aws:ecs:us-east-1:000000000000:daemon-revision\/c\/d\/\d{19}$/,
        ) as string,
        capacityProviders: [{ arn: CP_ARN, runningCount: 2 }],
        totalRunningCount: 2,
      },
    ]);
  });

  it('keeps other tasks off an instance until its daemon task runs', async () => {
    create();
    await waitFor(() => live().length === 2);
    const start = () =>
      plane.services.tasks.start(partition, {
        cluster: 'c',
        taskDefinition: 'app',
        containerInstances: [instances[0]],
      });
    expect(start()).toEqual({ tasks: [], failures: [{ arn: instances[0], reason: 'DAEMON' }] });
    const run = plane.services.tasks.run(partition, { cluster: 'c', taskDefinition: 'app', count: 3 });
    expect(run.tasks.map((t) => t.containerInstanceArn)).toEqual([instances[2], instances[2], instances[2]]);
    settle(plane);
    expect(start().tasks).toHaveLength(1);
  });

  it('holds service tasks back from instances whose daemon task does not run yet', async () => {
    create();
    await waitFor(() => live().length === 2);
    plane.services.ecsServices.create(partition, {
      cluster: 'c',
      serviceName: 's',
      taskDefinition: 'app',
      desiredCount: 1,
      capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }],
    });
    await waitFor(
      () =>
        (plane.services.ecsServices.describe(partition, 'c', ['s'], []).services[0]?.events?.length ?? 0) > 0,
    );
    expect(tasksOf(plane, 'service:s')).toEqual([]);
    expect(
      plane.services.ecsServices.describe(partition, 'c', ['s'], []).services[0]?.events?.[0]?.message,
    ).toContain('is waiting for its daemon tasks to start');
    settle(plane);
    await waitFor(() => tasksOf(plane, 'service:s').length === 1);
    expect([instances[0], instances[1]]).toContain(tasksOf(plane, 'service:s')[0]?.task.containerInstanceArn);
  });

  it('drains an instance whose daemon task stops on its own, and does not replace it there', async () => {
    create();
    await waitFor(() => live().length === 2);
    settle(plane);
    const victim = live().find((t) => t.task.containerInstanceArn === instances[0]);
    if (!victim) throw new Error('no daemon task');
    report(plane, victim, 'STOPPED', 'Essential container in task exited');
    await waitFor(() => instanceStatus(instances[0])?.status === 'DRAINING');
    expect(instanceStatus(instances[0])?.statusReason).toMatch(
      /^Daemon d: its daemon task \(task [0-9a-f]+\) stopped: /,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(live().map((t) => t.task.containerInstanceArn)).toEqual([instances[1]]);
    plane.services.containerInstances.updateState(partition, 'c', [instances[0]], 'ACTIVE');
    await waitFor(() => live().length === 2);
    expect(instanceStatus(instances[0])?.statusReason).toBeUndefined();
  });

  it('rolls a new revision out a batch of instances at a time', async () => {
    create();
    await waitFor(() => live().length === 2);
    settle(plane);
    plane.services.daemonTaskDefinitions.register(
      partition,
      { family: 'agent', memory: '256', containerDefinitions: [{ name: 'collector', image: 'busybox:2' }] },
      'unit',
    );
    const updated = plane.services.daemons.update(partition, {
      daemonArn: DAEMON_ARN,
      daemonTaskDefinitionArn: `${AGENT_TD}:2`,
      capacityProviderArns: [CP_ARN],
    });
    await waitFor(() => live().length === 1);
    expect(deployment(updated.deploymentArn ?? '')).toMatchObject({
      status: 'IN_PROGRESS',
      sourceDaemonRevisions: [{ totalRunningInstanceCount: 1, totalDrainingInstanceCount: 1 }],
    });
    for (let i = 0; i < 6; i++) {
      settle(plane);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor(() => deployment(updated.deploymentArn ?? '')?.status === 'SUCCESSFUL');
    expect(live().map((t) => t.task.taskDefinitionArn)).toEqual([`${AGENT_TD}:2`, `${AGENT_TD}:2`]);
    const listed = listDaemonDeployments(plane.store, partition, { daemonArn: DAEMON_ARN });
    expect(listed.items.map((d) => d.daemonDeploymentArn)[0]).toBe(updated.deploymentArn);
    expect(
      listDaemonDeployments(plane.store, partition, {
        daemonArn: DAEMON_ARN,
        status: ['IN_PROGRESS'],
      }).items,
    ).toEqual([]);
  });

  it('deletes: stops the daemon tasks, then the daemon is gone', async () => {
    create();
    await waitFor(() => live().length === 2);
    settle(plane);
    const deleted = plane.services.daemons.delete(partition, DAEMON_ARN);
    await waitFor(() => live().length === 0);
    expect(tasksOf(plane, 'daemon:d')[0]?.task).toMatchObject({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Daemon deleted.',
    });
    settle(plane);
    await waitFor(() => apiErrorOf(() => describeDaemon(plane.store, partition, DAEMON_ARN)) !== 'none');
    expect(apiErrorOf(() => describeDaemon(plane.store, partition, DAEMON_ARN))).toBe(
      'DaemonNotFoundException: Daemon not found.',
    );
    expect(deployment(deleted.deploymentArn ?? '')?.status).toBe('SUCCESSFUL');
    expect(instanceStatus(instances[0])?.status).toBe('ACTIVE');
  });
});

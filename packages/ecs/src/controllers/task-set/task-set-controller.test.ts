import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import {
  liveTasksOf,
  NETWORK,
  partition,
  reportTasks,
  startTaskSetPlane,
  tasksOf,
  waitFor,
} from '../../services/task-sets/task-set-fixtures.test-support.js';

let plane: RunningControlPlane;

beforeEach(async () => {
  plane = await startTaskSetPlane(4);
});

afterEach(async () => {
  await plane.close();
});

const createTaskSet = (scale: number, overrides: Record<string, unknown> = {}) =>
  plane.services.taskSets.create(partition, {
    cluster: 'c',
    service: 's',
    taskDefinition: 'web',
    scale: { value: scale, unit: 'PERCENT' },
    ...overrides,
  });

const describeTaskSet = (id: string) =>
  plane.services.taskSets.describe(partition, { cluster: 'c', service: 's', taskSets: [id] });

const service = () => plane.services.ecsServices.describe(partition, 'c', ['s'], []).services[0];

describe('TaskSetController', () => {
  it('runs each task set’s computedDesiredCount of real tasks, spread across zones, until STEADY_STATE', async () => {
    const blue = createTaskSet(100);
    const green = createTaskSet(50);
    const blueId = blue.id ?? '';
    const greenId = green.id ?? '';
    await waitFor(() => liveTasksOf(plane, blueId).length === 4 && liveTasksOf(plane, greenId).length === 2);
    const tasks = liveTasksOf(plane, blueId);
    expect(new Set(tasks.map((t) => t.task.group))).toEqual(new Set(['service:s']));
    expect(tasks.map((t) => t.task.availabilityZone).sort()).toEqual([
      'us-east-1a',
      'us-east-1a',
      'us-east-1b',
      'us-east-1b',
    ]);
    expect(describeTaskSet(blueId).taskSets[0]).toMatchObject({ pendingCount: 4, runningCount: 0 });
    expect(
      service()
        ?.events?.map((e) => e.message)
        .join('\n'),
    ).toMatch(new RegExp(`\\(service s, taskSet ${blueId}\\) has started 4 tasks: `));
    reportTasks(plane, tasksOf(plane));
    await waitFor(
      () => describeTaskSet(blueId).taskSets[0]?.stabilityStatus === 'STEADY_STATE',
      'blue steady',
    );
    await waitFor(
      () => describeTaskSet(greenId).taskSets[0]?.stabilityStatus === 'STEADY_STATE',
      'green steady',
    );
    expect(describeTaskSet(blueId).taskSets[0]).toMatchObject({
      runningCount: 4,
      pendingCount: 0,
      computedDesiredCount: 4,
    });
    expect(service()).toMatchObject({ runningCount: 6, pendingCount: 0, desiredCount: 4 });
    await waitFor(() => service()?.events?.[0]?.message === '(service s) has reached a steady state.');
  });

  it('replaces a task that stops, and scales in when the service’s desiredCount drops', async () => {
    const id = createTaskSet(100).id ?? '';
    await waitFor(() => liveTasksOf(plane, id).length === 4);
    reportTasks(plane, tasksOf(plane));
    const [victim] = liveTasksOf(plane, id);
    plane.services.agentLink.report(partition, {
      containerInstanceArn: victim?.task.containerInstanceArn ?? '',
      tasks: [
        {
          cluster: victim?.clusterArn ?? '',
          task: victim?.task.taskArn ?? '',
          status: 'STOPPED',
          stopCode: 'EssentialContainerExited',
          containers: [{ containerName: 'web', status: 'STOPPED', exitCode: 1 }],
        },
      ],
    });
    await waitFor(
      () => tasksOf(plane, id).length === 5 && liveTasksOf(plane, id).length === 4,
      'replacement',
    );
    reportTasks(plane, liveTasksOf(plane, id));
    plane.services.ecsServices.update(partition, { cluster: 'c', service: 's', desiredCount: 2 });
    await waitFor(() => liveTasksOf(plane, id).length === 2, 'scale-in');
    const stopped = tasksOf(plane, id).filter((t) => t.task.stopCode === 'ServiceSchedulerInitiated');
    expect(stopped).toHaveLength(2);
    expect(stopped[0]?.task.stoppedReason).toBe(`Scaling activity initiated by (deployment ${id})`);
    // zones stay balanced
    expect(new Set(liveTasksOf(plane, id).map((t) => t.task.availabilityZone)).size).toBe(2);
  });

  it('DeleteTaskSet stops every task; the task set leaves once they have stopped', async () => {
    const id = createTaskSet(100).id ?? '';
    await waitFor(() => liveTasksOf(plane, id).length === 4);
    reportTasks(plane, tasksOf(plane));
    plane.services.taskSets.delete(partition, { cluster: 'c', service: 's', taskSet: id, force: true });
    await waitFor(() => liveTasksOf(plane, id).length === 0, 'stops');
    expect(describeTaskSet(id).taskSets[0]).toMatchObject({ status: 'DRAINING', runningCount: 0 });
    reportTasks(plane, tasksOf(plane, id));
    await waitFor(() => describeTaskSet(id).failures.length === 1, 'removed');
    expect(service()?.taskSets).toEqual([]);
    expect(plane.store.list('task-set')).toEqual([]);
  });

  it('DeleteService drains every task set and turns INACTIVE once their tasks stopped', async () => {
    const blue = createTaskSet(100).id ?? '';
    createTaskSet(25);
    await waitFor(() => tasksOf(plane).length === 5);
    reportTasks(plane, tasksOf(plane));
    plane.services.ecsServices.delete(partition, 'c', 's', true);
    await waitFor(() => tasksOf(plane).every((t) => t.task.desiredStatus === 'STOPPED'), 'stops');
    expect(tasksOf(plane, blue)[0]?.task.stoppedReason).toBe('Service deleted');
    expect(service()?.status).toBe('DRAINING');
    reportTasks(plane, tasksOf(plane));
    await waitFor(() => service()?.status === 'INACTIVE', 'inactive');
  });

  it('runs a FARGATE task set on managed capacity', async () => {
    plane.services.managedHosts.register(partition, {
      totalResources: toWireResources({ cpu: 4096, memory: 4096, ports: [], portsUdp: [] }),
      attributes: [{ name: 'ecs.availability-zone', value: 'us-east-1c' }],
    });
    const id =
      createTaskSet(50, { taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: NETWORK }).id ??
      '';
    await waitFor(() => liveTasksOf(plane, id).length === 2);
    const [task] = liveTasksOf(plane, id);
    expect(task?.task).toMatchObject({
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      group: 'service:s',
      startedBy: id,
    });
    expect(task?.hostArn).toBeDefined();
  });

  it('leaves a service of the ECS controller to the service controller', async () => {
    plane.services.ecsServices.create(partition, {
      cluster: 'c',
      serviceName: 'rolling',
      taskDefinition: 'web',
      desiredCount: 2,
    });
    await waitFor(() => tasksOf(plane).length === 2);
    expect(tasksOf(plane)[0]?.task.startedBy).toBe(
      plane.services.ecsServices.describe(partition, 'c', ['rolling'], []).services[0]?.deployments?.[0]?.id,
    );
  });
});

/** A control plane with an EXTERNAL service ready for task sets: cluster `c`, two zones, `web` definitions. */
import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { startUnitControlPlane, UNIT_PARTITION } from '../../test-support/unit.test-support.js';
import { KIND, type TaskRecord } from '../records.js';

export const partition = UNIT_PARTITION;
export const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-a'] } };

export const startTaskSetPlane = async (desiredCount = 4): Promise<RunningControlPlane> => {
  const plane = await startUnitControlPlane();
  const { services } = plane;
  services.clusters.create(partition, { clusterName: 'c', capacityProviders: ['FARGATE'] });
  for (const zone of ['us-east-1a', 'us-east-1b']) {
    services.containerInstances.register(partition, {
      cluster: 'c',
      totalResources: toWireResources({ cpu: 4096, memory: 2048, ports: [], portsUdp: [] }),
      attributes: [{ name: 'ecs.availability-zone', value: zone }],
    });
  }
  services.taskDefinitions.register(
    partition,
    { family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 128 }] },
    'unit',
  );
  services.taskDefinitions.register(
    partition,
    {
      family: 'fg',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'x' }],
    },
    'unit',
  );
  services.ecsServices.create(partition, {
    cluster: 'c',
    serviceName: 's',
    desiredCount,
    deploymentController: { type: 'EXTERNAL' },
  });
  return plane;
};

export const tasksOf = (plane: RunningControlPlane, startedBy?: string): TaskRecord[] =>
  plane.store
    .list<TaskRecord>(KIND.task)
    .filter((t) => startedBy === undefined || t.task.startedBy === startedBy);

/** Live (desired RUNNING) tasks of a task set. */
export const liveTasksOf = (plane: RunningControlPlane, startedBy: string): TaskRecord[] =>
  tasksOf(plane, startedBy).filter((t) => t.task.desiredStatus === 'RUNNING');

/** Plays the agent: reports each task as RUNNING, or as STOPPED when it is desired STOPPED. */
export const reportTasks = (plane: RunningControlPlane, tasks: readonly TaskRecord[]): void => {
  const now = Date.now() / 1000;
  for (const record of tasks) {
    const status = record.task.desiredStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING';
    plane.services.agentLink.report(partition, {
      containerInstanceArn: record.hostArn ?? record.task.containerInstanceArn ?? '',
      tasks: [
        {
          cluster: record.clusterArn,
          task: record.task.taskArn ?? '',
          status,
          containers: [{ containerName: 'web', status }],
          ...(status === 'RUNNING' ? { startedAt: now } : { executionStoppedAt: now }),
        },
      ],
    });
  }
};

export const waitFor = async (check: () => boolean, what = 'condition'): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not met`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

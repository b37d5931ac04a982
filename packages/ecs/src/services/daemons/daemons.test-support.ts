/**
 * A control plane with a daemon-ready cluster for daemon tests: cluster `c` with the Auto Scaling
 * group provider `cp` (agents of group `asg`), two instances of it and one outside it, the daemon
 * task definition `agent` and the application task definition `app`. No Docker: an `agent` helper
 * reports task states as a Berth agent would.
 */
import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { startUnitControlPlane, UNIT_PARTITION } from '../../test-support/unit.test-support.js';
import { AUTO_SCALING_GROUP_ATTRIBUTE } from '../capacity-providers/provider-groups.js';
import { KIND, type TaskRecord } from '../records.js';

export const partition = UNIT_PARTITION;
export const CP_ARN = 'arn:aws:ecs:us-east-1:000000000000:capacity-provider/cp';
export const AGENT_TD = 'arn:aws:ecs:us-east-1:000000000000:daemon-task-definition/agent';

export interface DaemonFixture {
  readonly plane: RunningControlPlane;
  /** The two instances of provider `cp`, then the one outside it. */
  readonly instances: readonly [string, string, string];
}

export const startDaemonFixture = async (): Promise<DaemonFixture> => {
  const plane = await startUnitControlPlane();
  const { services } = plane;
  services.capacityProviders.create(partition, {
    name: 'cp',
    autoScalingGroupProvider: { autoScalingGroupArn: 'asg' },
  });
  services.clusters.create(partition, { clusterName: 'c', capacityProviders: ['cp'] });
  const register = (group?: string): string =>
    services.containerInstances.register(partition, {
      cluster: 'c',
      totalResources: toWireResources({ cpu: 2048, memory: 2048, ports: [], portsUdp: [] }),
      attributes: group ? [{ name: AUTO_SCALING_GROUP_ATTRIBUTE, value: group }] : [],
    }).containerInstanceArn ?? '';
  const instances = [register('asg'), register('asg'), register()] as const;
  services.daemonTaskDefinitions.register(
    partition,
    { family: 'agent', memory: '256', containerDefinitions: [{ name: 'collector', image: 'busybox' }] },
    'unit',
  );
  services.taskDefinitions.register(
    partition,
    { family: 'app', containerDefinitions: [{ name: 'web', image: 'x', memory: 128 }] },
    'unit',
  );
  return { plane, instances };
};

export const waitFor = async (check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

export const tasksOf = (plane: RunningControlPlane, group: string): TaskRecord[] =>
  plane.store.list<TaskRecord>(KIND.task).filter((t) => t.task.group === group);

/** What a Berth agent would report: the task now has `status` (STOPPED on its own unless desired). */
export const report = (
  plane: RunningControlPlane,
  record: TaskRecord,
  status: 'RUNNING' | 'STOPPED',
  reason?: string,
): void => {
  plane.services.agentLink.report(partition, {
    containerInstanceArn: record.task.containerInstanceArn ?? '',
    tasks: [
      {
        cluster: record.clusterArn,
        task: record.task.taskArn ?? '',
        status,
        containers: [],
        ...(reason ? { reason } : {}),
      },
    ],
  });
};

/** The agents act on every daemon task: desired RUNNING → RUNNING, desired STOPPED → STOPPED. */
export const settle = (plane: RunningControlPlane, group = 'daemon:d'): void => {
  for (const t of tasksOf(plane, group)) {
    if (t.task.lastStatus === 'STOPPED') continue;
    if (t.task.desiredStatus === 'STOPPED') report(plane, t, 'STOPPED');
    else if (t.task.lastStatus !== 'RUNNING') report(plane, t, 'RUNNING');
  }
};

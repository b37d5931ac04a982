/**
 * Turns a daemon plan's launches into tasks: each built from its revision's daemon task definition
 * for its instance and committed through the shared placement path (the plan applier re-checks
 * the instance is ACTIVE and that CPU, memory and ports are still free).
 */
import { resourceIdOf, type Partition } from '@berth/core';
import type { Tag } from '@berth/wire/ecs';
import type { DaemonLaunch } from '@berth/scheduler';
import type { StoreTransaction } from '@berth/store';

import { capacityProviderOfInstance } from '../../services/capacity-providers/provider-groups.js';
import type { DaemonTaskDefinitionRecord } from '../../services/daemon-task-definitions/daemon-task-definitions-service.js';
import {
  daemonGroup,
  daemonStartedBy,
  type DaemonRecord,
  type DaemonRevisionRecord,
} from '../../services/daemons/daemon-records.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../../services/records.js';
import type { IdSource } from '../../services/service-deps.js';
import { buildTask } from '../../services/tasks/task-factory.js';
import { placementFields } from '../../services/tasks/task-placement-fields.js';
import { placeOnInstances } from '../../services/tasks/task-placement.js';

export interface DaemonLaunchContext {
  readonly tx: StoreTransaction;
  readonly partition: Partition;
  readonly ids: IdSource;
  /** Epoch seconds. */
  readonly now: number;
  readonly daemon: DaemonRecord;
  readonly deploymentArn: string;
}

const tagsOf = (daemon: DaemonRecord, revision: DaemonRevisionRecord): Tag[] => [
  ...(revision.propagateTags === 'DAEMON' ? daemon.tags : []),
  // (impl) As services add aws:ecs:serviceName.
  ...(revision.enableECSManagedTags
    ? [
        { key: 'aws:ecs:clusterName', value: resourceIdOf(daemon.clusterArn) },
        { key: 'aws:ecs:daemonName', value: daemon.daemonName },
      ]
    : []),
];

/** Launches the plan's daemon tasks; returns those committed. */
export const launchDaemonTasks = (
  ctx: DaemonLaunchContext,
  launches: readonly DaemonLaunch[],
): TaskRecord[] => {
  const { tx, daemon } = ctx;
  const started: TaskRecord[] = [];
  for (const launch of launches) {
    const revision = tx.get<DaemonRevisionRecord>(KIND.daemonRevision, launch.revision);
    const definition =
      revision &&
      tx.get<DaemonTaskDefinitionRecord>(KIND.daemonTaskDefinition, revision.daemonTaskDefinitionArn);
    if (!revision || !definition) continue;
    const build = (instanceArn: string): TaskRecord => {
      const instance = tx.get<ContainerInstanceRecord>(KIND.containerInstance, instanceArn);
      const provider = capacityProviderOfInstance(tx, daemon.clusterArn, instance?.instance.attributes);
      const record = buildTask({
        partition: ctx.partition,
        clusterArn: daemon.clusterArn,
        definition: definition.taskDefinition,
        overrides: {},
        launchType: 'EC2',
        group: daemonGroup(daemon.daemonName),
        startedBy: daemonStartedBy(ctx.deploymentArn),
        tags: tagsOf(daemon, revision),
        ...placementFields(tx, { kind: 'instance', arn: instanceArn }),
        ...(provider ? { capacityProviderName: provider } : {}),
        enableExecuteCommand: revision.enableExecuteCommand,
        taskId: ctx.ids.hexId(),
        newId: () => ctx.ids.uuid(),
        now: ctx.now,
      });
      return { ...record, daemon: { daemonArn: daemon.daemonArn, revisionArn: revision.daemonRevisionArn } };
    };
    const outcome = placeOnInstances(
      tx,
      {
        clusterArn: daemon.clusterArn,
        instances: [],
        count: 1,
        template: build(launch.instanceArn),
        constraints: [],
        strategies: [],
        seed: `${daemon.daemonArn}/${ctx.now}`,
        exactly: new Set([launch.instanceArn]),
      },
      build,
    );
    started.push(...outcome.committed);
  }
  return started;
};

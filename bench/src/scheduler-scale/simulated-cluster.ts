/**
 * The real control plane, in this process, with a simulated cluster: one cluster, `instances`
 * registered container instances (three availability zones, round robin) and one task
 * definition. Everything goes through the control plane's own use-case services — no HTTP, so
 * what is measured is the scheduler and the store, not JSON over a socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startControlPlane, type RunningControlPlane } from '@berth/server';
import { toWireResources, type Partition } from '@berth/core';

import { INSTANCE_RESOURCES, TASK_RESERVATION } from './scale-settings.js';

export type ControlPlaneServices = RunningControlPlane['services'];

export const PARTITION: Partition = { accountId: '000000000000', region: 'us-east-1' };
export const CLUSTER_NAME = 'scale';
export const FAMILY = 'scale-app';
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

export interface SimulatedCluster {
  readonly controlPlane: RunningControlPlane;
  readonly services: ControlPlaneServices;
  readonly clusterArn: string;
  readonly instanceArns: readonly string[];
  readonly taskDefinitionArn: string;
}

export const startSimulatedCluster = async (instances: number): Promise<SimulatedCluster> => {
  // The registry's blobs need a directory even though no image is pushed here.
  const registryDir = mkdtempSync(join(tmpdir(), 'berth-scale-registry-'));
  const started = await startControlPlane({
    host: '127.0.0.1',
    port: 0,
    store: { kind: 'memory' },
    credentials: [
      { accessKeyId: 'AKIASCALE', secretAccessKey: 'scalesecret', accountId: PARTITION.accountId },
    ],
    stoppedTaskRetentionMs: 3_600_000,
    log: () => undefined,
    registry: { directory: registryDir, port: 0 },
  });
  const controlPlane: RunningControlPlane = {
    ...started,
    close: async () => {
      await started.close();
      rmSync(registryDir, { recursive: true, force: true });
    },
  };
  try {
    const { services } = controlPlane;
    const clusterArn = services.clusters.create(PARTITION, { clusterName: CLUSTER_NAME }).clusterArn ?? '';
    const totalResources = toWireResources({ ...INSTANCE_RESOURCES, ports: [], portsUdp: [] });
    const instanceArns: string[] = [];
    for (let i = 0; i < instances; i++) {
      const registered = services.containerInstances.register(PARTITION, {
        cluster: CLUSTER_NAME,
        totalResources,
        attributes: [{ name: 'ecs.availability-zone', value: ZONES[i % ZONES.length] ?? 'us-east-1a' }],
        instanceIdentityDocument: JSON.stringify({ instanceId: `i-${i.toString(16).padStart(17, '0')}` }),
      });
      instanceArns.push(registered.containerInstanceArn ?? '');
    }
    const { taskDefinition } = services.taskDefinitions.register(
      PARTITION,
      { family: FAMILY, containerDefinitions: [{ name: 'app', image: 'x', ...TASK_RESERVATION }] },
      'bench',
    );
    return {
      controlPlane,
      services,
      clusterArn,
      instanceArns,
      taskDefinitionArn: taskDefinition.taskDefinitionArn ?? '',
    };
  } catch (error) {
    await controlPlane.close();
    throw error;
  }
};

/**
 * A task's volumes, resolved to what containers mount:
 * - `host.sourcePath` → a bind mount of that host path;
 * - `dockerVolumeConfiguration` with scope `shared` → the named Docker volume (created when
 *   `autoprovision`, else it must exist), never removed by Berth;
 * - scope `task`, or neither host path nor docker configuration → a Docker volume of the task's
 *   own (`ecs-<family>-<rev>-<volume>-<taskId>`), labelled, removed with the task.
 * EFS, FSx and S3 Files volumes are not supported.
 */
import type { Volume } from '@berth/wire/ecs';
import type { DesiredTask } from '@berth/wire/agent';

import type { VolumeSpec } from '../runtime/container-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import { taskVolumeName } from './docker-names.js';

export type TaskVolume =
  | { readonly kind: 'bind'; readonly name: string; readonly source: string }
  | {
      readonly kind: 'docker';
      readonly name: string;
      readonly source: string;
      /** Created (if absent) before containers; absent: the volume must already exist. */
      readonly create?: VolumeSpec;
      /** Removed when the task is cleaned up. */
      readonly taskScoped: boolean;
    }
  | { readonly kind: 'unsupported'; readonly name: string; readonly reason: string };

const taskVolumeLabels = (task: DesiredTask): Record<string, string> => ({
  [LABELS.taskArn]: task.taskArn,
  [LABELS.family]: task.family,
  [LABELS.version]: String(task.revision),
});

const dockerVolume = (task: DesiredTask, volume: Volume, name: string): TaskVolume => {
  const config = volume.dockerVolumeConfiguration ?? {};
  const spec = (source: string, labels: Record<string, string>): VolumeSpec => ({
    name: source,
    ...(config.driver === undefined ? {} : { driver: config.driver }),
    ...(config.driverOpts === undefined ? {} : { driverOpts: config.driverOpts }),
    labels: { ...config.labels, ...labels },
  });
  if (config.scope === 'shared') {
    return {
      kind: 'docker',
      name,
      source: name,
      ...(config.autoprovision ? { create: spec(name, {}) } : {}),
      taskScoped: false,
    };
  }
  const source = taskVolumeName(task, name);
  return { kind: 'docker', name, source, create: spec(source, taskVolumeLabels(task)), taskScoped: true };
};

export const resolveVolume = (task: DesiredTask, volume: Volume): TaskVolume => {
  const name = volume.name ?? '';
  if (
    volume.efsVolumeConfiguration ||
    volume.fsxWindowsFileServerVolumeConfiguration ||
    volume.s3filesVolumeConfiguration
  ) {
    return {
      kind: 'unsupported',
      name,
      reason: `volume '${name}': EFS, FSx and S3 Files volumes are not supported`,
    };
  }
  if (volume.host?.sourcePath) return { kind: 'bind', name, source: volume.host.sourcePath };
  return dockerVolume(task, volume, name);
};

export const resolveTaskVolumes = (task: DesiredTask): TaskVolume[] =>
  task.volumes.map((v) => resolveVolume(task, v));

/** Volume name → what a bind names (host path or Docker volume). */
export const volumeSources = (volumes: readonly TaskVolume[]): Map<string, string> =>
  new Map(volumes.flatMap((v) => (v.kind === 'unsupported' ? [] : [[v.name, v.source] as const])));

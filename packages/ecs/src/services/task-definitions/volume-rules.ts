/**
 * Task volume checks: names (pattern, uniqueness), one volume type each, Docker volume scope and
 * autoprovision, EFS file system ids, at most one volume configured at launch, and no Docker
 * volumes on Fargate.
 */
import { clientException, type ApiError } from '@berth/core';
import type { RegisterTaskDefinitionRequest, Volume } from '@berth/wire/ecs';

import type { TaskLevel } from './task-level-rules.js';
import { checkEnum, isNonEmptyString, listOf, NAME_PATTERN } from './validation-helpers.js';

const TYPES = [
  'host',
  'dockerVolumeConfiguration',
  'efsVolumeConfiguration',
  'fsxWindowsFileServerVolumeConfiguration',
  's3filesVolumeConfiguration',
] as const;

/** (impl) Per-volume errors, in ECS's per-container form. */
const invalidVolumeSetting = (field: string, volume: string): ApiError =>
  clientException(`Invalid '${field}' setting for volume '${volume}'.`);

const checkName = (name: unknown, seen: Set<string>): string => {
  if (name === undefined || name === null || name === '') {
    throw clientException('Volume.name should not be null or empty.');
  }
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw clientException('Volume.name contains invalid characters.');
  }
  if (seen.has(name)) throw clientException('Volume names must be unique within a Task Definition.');
  seen.add(name);
  return name;
};

const checkVolume = (volume: Volume, name: string, level: TaskLevel, path: string): void => {
  const types = TYPES.filter((t) => volume[t] !== undefined && volume[t] !== null);
  if (types.length > 1) throw invalidVolumeSetting(types[1] ?? '', name);
  const docker = volume.dockerVolumeConfiguration;
  if (docker) {
    if (level.fargate) throw invalidVolumeSetting('dockerVolumeConfiguration', name);
    const scope = checkEnum(`${path}.dockerVolumeConfiguration.scope`, docker.scope, ['task', 'shared']);
    if (docker.autoprovision === true && scope !== 'shared') {
      throw invalidVolumeSetting('dockerVolumeConfiguration.autoprovision', name);
    }
  }
  const efs = volume.efsVolumeConfiguration;
  if (efs) {
    if (!isNonEmptyString(efs.fileSystemId))
      throw invalidVolumeSetting('efsVolumeConfiguration.fileSystemId', name);
    checkEnum(`${path}.efsVolumeConfiguration.transitEncryption`, efs.transitEncryption, [
      'ENABLED',
      'DISABLED',
    ]);
  }
};

export const validateVolumes = (request: RegisterTaskDefinitionRequest, level: TaskLevel): void => {
  const volumes = listOf(request.volumes, () => clientException('volumes must be a list.'));
  const seen = new Set<string>();
  let configuredAtLaunch = 0;
  volumes.forEach((volume, i) => {
    if (typeof volume !== 'object' || volume === null)
      throw clientException('Volume.name should not be null or empty.');
    const name = checkName(volume.name, seen);
    checkVolume(volume, name, level, `volumes.${i + 1}.member`);
    if (volume.configuredAtLaunch === true && ++configuredAtLaunch > 1) {
      throw invalidVolumeSetting('configuredAtLaunch', name);
    }
  });
};

import type { Volume } from '@berth/wire/ecs';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException, fargateRequest } from './fixtures.test-support.js';

const withVolumes = (...volumes: Volume[]) => ec2Request({}, { volumes });

describe('volumes', () => {
  it('have a name of 1–255 letters, numbers, hyphens and underscores', () => {
    expectClientException(
      withVolumes({ host: { sourcePath: '/srv' } }),
      'Volume.name should not be null or empty.',
    );
    expectClientException(withVolumes({ name: 'my data' }), 'Volume.name contains invalid characters.');
  });

  it('have unique names', () => {
    expectClientException(
      withVolumes({ name: 'data' }, { name: 'data', host: { sourcePath: '/srv' } }),
      'Volume names must be unique within a Task Definition.',
    );
  });

  it('have one volume type each', () => {
    expectClientException(
      withVolumes({ name: 'data', host: {}, dockerVolumeConfiguration: { scope: 'task' } }),
      "Invalid 'dockerVolumeConfiguration' setting for volume 'data'.",
    );
  });

  it('Docker volumes: scope task or shared; autoprovision only when shared; not on Fargate', () => {
    expectClientException(
      withVolumes({ name: 'data', dockerVolumeConfiguration: { scope: 'global' as never } }),
      "1 validation error detected: Value 'global' at 'volumes.1.member.dockerVolumeConfiguration.scope' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [task, shared]',
    );
    expectClientException(
      withVolumes({ name: 'data', dockerVolumeConfiguration: { scope: 'task', autoprovision: true } }),
      "Invalid 'dockerVolumeConfiguration.autoprovision' setting for volume 'data'.",
    );
    expect(() =>
      build(
        withVolumes({ name: 'data', dockerVolumeConfiguration: { scope: 'shared', autoprovision: true } }),
      ),
    ).not.toThrow();
    expectClientException(
      fargateRequest({}, { volumes: [{ name: 'data', dockerVolumeConfiguration: { scope: 'task' } }] }),
      "Invalid 'dockerVolumeConfiguration' setting for volume 'data'.",
    );
  });

  it('EFS volumes need a file system id', () => {
    expectClientException(
      withVolumes({ name: 'efs', efsVolumeConfiguration: { fileSystemId: '' } }),
      "Invalid 'efsVolumeConfiguration.fileSystemId' setting for volume 'efs'.",
    );
  });

  it('at most one volume is configured at launch', () => {
    expectClientException(
      withVolumes({ name: 'a', configuredAtLaunch: true }, { name: 'b', configuredAtLaunch: true }),
      "Invalid 'configuredAtLaunch' setting for volume 'b'.",
    );
    expect(build(withVolumes({ name: 'a', configuredAtLaunch: true })).volumes).toEqual([
      { name: 'a', configuredAtLaunch: true },
    ]);
  });
});

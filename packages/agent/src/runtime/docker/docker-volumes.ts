import type Dockerode from 'dockerode';

import type { OwnedVolume, VolumeSpec } from '../container-runtime.js';
import { isOwnedBy, MANAGED_LABEL_FILTER, ownerLabelFilters, ownerLabels } from '../ownership-labels.js';
import { RuntimeError } from '../runtime-error.js';
import { dockerCall } from './docker-call.js';

const statusOf = (error: unknown): unknown => (error as { statusCode?: unknown } | null)?.statusCode;

/** Docker volumes: created with owner labels, removed only when owned. */
export class DockerVolumes {
  constructor(private readonly docker: Dockerode) {}

  async ensure(owner: string, spec: VolumeSpec): Promise<void> {
    if (await this.has(spec.name)) return;
    await dockerCall({ op: 'volumeCreate', errorName: 'ResourceInitializationError' }, (abortSignal) =>
      this.docker.createVolume({
        Name: spec.name,
        Driver: spec.driver ?? 'local',
        DriverOpts: { ...spec.driverOpts },
        Labels: { ...spec.labels, ...ownerLabels(owner) },
        abortSignal,
      }),
    );
  }

  async has(name: string): Promise<boolean> {
    return (await this.inspect(name)) !== undefined;
  }

  /** Removes the volume if it exists and is the owner's. */
  async remove(owner: string, name: string): Promise<void> {
    const volume = await this.inspect(name);
    if (!volume) return;
    if (!isOwnedBy(volume.labels, owner)) {
      throw new RuntimeError(
        'CannotRemoveContainerError',
        `refusing to remove volume ${name}: not owned by ${owner}`,
      );
    }
    await dockerCall({ op: 'volumeRemove', errorName: 'CannotRemoveContainerError' }, async (abortSignal) => {
      try {
        await this.docker.getVolume(name).remove({ abortSignal });
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
  }

  async listOwned(owner: string): Promise<OwnedVolume[]> {
    return (await this.list(ownerLabelFilters(owner))).filter((v) => isOwnedBy(v.labels, owner));
  }

  /** Every volume Berth manages, whoever its owner. */
  listManaged(): Promise<OwnedVolume[]> {
    return this.list([MANAGED_LABEL_FILTER]);
  }

  private async list(labels: readonly string[]): Promise<OwnedVolume[]> {
    const response = await dockerCall({ op: 'list', errorName: 'CannotListContainersError' }, (abortSignal) =>
      this.docker.listVolumes({ filters: { label: [...labels] }, abortSignal }),
    );
    return (response.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
  }

  private async inspect(name: string): Promise<OwnedVolume | undefined> {
    return dockerCall(
      { op: 'volumeInspect', errorName: 'ResourceInitializationError' },
      async (abortSignal) => {
        try {
          const info = await this.docker.getVolume(name).inspect({ abortSignal });
          return { name: info.Name, labels: info.Labels ?? {} };
        } catch (error) {
          if (statusOf(error) === 404) return undefined;
          throw error;
        }
      },
    );
  }
}

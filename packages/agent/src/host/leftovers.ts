/**
 * What Berth agents that are no longer running left on this host: containers and volumes carrying
 * Berth's ownership labels whose owner holds no live claim in the host registry (a `berth server
 * --in-memory` killed with -9, an agent whose state directory was deleted, a stopped `berth server`
 * with a data directory — restart that one instead if you want its tasks back). An agent lists them
 * when it starts; `berth gc` stops and removes them with the secret values they were given, and
 * deletes stale claims. Berth never touches
 * anything without its labels.
 */
import type { ContainerRuntime, OwnedContainer, OwnedVolume } from '../runtime/container-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import { reapOrphans } from '../engine/orphan-reaper.js';
import { SecretFiles, agentSecretsRoot } from '../secrets/secret-files.js';
import type { HostRegistry } from './host-registry.js';

export interface Leftovers {
  readonly containers: readonly OwnedContainer[];
  readonly volumes: readonly OwnedVolume[];
  /** The owners (container-instance ARNs) they belong to. */
  readonly owners: readonly string[];
}

const ownerOf = (labels: Readonly<Record<string, string>>): string => labels[LABELS.containerInstance] ?? '';

export const findLeftovers = async (
  runtime: Pick<ContainerRuntime, 'listManagedContainers' | 'listManagedVolumes'>,
  registry: HostRegistry,
): Promise<Leftovers> => {
  const containers = await runtime.listManagedContainers();
  const volumes = await runtime.listManagedVolumes();
  // Read the claims after listing, so an agent that started meanwhile is not taken for gone.
  const live = new Set(registry.liveClaims().map((c) => c.owner));
  const gone = <T extends { labels: Readonly<Record<string, string>> }>(items: readonly T[]): T[] =>
    items.filter((i) => !live.has(ownerOf(i.labels)));
  const left = { containers: gone(containers), volumes: gone(volumes) };
  const owners = [...new Set([...left.containers, ...left.volumes].map((i) => ownerOf(i.labels)))].sort();
  return { ...left, owners };
};

const onlyOwners = (left: Leftovers, owners: ReadonlySet<string> | undefined): Leftovers =>
  owners === undefined
    ? left
    : {
        containers: left.containers.filter((c) => owners.has(ownerOf(c.labels))),
        volumes: left.volumes.filter((v) => owners.has(ownerOf(v.labels))),
        owners: left.owners.filter((o) => owners.has(o)),
      };

export interface GarbageReport extends Leftovers {
  readonly staleClaims: number;
}

/** `berth gc`: stops and removes the leftovers (pause containers last), and deletes stale claims. */
export const collectGarbage = async (
  runtime: ContainerRuntime,
  registry: HostRegistry,
  options: {
    readonly dryRun: boolean;
    readonly stopTimeoutSeconds: number;
    /** Only what these owners left (default: every owner no longer running). */
    readonly owners?: ReadonlySet<string>;
    readonly log: (message: string, fields?: Record<string, unknown>) => void;
  },
): Promise<GarbageReport> => {
  const staleClaims = options.dryRun ? 0 : registry.pruneStale().length;
  const left = onlyOwners(await findLeftovers(runtime, registry), options.owners);
  if (!options.dryRun) {
    for (const owner of left.owners) {
      const mine = left.containers.filter((c) => ownerOf(c.labels) === owner);
      await reapOrphans(
        { runtime, owner, stopTimeoutSeconds: options.stopTimeoutSeconds, log: options.log },
        mine,
        new Set(),
      );
      // The values of its tasks' secrets, on this host's tmpfs.
      await new SecretFiles(agentSecretsRoot(registry.runDir, owner)).removeAll();
    }
  }
  return { ...left, staleClaims };
};

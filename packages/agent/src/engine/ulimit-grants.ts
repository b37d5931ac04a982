/**
 * What a container's ulimits become on this host. A container cannot get a hard limit above what
 * the container runtime itself has unless the runtime holds CAP_SYS_RESOURCE — many hosts and
 * sandboxes cap open files (e.g. at 20,000) and drop that capability, and runc then fails the
 * container. By default the agent grants the most the host allows and says so (a notice the task
 * reports, which becomes a service event, and a log line); with `strictUlimits` it passes the
 * limits as given, so the start fails as Docker's would (CannotStartContainerError). Pure.
 */
import type { ContainerDefinition } from '@berth/wire/ecs';

import type { UlimitSpec } from '../runtime/container-runtime.js';

/** ulimit name (`nofile`, `nproc`, …) → the most a container may get here. Absent: no known ceiling. */
export type UlimitCeilings = ReadonlyMap<string, number>;

export interface UlimitPolicy {
  readonly ceilings: UlimitCeilings;
  readonly strict: boolean;
}

export const NO_ULIMIT_CEILINGS: UlimitPolicy = { ceilings: new Map(), strict: false };

const wanted = (d: ContainerDefinition): UlimitSpec[] =>
  (d.ulimits ?? []).map((u) => ({ name: u.name, soft: u.softLimit, hard: u.hardLimit }));

const granted = (u: UlimitSpec, policy: UlimitPolicy): UlimitSpec => {
  const ceiling = policy.ceilings.get(u.name);
  if (policy.strict || ceiling === undefined || u.hard <= ceiling) return u;
  return { name: u.name, soft: Math.min(u.soft, ceiling), hard: ceiling };
};

/** The ulimits the container is created with. */
export const grantedUlimits = (d: ContainerDefinition, policy: UlimitPolicy): UlimitSpec[] =>
  wanted(d).map((u) => granted(u, policy));

/** One notice per ulimit the host could not grant as asked. */
export const ulimitNotices = (containers: readonly ContainerDefinition[], policy: UlimitPolicy): string[] =>
  containers.flatMap((d) =>
    wanted(d).flatMap((u) => {
      const g = granted(u, policy);
      if (g === u) return [];
      return [
        `(container ${d.name ?? ''}) ulimit ${u.name} ${u.soft}:${u.hard} is above this host's maximum of ${g.hard}; it runs with ${g.soft}:${g.hard} (berth agent --strict-ulimits fails such tasks instead).`,
      ];
    }),
  );

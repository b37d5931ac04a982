import type { HealthStatus } from '@berth/wire/ecs';
import type { DesiredTask } from '@berth/wire/agent';

import type { ContainerInspection, RuntimeHealth } from '../runtime/container-runtime.js';
import { networkBindings } from './spec-network.js';
import { isBefore, type ManagedContainer } from './task-state.js';

export const OOM_REASON = 'OutOfMemoryError: Container killed due to memory usage';
export const VANISHED_REASON = 'ContainerVanishedError: No container matching saved ID found';

const HEALTH: Record<RuntimeHealth, HealthStatus> = {
  starting: 'UNKNOWN',
  healthy: 'HEALTHY',
  unhealthy: 'UNHEALTHY',
};

const LIVE = new Set(['running', 'paused', 'restarting']);

/** An OOM kill is SIGKILL: exit 137. */
const OOM_EXIT_CODE = 137;

const markStopped = (c: ManagedContainer, inspection: ContainerInspection): void => {
  c.known = 'STOPPED';
  c.exitCode = inspection.exitCode;
  // Docker (cgroup v1) flags OOMKilled on every container under a task cgroup that hit its limit,
  // so the flag counts only for a container SIGKILLed without the agent stopping it.
  if (inspection.oomKilled && inspection.exitCode === OOM_EXIT_CODE && !c.stopSent) c.reason ??= OOM_REASON;
};

/**
 * Folds what the runtime reports about a container into its state. Statuses only move forward;
 * a container that disappears while it was known is STOPPED with ContainerVanishedError.
 */
export const observeContainer = (
  task: DesiredTask,
  c: ManagedContainer,
  inspection: ContainerInspection | undefined,
): void => {
  if (!inspection) {
    if (c.known === 'STOPPED') return;
    if (c.startedAtMs === undefined && c.known === 'CREATED') {
      c.known = 'NONE';
      c.runtimeId = undefined;
      return;
    }
    c.known = 'STOPPED';
    c.reason ??= VANISHED_REASON;
    return;
  }
  c.runtimeId = inspection.id;
  c.health = inspection.health === undefined ? 'UNKNOWN' : HEALTH[inspection.health];
  if (LIVE.has(inspection.state)) {
    if (isBefore(c.known, 'RUNNING')) c.known = 'RUNNING';
    c.startedAtMs = inspection.startedAt ?? c.startedAtMs;
    if (c.known === 'RUNNING') c.bindings = networkBindings(task, c.definition, inspection);
    return;
  }
  if (inspection.startedAt !== undefined) {
    c.startedAtMs ??= inspection.startedAt;
    if (c.known !== 'STOPPED') markStopped(c, inspection);
    return;
  }
  if (isBefore(c.known, 'CREATED')) c.known = 'CREATED';
};

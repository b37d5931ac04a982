/**
 * How a daemon deployment moves [G managed-daemons-deployments]: PENDING → IN_PROGRESS →
 * SUCCESSFUL; the circuit breaker turns IN_PROGRESS into ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL
 * when there is a revision to go back to, else into STOPPED.
 *
 *   PENDING ─▶ IN_PROGRESS ─────────────▶ SUCCESSFUL
 *                  │ failures ≥ threshold
 *                  ├─ previous revision ─▶ ROLLBACK_IN_PROGRESS ─▶ ROLLBACK_SUCCESSFUL
 *                  └─ none ──────────────▶ STOPPED
 * (UpdateDaemon and DeleteDaemon stop a deployment still under way: the use case does that.)
 */
import type { DaemonRollout } from './daemon-types.js';

/** Status reasons. The SUCCESSFUL one is the API Reference example's (DescribeDaemonDeployments). */
export const daemonRolloutReasons = {
  successful: 'Deployment completed successfully.',
  // (impl) Worded after ECS's service circuit breaker reasons.
  rollingBack: 'Daemon deployment circuit breaker: daemon tasks failed; rolling back.',
  rolledBack: 'Rollback completed successfully.',
  failed: 'Daemon deployment circuit breaker: daemon tasks failed.',
} as const;

/**
 * The circuit breaker's threshold for a deployment over `instances` instances. (impl) Half the
 * instances, at least 1, at most 200 — ECS's service breaker uses half the desired count within
 * 3–200 [M ServiceDeploymentCircuitBreaker.threshold]; Berth cannot replace hosts, so a failed
 * daemon task drains its instance and one instance can fail only once.
 */
export const daemonFailureThreshold = (instances: number): number =>
  Math.min(200, Math.max(1, Math.ceil(instances / 2)));

/** The revision the daemon's instances should run now: the rollback's while rolling back. */
export const effectiveRevision = (rollout: DaemonRollout): string | undefined =>
  rollout.rollback && (rollout.status === 'ROLLBACK_IN_PROGRESS' || rollout.status === 'ROLLBACK_SUCCESSFUL')
    ? rollout.rollback.revision
    : rollout.targetRevision;

export const isRollingOut = (rollout: DaemonRollout): boolean =>
  rollout.status === 'IN_PROGRESS' || rollout.status === 'ROLLBACK_IN_PROGRESS';

/** PENDING starts; IN_PROGRESS trips the breaker once failures reach the threshold. */
export const advanceRollout = (rollout: DaemonRollout, failures: number, now: number): DaemonRollout => {
  let next: DaemonRollout = { ...rollout, failureCount: rollout.failureCount + failures };
  if (next.status === 'PENDING') next = { ...next, status: 'IN_PROGRESS', startedAt: now };
  if (next.status !== 'IN_PROGRESS' || next.failureCount < next.threshold) return next;
  if (next.rollbackRevision !== undefined && next.rollbackRevision !== next.targetRevision) {
    const { bakeUntil: _bake, ...rest } = next;
    return {
      ...rest,
      status: 'ROLLBACK_IN_PROGRESS',
      statusReason: daemonRolloutReasons.rollingBack,
      stepInFlight: false,
      rollback: { reason: daemonRolloutReasons.failed, startedAt: now, revision: next.rollbackRevision },
    };
  }
  return { ...next, status: 'STOPPED', stoppedAt: now, statusReason: daemonRolloutReasons.failed };
};

/** A rollout with nothing left to replace is done (after the bake time of its last step). */
export const completeRollout = (rollout: DaemonRollout, now: number): DaemonRollout => {
  if (rollout.status === 'IN_PROGRESS') {
    return {
      ...rollout,
      status: 'SUCCESSFUL',
      finishedAt: now,
      statusReason: daemonRolloutReasons.successful,
    };
  }
  if (rollout.status === 'ROLLBACK_IN_PROGRESS') {
    return {
      ...rollout,
      status: 'ROLLBACK_SUCCESSFUL',
      finishedAt: now,
      statusReason: daemonRolloutReasons.rolledBack,
    };
  }
  return rollout;
};

/** Instances replaced per step: drainPercent of them, rounded down, at least one. (impl) rounding. */
export const stepSize = (instances: number, drainPercent: number): number =>
  Math.max(1, Math.floor((instances * drainPercent) / 100));

/**
 * Which registered targets of one target group take new requests, with ALB's fail-open rule:
 * when fewer targets are healthy than the group's minimum (default 1, i.e. none healthy), every
 * registered target that is not draining is routable; otherwise only healthy ones are. Initial
 * targets are not routable unless the group is failing open. Pure.
 */
import type { ServerPlan } from '../model/lb-model.js';
import type { TargetHealthState } from './target-health-state.js';

export interface TargetRouting {
  readonly targetKey: string;
  readonly state: TargetHealthState;
}

export interface RoutingDecision {
  /** The HAProxy state each target's server should have, by target key. */
  readonly serverStates: ReadonlyMap<string, ServerPlan['state']>;
  readonly failingOpen: boolean;
}

const registeredAndActive = (state: TargetHealthState): boolean => state !== 'draining' && state !== 'unused';

export const routableServers = (
  targets: readonly TargetRouting[],
  minimumHealthyTargets = 1,
): RoutingDecision => {
  const healthyCount = targets.filter((target) => target.state === 'healthy').length;
  const failingOpen =
    healthyCount < minimumHealthyTargets && targets.some((t) => registeredAndActive(t.state));
  const serverStates = new Map<string, ServerPlan['state']>();
  for (const target of targets) {
    const routable = failingOpen ? registeredAndActive(target.state) : target.state === 'healthy';
    serverStates.set(target.targetKey, routable ? 'ready' : target.state === 'draining' ? 'drain' : 'maint');
  }
  return { serverStates, failingOpen };
};

/**
 * ECS task placement for `count` identical tasks, one at a time:
 * 1. filter: status ACTIVE, agent connected, required attributes, constraints (memberOf,
 *    distinctInstance), then CPU, MEMORY, PORTS, PORTS_UDP, all against the state left by the
 *    tasks already placed in this call;
 * 2. rank the survivors by the strategies in order, remaining ties by seeded random;
 * 3. debit the chosen instance (resources, running count, task groups) and repeat.
 * The first task that fits nowhere ends the call: the rest cannot fit either, and `failures` says
 * why each instance refused it. Nothing is ever over-committed.
 *
 * Cost: constraints are parsed once and checked once per instance; after each placement only the
 * chosen instance is checked again (nothing else changed). Ranking is one pass over the instances
 * that fit, per task (none without strategies).
 */
import { invalidParameter } from '@berth/core';

import { seededRandom } from '../random/seeded-random.js';
import { CandidateRanker } from './candidate-ranker.js';
import { dynamicRefusal, SKIP, staticRefusal } from './check-instance.js';
import { compileConstraints } from './compile-constraints.js';
import type { CompiledConstraints } from './compile-constraints.js';
import { compileStrategies } from './compile-strategies.js';
import { applyPlacement, createInstanceState } from './instance-state.js';
import type { InstanceState } from './instance-state.js';
import type {
  PlacementAssignment,
  PlacementFailure,
  PlacementInstance,
  PlacementRequest,
  PlacementResult,
} from './placement-types.js';

type StaticOutcome = ReturnType<typeof staticRefusal>;

const describeFailures = (
  states: readonly InstanceState[],
  staticOutcomes: readonly StaticOutcome[],
  request: PlacementRequest,
  constraints: CompiledConstraints,
): PlacementFailure[] => {
  const failures: PlacementFailure[] = [];
  const reported = new Set<string>();
  states.forEach((state, i) => {
    const reason =
      staticOutcomes[i] ?? dynamicRefusal(state, request.reservation, request.group, constraints);
    if (reason === undefined || reason === SKIP || reported.has(state.arn)) return;
    reported.add(state.arn);
    failures.push({ arn: state.arn, reason });
  });
  return failures;
};

export const placeTasks = (
  request: PlacementRequest,
  instances: readonly PlacementInstance[],
): PlacementResult => {
  if (!Number.isInteger(request.count) || request.count < 0) {
    throw invalidParameter(`Invalid task count ${request.count}: expected a whole number of at least 0.`);
  }
  const constraints = compileConstraints(request.constraints);
  const strategies = compileStrategies(request.strategies);
  const spreadGroup = request.spreadCountGroup ?? request.group;
  const requiredAttributes = request.requiredAttributes ?? [];
  const states = instances.map((instance, i) => createInstanceState(instance, i, spreadGroup));
  const staticOutcomes = instances.map((instance) =>
    staticRefusal(instance, constraints, requiredAttributes),
  );
  const fits = (state: InstanceState): boolean =>
    dynamicRefusal(state, request.reservation, request.group, constraints) === undefined;
  // Placing a task changes only the chosen instance, so only its fit needs checking again.
  const candidates = states.filter((state, i) => staticOutcomes[i] === undefined && fits(state));
  const ranker = new CandidateRanker(strategies, states);
  const random = seededRandom(request.seed);

  const placements: PlacementAssignment[] = [];
  for (let n = 0; n < request.count; n++) {
    const chosen = ranker.choose(candidates, random);
    if (chosen === undefined) {
      return { placements, failures: describeFailures(states, staticOutcomes, request, constraints) };
    }
    applyPlacement(chosen, request.reservation, request.group);
    ranker.recordPlacement(chosen);
    placements.push({ instanceArn: chosen.arn });
    if (!fits(chosen)) candidates.splice(candidates.indexOf(chosen), 1);
  }
  return { placements, failures: [] };
};

/**
 * A rule's forward action as another API steers it (ECS blue/green shifts traffic by rewriting the
 * weights between a service's two target groups): what the rule forwards to, and the rule's actions
 * with those groups and weights replaced, the action's order and stickiness kept. Pure.
 */
import type { ActionRecord, RuleRecord } from '../../records/rule-record.js';
import { invalidAction, validationError } from '../elbv2-errors.js';

import { checkForwardTargetList } from './rule-actions.js';

export interface TargetGroupWeight {
  readonly targetGroupArn: string;
  /** 0–999, as ELBv2 allows. */
  readonly weight: number;
}

export interface RuleForward {
  readonly ruleArn: string;
  readonly listenerArn: string;
  readonly loadBalancerArn: string;
  /** The forward action's target groups in order; undefined when the rule does not forward. */
  readonly targetGroups: readonly TargetGroupWeight[] | undefined;
  /** The rule's actions are one forward action and nothing else. */
  readonly onlyForward: boolean;
}

type ForwardAction = Extract<ActionRecord, { type: 'forward' }>;

const forwardOf = (rule: RuleRecord): ForwardAction | undefined =>
  rule.actions.find((a): a is ForwardAction => a.type === 'forward');

export const ruleForward = (rule: RuleRecord): RuleForward => ({
  ruleArn: rule.arn,
  listenerArn: rule.listenerArn,
  loadBalancerArn: rule.loadBalancerArn,
  targetGroups: forwardOf(rule)?.targetGroups.map((t) => ({
    targetGroupArn: t.targetGroupArn,
    weight: t.weight,
  })),
  onlyForward: rule.actions.length === 1 && rule.actions[0]?.type === 'forward',
});

const sameTargets = (a: readonly TargetGroupWeight[], b: readonly TargetGroupWeight[]): boolean =>
  a.length === b.length &&
  a.every((t, i) => t.targetGroupArn === b[i]?.targetGroupArn && t.weight === b[i]?.weight);

/**
 * The rule's actions with its forward action now sending to `weights`, or undefined when it already
 * does exactly that (nothing to write). Throws when the rule has no forward action or the weights
 * are not a valid forward config. The groups' existence is the store's to check (forward-checks.ts).
 */
export const withForwardWeights = (
  rule: RuleRecord,
  weights: readonly TargetGroupWeight[],
): ActionRecord[] | undefined => {
  const forward = forwardOf(rule);
  // Berth's own use case (no ELBv2 operation has it): the wordings are Berth's.
  if (!forward) throw invalidAction(`Rule '${rule.arn}' has no forward action`);
  if (weights.length === 0) throw validationError('A forward action must have at least one target group');
  const targetGroups = checkForwardTargetList(weights);
  if (sameTargets(forward.targetGroups, targetGroups)) return undefined;
  return rule.actions.map((a) => (a === forward ? { ...forward, targetGroups } : a));
};

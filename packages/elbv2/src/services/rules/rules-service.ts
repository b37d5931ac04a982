/**
 * Listener rules: CreateRule (priority 1–50000, unique per listener, ≤ 100 per listener),
 * DescribeRules, ModifyRule, DeleteRule (never the default rule) and SetRulePriorities; for other
 * APIs, reading a rule's forward action and replacing its target groups' weights.
 */
import { partitionKey, type Partition } from '@berth/core';
import type {
  CreateRuleInput,
  DescribeRulesInput,
  ModifyRuleInput,
  Rule,
  RulePriorityPair,
} from '@berth/wire/elbv2';

import { ruleArn } from '../../records/elbv2-arns.js';
import { evaluationOrder, type RuleRecord } from '../../records/rule-record.js';
import {
  notSupported,
  operationNotPermitted,
  priorityInUse,
  rangeError,
  ruleNotFound,
  tooManyRules,
  validationError,
} from '../elbv2-errors.js';
import { findRule, listenerOf, ruleOf } from '../lookups.js';
import { pageOf, type MarkerPage } from '../pagination.js';
import type { ServiceDeps } from '../service-deps.js';
import { putTags } from '../tags/tags-service.js';
import { validateTags } from '../tags/tag-rules.js';

import { checkForwardTargets } from './forward-checks.js';
import {
  ruleForward,
  withForwardWeights,
  type RuleForward,
  type TargetGroupWeight,
} from './forward-weights.js';
import { validateActions } from './rule-actions.js';
import { validateConditions } from './rule-conditions.js';
import { deleteRuleTx, putRuleTx, rulesOf } from './rule-store.js';
import { ruleView } from './rule-view.js';

export const MAX_RULES_PER_LISTENER = 100;

const checkPriority = (priority: unknown): number => {
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1 || priority > 50000)
    throw validationError(rangeError(priority, 'priority', 1, 50000));
  return priority;
};

export class RulesService {
  constructor(private readonly deps: ServiceDeps) {}

  create(partition: Partition, request: CreateRuleInput): Rule {
    const key = partitionKey(partition);
    if (request.Transforms !== undefined && request.Transforms.length > 0)
      throw notSupported('rule transforms', 'the data plane does not rewrite host headers or URLs');
    const priority = checkPriority(request.Priority);
    const conditions = validateConditions(request.Conditions);
    const tags = validateTags(request.Tags);
    return this.deps.store.transact((tx) => {
      const listener = listenerOf(tx, key, request.ListenerArn);
      const actions = validateActions(request.Actions, listener.protocol);
      const rules = rulesOf(tx, listener.arn);
      if (rules.some((r) => r.priority === priority)) throw priorityInUse(priority);
      if (rules.filter((r) => r.priority !== 'default').length >= MAX_RULES_PER_LISTENER)
        throw tooManyRules(MAX_RULES_PER_LISTENER);
      checkForwardTargets(tx, key, listener.loadBalancerArn, actions);
      const rule: RuleRecord = {
        arn: ruleArn(listener.arn, this.deps.ids.hex16()),
        listenerArn: listener.arn,
        loadBalancerArn: listener.loadBalancerArn,
        partitionKey: key,
        priority,
        conditions,
        actions,
      };
      putRuleTx(tx, rule);
      putTags(tx, key, rule.arn, tags);
      return ruleView(rule);
    });
  }

  describe(partition: Partition, request: DescribeRulesInput): MarkerPage<Rule> {
    const key = partitionKey(partition);
    const store = this.deps.store;
    const arns = request.RuleArns;
    if (arns?.length && request.ListenerArn !== undefined)
      throw validationError('Listener ARN and rule ARNs cannot be specified at the same time');
    let rules: RuleRecord[];
    if (arns?.length) {
      rules = arns.map((arn) => findRule(store, key, arn)).filter((r) => r !== undefined);
      if (rules.length !== new Set(arns).size) throw ruleNotFound();
    } else if (request.ListenerArn !== undefined) {
      rules = evaluationOrder(rulesOf(store, listenerOf(store, key, request.ListenerArn).arn));
    } else throw validationError('You must specify either listener rule ARNs or a listener ARN');
    const page = pageOf(rules, request.PageSize, request.Marker);
    return { ...page, items: page.items.map(ruleView) };
  }

  modify(partition: Partition, request: ModifyRuleInput): Rule {
    const key = partitionKey(partition);
    if (request.Transforms !== undefined && request.Transforms.length > 0)
      throw notSupported('rule transforms', 'the data plane does not rewrite host headers or URLs');
    return this.deps.store.transact((tx) => {
      const rule = ruleOf(tx, key, request.RuleArn);
      if (rule.priority === 'default' && request.Conditions !== undefined && request.Conditions.length > 0)
        throw operationNotPermitted('Conditions cannot be specified for the default rule');
      const listener = listenerOf(tx, key, rule.listenerArn);
      const conditions = request.Conditions?.length
        ? validateConditions(request.Conditions)
        : rule.conditions;
      const actions = request.Actions?.length
        ? validateActions(request.Actions, listener.protocol)
        : rule.actions;
      checkForwardTargets(tx, key, rule.loadBalancerArn, actions);
      const next: RuleRecord = { ...rule, conditions, actions };
      putRuleTx(tx, next);
      return ruleView(next);
    });
  }

  /** undefined when the rule (a listener's default rule included) is not in the partition. */
  forwardOf(partition: Partition, arn: string): RuleForward | undefined {
    const rule = findRule(this.deps.store, partitionKey(partition), arn);
    return rule && ruleForward(rule);
  }

  /** Replaces the groups and weights of the rule's forward action; writes nothing if they are these. */
  setForwardWeights(partition: Partition, arn: string, weights: readonly TargetGroupWeight[]): void {
    const key = partitionKey(partition);
    this.deps.store.transact((tx) => {
      const rule = ruleOf(tx, key, arn);
      const actions = withForwardWeights(rule, weights);
      if (!actions) return;
      checkForwardTargets(tx, key, rule.loadBalancerArn, actions);
      putRuleTx(tx, { ...rule, actions });
    });
  }

  delete(partition: Partition, arn: unknown): void {
    const key = partitionKey(partition);
    this.deps.store.transact((tx) => {
      const rule = ruleOf(tx, key, arn);
      if (rule.priority === 'default')
        throw operationNotPermitted(`Default rule '${rule.arn}' cannot be deleted`);
      deleteRuleTx(tx, rule);
    });
  }

  setPriorities(partition: Partition, pairs: readonly RulePriorityPair[] | undefined): Rule[] {
    const key = partitionKey(partition);
    if (!pairs || pairs.length === 0) throw validationError('RulePriorities must contain at least one rule');
    const priorities = pairs.map((p) => checkPriority(p.Priority));
    const repeated = priorities.find((p, i) => priorities.indexOf(p) !== i);
    if (repeated !== undefined) throw validationError(`Priority '${repeated}' was provided multiple times`);
    return this.deps.store.transact((tx) => {
      const moved = pairs.map((pair, i) => {
        const rule = ruleOf(tx, key, pair.RuleArn);
        if (rule.priority === 'default')
          throw operationNotPermitted(`The priority of default rule '${rule.arn}' cannot be changed`);
        return { rule, priority: priorities[i] ?? 0 };
      });
      const movedArns = new Set(moved.map((m) => m.rule.arn));
      for (const { rule, priority } of moved) {
        const clash = rulesOf(tx, rule.listenerArn).find(
          (r) => r.priority === priority && !movedArns.has(r.arn),
        );
        if (clash) throw priorityInUse(priority);
      }
      return moved.map(({ rule, priority }) => {
        const next: RuleRecord = { ...rule, priority };
        putRuleTx(tx, next);
        return ruleView(next);
      });
    });
  }
}

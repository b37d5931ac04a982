/**
 * Writes and deletes rules together with the target-group-use index they feed, so the index is
 * never out of step with the rules' forward actions.
 */
import type { StoreReader, StoreTransaction } from '@berth/store';

import type { ListenerRecord } from '../../records/listener-record.js';
import type { RuleRecord } from '../../records/rule-record.js';
import { ELBV2_KIND, useKey } from '../../records/store-kinds.js';
import type { TargetGroupUseRecord } from '../../records/target-group-use-record.js';

/** The target groups a rule's actions forward to. */
export const forwardedGroups = (rule: Pick<RuleRecord, 'actions'>): string[] => [
  ...new Set(
    rule.actions.flatMap((a) => (a.type === 'forward' ? a.targetGroups.map((t) => t.targetGroupArn) : [])),
  ),
];

export const usesOf = (reader: StoreReader, targetGroupArn: string): TargetGroupUseRecord[] =>
  reader.list<TargetGroupUseRecord>(ELBV2_KIND.targetGroupUse, targetGroupArn);

/** The load balancers whose rules forward to a target group, sorted. */
export const loadBalancersUsing = (reader: StoreReader, targetGroupArn: string): string[] =>
  [...new Set(usesOf(reader, targetGroupArn).map((u) => u.loadBalancerArn))].sort();

export const deleteRuleTx = (tx: StoreTransaction, rule: RuleRecord): void => {
  for (const tg of forwardedGroups(rule)) tx.delete(ELBV2_KIND.targetGroupUse, useKey(tg, rule.arn));
  tx.delete(ELBV2_KIND.rule, rule.arn);
  tx.delete(ELBV2_KIND.tags, rule.arn);
};

export const putRuleTx = (tx: StoreTransaction, rule: RuleRecord): void => {
  const previous = tx.get<RuleRecord>(ELBV2_KIND.rule, rule.arn);
  if (previous)
    for (const tg of forwardedGroups(previous)) tx.delete(ELBV2_KIND.targetGroupUse, useKey(tg, rule.arn));
  tx.put(ELBV2_KIND.rule, rule.arn, rule.listenerArn, rule);
  for (const tg of forwardedGroups(rule)) {
    const use: TargetGroupUseRecord = {
      targetGroupArn: tg,
      ruleArn: rule.arn,
      listenerArn: rule.listenerArn,
      loadBalancerArn: rule.loadBalancerArn,
    };
    tx.put(ELBV2_KIND.targetGroupUse, useKey(tg, rule.arn), tg, use);
  }
};

export const rulesOf = (reader: StoreReader, listenerArn: string): RuleRecord[] =>
  reader.list<RuleRecord>(ELBV2_KIND.rule, listenerArn);

/** Deletes a listener with its rules (the default one included) and its tags. */
export const deleteListenerTx = (tx: StoreTransaction, listener: ListenerRecord): void => {
  for (const rule of rulesOf(tx, listener.arn)) deleteRuleTx(tx, rule);
  tx.delete(ELBV2_KIND.listener, listener.arn);
  tx.delete(ELBV2_KIND.tags, listener.arn);
};

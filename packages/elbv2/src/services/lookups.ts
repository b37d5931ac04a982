/** Reads one ELBv2 resource of the caller's partition, or throws the API's not-found error. */
import type { StoreReader } from '@berth/store';

import type { ListenerRecord } from '../records/listener-record.js';
import type { LoadBalancerRecord } from '../records/load-balancer-record.js';
import type { RuleRecord } from '../records/rule-record.js';
import { ELBV2_KIND } from '../records/store-kinds.js';
import type { TargetGroupRecord } from '../records/target-group-record.js';

import {
  listenerNotFound,
  loadBalancerNotFound,
  ruleNotFound,
  targetGroupNotFound,
  validationError,
} from './elbv2-errors.js';

const owned = <T extends { partitionKey: string }>(
  reader: StoreReader,
  kind: string,
  partitionKey: string,
  arn: unknown,
): T | undefined => {
  if (typeof arn !== 'string') return undefined;
  const record = reader.get<T>(kind, arn);
  return record?.partitionKey === partitionKey ? record : undefined;
};

const required = (arn: unknown, member: string): string => {
  if (typeof arn !== 'string' || arn.length === 0) throw validationError(`${member} must be specified`);
  return arn;
};

export const findLoadBalancer = (reader: StoreReader, partitionKey: string, arn: unknown) =>
  owned<LoadBalancerRecord>(reader, ELBV2_KIND.loadBalancer, partitionKey, arn);
export const findTargetGroup = (reader: StoreReader, partitionKey: string, arn: unknown) =>
  owned<TargetGroupRecord>(reader, ELBV2_KIND.targetGroup, partitionKey, arn);
export const findListener = (reader: StoreReader, partitionKey: string, arn: unknown) =>
  owned<ListenerRecord>(reader, ELBV2_KIND.listener, partitionKey, arn);
export const findRule = (reader: StoreReader, partitionKey: string, arn: unknown) =>
  owned<RuleRecord>(reader, ELBV2_KIND.rule, partitionKey, arn);

export const loadBalancerOf = (
  reader: StoreReader,
  partitionKey: string,
  arn: unknown,
): LoadBalancerRecord => {
  const value = required(arn, 'LoadBalancerArn');
  const record = findLoadBalancer(reader, partitionKey, value);
  if (!record) throw loadBalancerNotFound(value);
  return record;
};

export const targetGroupOf = (reader: StoreReader, partitionKey: string, arn: unknown): TargetGroupRecord => {
  const value = required(arn, 'TargetGroupArn');
  const record = findTargetGroup(reader, partitionKey, value);
  if (!record) throw targetGroupNotFound(value);
  return record;
};

export const listenerOf = (reader: StoreReader, partitionKey: string, arn: unknown): ListenerRecord => {
  const record = findListener(reader, partitionKey, required(arn, 'ListenerArn'));
  if (!record) throw listenerNotFound();
  return record;
};

export const ruleOf = (reader: StoreReader, partitionKey: string, arn: unknown): RuleRecord => {
  const record = findRule(reader, partitionKey, required(arn, 'RuleArn'));
  if (!record) throw ruleNotFound();
  return record;
};

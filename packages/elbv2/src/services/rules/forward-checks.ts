/**
 * The store-side checks of forward actions: every target group exists in the caller's partition
 * and is used by no other load balancer (an ALB target group belongs to one load balancer).
 */
import type { StoreReader } from '@berth/store';

import type { ActionRecord } from '../../records/rule-record.js';
import { associationLimit, targetGroupsNotFound } from '../elbv2-errors.js';
import { findTargetGroup } from '../lookups.js';

import { forwardedGroups, loadBalancersUsing } from './rule-store.js';

export const checkForwardTargets = (
  reader: StoreReader,
  partitionKey: string,
  loadBalancerArn: string,
  actions: readonly ActionRecord[],
): void => {
  const groups = forwardedGroups({ actions });
  const missing = groups.filter((arn) => !findTargetGroup(reader, partitionKey, arn));
  if (missing.length > 0) throw targetGroupsNotFound(missing);
  const elsewhere = groups.filter((arn) =>
    loadBalancersUsing(reader, arn).some((lb) => lb !== loadBalancerArn),
  );
  if (elsewhere.length > 0) throw associationLimit(elsewhere);
};

/**
 * Finding a managed policy by ARN — an AWS one built in, or a customer one in the store — as one
 * view, with its default version's text and its attachment count.
 */
import type { StoreReader, StoreTransaction } from '@berth/store';

import {
  type AwsPolicyUsageRecord,
  awsPolicyUsageKey,
  IAM_KIND,
  type ManagedPolicyRecord,
} from '../records/iam-records.js';

import { type AwsManagedPolicy, awsManagedPolicy } from './aws-managed-policies.js';
import { noSuchEntity } from './iam-errors.js';

export type ManagedPolicyView =
  | { readonly source: 'aws'; readonly policy: AwsManagedPolicy }
  | { readonly source: 'customer'; readonly policy: ManagedPolicyRecord };

export const findManagedPolicy = (store: StoreReader, arn: string): ManagedPolicyView | undefined => {
  const aws = awsManagedPolicy(arn);
  if (aws !== undefined) return { source: 'aws', policy: aws };
  const customer = store.get<ManagedPolicyRecord>(IAM_KIND.policy, arn);
  return customer === undefined ? undefined : { source: 'customer', policy: customer };
};

/** The text of a managed policy's default version (none when it has none). */
export const defaultTextsOf = (view: ManagedPolicyView): string[] => {
  if (view.source === 'aws') return [view.policy.document];
  const version = view.policy.versions.find((v) => v.versionId === view.policy.defaultVersionId);
  return version === undefined ? [] : [version.document];
};

export const attachmentCountOf = (store: StoreReader, accountId: string, view: ManagedPolicyView): number =>
  view.source === 'customer'
    ? view.policy.attachmentCount
    : (store.get<AwsPolicyUsageRecord>(IAM_KIND.awsPolicyUsage, awsPolicyUsageKey(accountId, view.policy.arn))
        ?.attachmentCount ?? 0);

/** Adds `delta` to a managed policy's attachment count. */
export const countAttachment = (
  tx: StoreTransaction,
  accountId: string,
  view: ManagedPolicyView,
  delta: number,
): void => {
  if (view.source === 'customer') {
    const current = tx.get<ManagedPolicyRecord>(IAM_KIND.policy, view.policy.arn) ?? view.policy;
    tx.put(IAM_KIND.policy, current.arn, current.accountId, {
      ...current,
      attachmentCount: current.attachmentCount + delta,
    });
    return;
  }
  const key = awsPolicyUsageKey(accountId, view.policy.arn);
  const count = (tx.get<AwsPolicyUsageRecord>(IAM_KIND.awsPolicyUsage, key)?.attachmentCount ?? 0) + delta;
  if (count <= 0) tx.delete(IAM_KIND.awsPolicyUsage, key);
  else
    tx.put(IAM_KIND.awsPolicyUsage, key, accountId, {
      accountId,
      arn: view.policy.arn,
      attachmentCount: count,
    });
};

export const noSuchPolicy = (arn: string): Error => noSuchEntity(`Policy ${arn} was not found.`);

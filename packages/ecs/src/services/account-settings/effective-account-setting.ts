/**
 * The account setting in effect for a principal [G ecs-account-settings]: its own setting, else the
 * root user's (the account default, which PutAccountSettingDefault sets), else AWS's default.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { KIND, type AccountSettingRecord } from '../records.js';

import { SETTING_RULES } from './account-setting-rules.js';
import { isRootPrincipal, rootPrincipal } from './setting-principal.js';

export const accountSettingKey = (partition: Partition, principalArn: string, name: string): string =>
  `${partitionKey(partition)}|${principalArn}|${name}`;

/** A principal's own setting, if it has one. */
export const ownAccountSetting = (
  reader: StoreReader,
  partition: Partition,
  principalArn: string,
  name: string,
): AccountSettingRecord | undefined =>
  reader.get<AccountSettingRecord>(KIND.accountSetting, accountSettingKey(partition, principalArn, name));

export const effectiveAccountSetting = (
  reader: StoreReader,
  partition: Partition,
  principalArn: string,
  name: string,
): string => {
  const rule = SETTING_RULES.get(name);
  if (rule?.type === 'aws_managed') return rule.defaultValue;
  const root = rootPrincipal(partition);
  const own = isRootPrincipal(principalArn)
    ? undefined
    : ownAccountSetting(reader, partition, principalArn, name);
  return own?.value ?? ownAccountSetting(reader, partition, root, name)?.value ?? rule?.defaultValue ?? '';
};

/**
 * PutAccountSetting, PutAccountSettingDefault, ListAccountSettings and DeleteAccountSetting: ECS
 * account settings per region and account (the partition) and per principal. The root user's
 * setting is the account default [G ecs-account-settings]; see account-setting-rules.ts for what
 * Berth does with each setting.
 */
import { invalidParameter, partitionKey, type Partition } from '@berth/core';
import type { Setting, SettingName } from '@berth/wire/ecs';

import { paginate, type Page } from '../pagination.js';
import { KIND, type AccountSettingRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';

import { SETTING_NAMES, SETTING_RULES, settingRule, settingValue } from './account-setting-rules.js';
import {
  accountSettingKey,
  effectiveAccountSetting,
  ownAccountSetting,
} from './effective-account-setting.js';
import { isRootPrincipal, rootPrincipal, settingPrincipal } from './setting-principal.js';

/** [M ListAccountSettings.maxResults]: 1–10, default 10. */
const MAX_RESULTS = 10;

export interface ListAccountSettingsInput {
  readonly name?: unknown;
  readonly value?: unknown;
  readonly principalArn?: unknown;
  readonly effectiveSettings?: unknown;
  readonly maxResults?: unknown;
  readonly nextToken?: unknown;
}

const wire = (name: string, value: string, principalArn: string): Setting => ({
  name: name as SettingName,
  value,
  principalArn,
  type: SETTING_RULES.get(name)?.type ?? 'user',
});

export class AccountSettingsService {
  constructor(private readonly deps: ServiceDeps) {}

  /** PutAccountSetting: the setting of `principalArn` (default: the caller). */
  put(
    partition: Partition,
    callerArn: string,
    request: { name?: unknown; value?: unknown; principalArn?: unknown },
  ): Setting {
    const { name, rule } = settingRule(request.name);
    const principal = settingPrincipal(partition, callerArn, request.principalArn);
    const value = settingValue(name, rule, request.value);
    if (rule.rootOnly && !isRootPrincipal(principal)) {
      // (impl) [M PutAccountSetting.principalArn]: "You must use the root user when you set the Fargate wait time".
      throw invalidParameter(`You must use the root user when you set the ${name} account setting.`);
    }
    return this.store(partition, principal, name, value);
  }

  /** PutAccountSettingDefault: the root user's setting, which every principal without its own follows. */
  putDefault(partition: Partition, request: { name?: unknown; value?: unknown }): Setting {
    const { name, rule } = settingRule(request.name);
    return this.store(partition, rootPrincipal(partition), name, settingValue(name, rule, request.value));
  }

  /** DeleteAccountSetting: the principal's own setting goes; it follows the account default again. */
  delete(
    partition: Partition,
    callerArn: string,
    request: { name?: unknown; principalArn?: unknown },
  ): Setting {
    const { name, rule } = settingRule(request.name);
    const principal = settingPrincipal(partition, callerArn, request.principalArn);
    if (rule.type === 'aws_managed') settingValue(name, rule, rule.defaultValue);
    return this.deps.store.transact((tx) => {
      const own = ownAccountSetting(tx, partition, principal, name);
      if (own) tx.delete(KIND.accountSetting, accountSettingKey(partition, principal, name));
      // (impl) The removed setting; with none to remove, the one in effect.
      return wire(name, own?.value ?? effectiveAccountSetting(tx, partition, principal, name), principal);
    });
  }

  /**
   * ListAccountSettings [M]: the principal's own settings, or with effectiveSettings every setting
   * as it applies to the principal (own, else the account default, else AWS's default); filtered by
   * name and value (a value needs a name), 10 per page.
   */
  list(partition: Partition, callerArn: string, request: ListAccountSettingsInput): Page<Setting> {
    if (request.value !== undefined && request.name === undefined) {
      // (impl) [M ListAccountSettings.value]: "You must also specify an account setting name".
      throw invalidParameter('value can only be given together with name.');
    }
    const names = request.name === undefined ? SETTING_NAMES : [settingRule(request.name).name];
    const principal = settingPrincipal(partition, callerArn, request.principalArn);
    const effective = request.effectiveSettings === true;
    const reader = this.deps.store;
    const settings: Setting[] = [];
    for (const name of names) {
      const value = effective
        ? effectiveAccountSetting(reader, partition, principal, name)
        : ownAccountSetting(reader, partition, principal, name)?.value;
      if (value === undefined || (request.value !== undefined && value !== request.value)) continue;
      settings.push(wire(name, value, principal));
    }
    return paginate(settings, request.maxResults, request.nextToken, MAX_RESULTS);
  }

  private store(partition: Partition, principalArn: string, name: string, value: string): Setting {
    const record: AccountSettingRecord = { partitionKey: partitionKey(partition), principalArn, name, value };
    this.deps.store.transact((tx) =>
      tx.put(
        KIND.accountSetting,
        accountSettingKey(partition, principalArn, name),
        record.partitionKey,
        record,
      ),
    );
    return wire(name, value, principalArn);
  }
}

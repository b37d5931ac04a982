/** Alarm tags: TagResource, UntagResource and ListTagsForResource on alarm ARNs. */
import { partitionKey, type Partition } from '@berth/core';
import type { StateStore } from '@berth/store';
import type { Tag } from '@berth/wire/cloudwatch';

import { invalidParameterValue, resourceNotFoundException } from '../services/cloudwatch-errors.js';

import { ALARM_KIND, alarmKey, type AlarmRecord } from './alarm-record.js';

const MAX_TAGS = 50;

export const checkTags = (tags: readonly Tag[]): Tag[] => {
  if (tags.length > MAX_TAGS)
    throw invalidParameterValue(`The collection Tags must not have a size greater than ${MAX_TAGS}.`);
  for (const t of tags) {
    if (!t.Key || t.Key.length > 128)
      throw invalidParameterValue(`The value ${String(t.Key)} for parameter Tags.Key is invalid.`);
    if (t.Value === undefined || t.Value.length > 256)
      throw invalidParameterValue(`The value ${String(t.Value)} for parameter Tags.Value is invalid.`);
  }
  return [...tags];
};

const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:([a-z0-9-]+):(\d{12}):alarm:(.+)$/;

export class AlarmTagsService {
  constructor(private readonly store: StateStore) {}

  private keyOf(scope: Partition, arn: string | undefined): string {
    const match = ALARM_ARN.exec(arn ?? '');
    if (!match || match[1] !== scope.region || match[2] !== scope.accountId)
      throw invalidParameterValue(`The value ${String(arn)} for parameter ResourceARN is invalid.`);
    return alarmKey(partitionKey(scope), match[3]!);
  }

  private alarm(key: string, arn: string | undefined): AlarmRecord {
    const alarm = this.store.get<AlarmRecord>(ALARM_KIND, key);
    if (!alarm) throw resourceNotFoundException(`${String(arn)} not found`);
    return alarm;
  }

  list(scope: Partition, arn: string | undefined): Tag[] {
    return [...this.alarm(this.keyOf(scope, arn), arn).tags];
  }

  tag(scope: Partition, arn: string | undefined, tags: readonly Tag[] | undefined): void {
    const key = this.keyOf(scope, arn);
    const given = checkTags(tags ?? []);
    this.store.transact((tx) => {
      const alarm = this.alarm(key, arn);
      const kept = alarm.tags.filter((t) => !given.some((g) => g.Key === t.Key));
      const merged = checkTags([...kept, ...given]);
      tx.put(ALARM_KIND, key, alarm.partitionKey, { ...alarm, tags: merged });
    });
  }

  untag(scope: Partition, arn: string | undefined, keys: readonly string[] | undefined): void {
    const key = this.keyOf(scope, arn);
    this.store.transact((tx) => {
      const alarm = this.alarm(key, arn);
      tx.put(ALARM_KIND, key, alarm.partitionKey, {
        ...alarm,
        tags: alarm.tags.filter((t) => !(keys ?? []).includes(t.Key)),
      });
    });
  }
}

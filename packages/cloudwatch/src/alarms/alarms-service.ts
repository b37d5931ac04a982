/**
 * The alarm use cases behind PutMetricAlarm, PutCompositeAlarm, SetAlarmState, Enable/
 * DisableAlarmActions and DeleteAlarms. Definitions and states are records in the state store;
 * each write and its history items commit in one transaction, and the actions of a state change
 * fire once it is committed. A new alarm starts in INSUFFICIENT_DATA; an update keeps the state.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StateStore } from '@berth/store';
import type {
  PutCompositeAlarmInput,
  PutMetricAlarmInput,
  SetAlarmStateInput,
  Tag,
} from '@berth/wire/cloudwatch';

import { invalidFormat, resourceNotFound, validationError } from '../services/cloudwatch-errors.js';

import { checkActions } from './alarm-actions-rules.js';
import type { AlarmActionDispatcher } from './alarm-action-dispatcher.js';
import { appendHistory, configurationEntry } from './alarm-history.js';
import {
  ALARM_KIND,
  alarmKey,
  type AlarmRecord,
  type AlarmStateValue,
  type CompositeAlarmRecord,
  type MetricAlarmRecord,
} from './alarm-record.js';
import { writeTransition } from './alarm-transition.js';
import { compositeAlarmView, metricAlarmView } from './alarm-views.js';
import { MAX_RULE_LENGTH, parseAlarmRule, ruleAlarms, RuleSyntaxError } from './composite-rule.js';
import { checkAlarmName, checkMetricAlarm } from './metric-alarm-request.js';
import { checkTags } from './alarm-tags.js';

export interface AlarmsDeps {
  readonly store: StateStore;
  readonly now: () => number;
  readonly actions: AlarmActionDispatcher;
}

export const alarmArn = (p: Partition, name: string): string =>
  `arn:aws:cloudwatch:${p.region}:${p.accountId}:alarm:${name}`;

const STATES: readonly AlarmStateValue[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

export class AlarmsService {
  constructor(private readonly deps: AlarmsDeps) {}

  find(scope: Partition, name: string): AlarmRecord | undefined {
    return this.deps.store.get<AlarmRecord>(ALARM_KIND, alarmKey(partitionKey(scope), name));
  }

  list(scope: Partition): AlarmRecord[] {
    return this.deps.store
      .list<AlarmRecord>(ALARM_KIND, partitionKey(scope))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  putMetricAlarm(scope: Partition, input: PutMetricAlarmInput): void {
    const name = checkAlarmName(input.AlarmName);
    const metric = checkMetricAlarm(input);
    const base = this.baseOf(scope, name, input);
    this.save(scope, { ...base, type: 'MetricAlarm', metric }, input.Tags, (r) =>
      metricAlarmView(r as MetricAlarmRecord),
    );
  }

  putCompositeAlarm(scope: Partition, input: PutCompositeAlarmInput): void {
    const name = checkAlarmName(input.AlarmName);
    if (input.ActionsSuppressor !== undefined)
      throw validationError(
        'Berth does not implement composite alarm action suppression (ActionsSuppressor).',
      );
    const rule = input.AlarmRule;
    if (typeof rule !== 'string' || rule.length === 0) throw validationError('AlarmRule is required.');
    if (rule.length > MAX_RULE_LENGTH)
      throw validationError(`AlarmRule must be at most ${MAX_RULE_LENGTH} characters long.`);
    let names: string[];
    try {
      names = ruleAlarms(parseAlarmRule(rule));
    } catch (error) {
      if (error instanceof RuleSyntaxError) throw validationError(`Invalid AlarmRule: ${error.message}.`);
      throw error;
    }
    const byName = (n: string): string => n.replace(/^arn:aws[a-z-]*:cloudwatch:[^:]*:\d*:alarm:/, '');
    const missing = names.filter((n) => this.find(scope, byName(n)) === undefined);
    if (missing.length > 0)
      throw validationError(
        `Could not save the composite alarm as alarms [${missing.join(', ')}] in the alarm rule do not exist`,
      );
    if (names.map(byName).includes(name)) throw validationError('A composite alarm cannot refer to itself.');
    const base = this.baseOf(scope, name, input);
    this.save(scope, { ...base, type: 'CompositeAlarm', rule }, input.Tags, (r) =>
      compositeAlarmView(r as CompositeAlarmRecord),
    );
  }

  setState(scope: Partition, input: SetAlarmStateInput): void {
    const name = checkAlarmName(input.AlarmName);
    if (!STATES.includes(input.StateValue))
      throw validationError(`The value ${String(input.StateValue)} for parameter StateValue is invalid.`);
    if (typeof input.StateReason !== 'string') throw validationError('StateReason is required.');
    if (input.StateReasonData !== undefined) {
      try {
        JSON.parse(input.StateReasonData);
      } catch {
        throw invalidFormat('StateReasonData is not valid JSON.');
      }
    }
    const transition = this.deps.store.transact((tx) => {
      const alarm = tx.get<AlarmRecord>(ALARM_KIND, alarmKey(partitionKey(scope), name));
      if (!alarm) throw resourceNotFound(`Alarm ${name} not found`);
      return writeTransition(
        tx,
        alarm,
        {
          value: input.StateValue,
          reason: input.StateReason,
          ...(input.StateReasonData !== undefined ? { reasonData: input.StateReasonData } : {}),
        },
        this.deps.now(),
      );
    });
    this.deps.actions.fired(transition);
  }

  setActionsEnabled(scope: Partition, names: readonly string[] | undefined, enabled: boolean): void {
    this.deps.store.transact((tx) => {
      for (const name of names ?? []) {
        const key = alarmKey(partitionKey(scope), name);
        const alarm = tx.get<AlarmRecord>(ALARM_KIND, key);
        if (alarm && alarm.actionsEnabled !== enabled)
          tx.put(ALARM_KIND, key, alarm.partitionKey, { ...alarm, actionsEnabled: enabled });
      }
    });
  }

  /** Deletes every named alarm, or none when one of them does not exist. */
  delete(scope: Partition, names: readonly string[] | undefined): void {
    const list = names ?? [];
    this.deps.store.transact((tx) => {
      const missing = list.filter((n) => !tx.get<AlarmRecord>(ALARM_KIND, alarmKey(partitionKey(scope), n)));
      if (missing.length > 0)
        throw resourceNotFound(
          `${missing.length === 1 ? 'Alarm' : 'Alarms'} ${missing.join(', ')} not found`,
        );
      for (const name of list) tx.delete(ALARM_KIND, alarmKey(partitionKey(scope), name));
    });
  }

  private baseOf(
    scope: Partition,
    name: string,
    input: PutMetricAlarmInput | PutCompositeAlarmInput,
  ): Omit<MetricAlarmRecord, 'type' | 'metric'> {
    const now = this.deps.now();
    const existing = this.find(scope, name);
    if (input.AlarmDescription !== undefined && input.AlarmDescription.length > 1024)
      throw validationError('AlarmDescription must be at most 1024 characters long.');
    return {
      partitionKey: partitionKey(scope),
      name,
      arn: alarmArn(scope, name),
      ...(input.AlarmDescription !== undefined ? { description: input.AlarmDescription } : {}),
      actionsEnabled: input.ActionsEnabled ?? true,
      okActions: checkActions(input.OKActions, 'OKActions'),
      alarmActions: checkActions(input.AlarmActions, 'AlarmActions'),
      insufficientDataActions: checkActions(input.InsufficientDataActions, 'InsufficientDataActions'),
      configurationUpdatedAt: now,
      state: existing?.state ?? {
        value: 'INSUFFICIENT_DATA',
        reason: 'Unchecked: Initial alarm creation',
        updatedAt: now,
        transitionedAt: now,
      },
      tags: existing?.tags ?? [],
    };
  }

  private save(
    scope: Partition,
    record: AlarmRecord,
    tags: readonly Tag[] | undefined,
    view: (r: AlarmRecord) => object,
  ): void {
    const given = tags === undefined ? undefined : checkTags(tags);
    this.deps.store.transact((tx) => {
      const key = alarmKey(partitionKey(scope), record.name);
      const existing = tx.get<AlarmRecord>(ALARM_KIND, key);
      if (existing && existing.type !== record.type)
        throw validationError(
          `The alarm ${record.name} exists as a ${existing.type === 'MetricAlarm' ? 'metric' : 'composite'} alarm.`,
        );
      // An update keeps the stored state and tags (read in this transaction, so a transition the
      // evaluator just committed is kept); tags are applied only when the alarm is created.
      const saved: AlarmRecord = existing
        ? { ...record, state: existing.state, tags: existing.tags }
        : given === undefined
          ? record
          : { ...record, tags: given };
      tx.put(ALARM_KIND, key, record.partitionKey, saved);
      const shown = view(saved) as Record<string, unknown>;
      appendHistory(
        tx,
        saved,
        configurationEntry(existing === undefined, shown, record.configurationUpdatedAt, record.name),
      );
    });
  }
}

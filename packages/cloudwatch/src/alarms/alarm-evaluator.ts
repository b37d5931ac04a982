/**
 * The alarm evaluator: a level-triggered controller. Every tick it looks at each metric alarm
 * and, once a period boundary has passed since its last evaluation, reads its evaluation range
 * (more complete periods than EvaluationPeriods, for late data) through GetMetricData (one MetricStat, or the alarm's
 * metric-math queries), asks the pure decision (alarm-decision.ts) for a state, and writes a
 * change with its history item. Composite alarms then follow their children's states. Nothing
 * depends on having seen a transition: a restarted server evaluates from the stored state.
 */
import type { StateStore } from '@berth/store';
import type { MetricDataQuery } from '@berth/wire/cloudwatch';

import type { MetricDataService } from '../services/metric-data/metric-data-service.js';

import type { AlarmActionDispatcher } from './alarm-action-dispatcher.js';
import {
  decideAlarmState,
  evaluationRange,
  isoTime,
  longReasonDate,
  periodsToEvaluate,
} from './alarm-decision.js';
import {
  ALARM_KIND,
  alarmKey,
  type AlarmRecord,
  type AlarmStateValue,
  type CompositeAlarmRecord,
  type MetricAlarmRecord,
} from './alarm-record.js';
import { writeTransition, type AlarmTransition, type NextState } from './alarm-transition.js';
import { evaluateRule, parseAlarmRule, ruleAlarms } from './composite-rule.js';

export interface AlarmEvaluatorOptions {
  readonly store: StateStore;
  readonly metricData: MetricDataService;
  readonly actions: AlarmActionDispatcher;
  readonly now: () => number;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

const periodOf = (a: MetricAlarmRecord): number => {
  const m = a.metric;
  if (m.period !== undefined) return m.period;
  const returned =
    (m.metrics ?? []).find((q) => q.ReturnData === true) ??
    (m.metrics ?? []).find((q) => q.ReturnData !== false);
  return (
    returned?.MetricStat?.Period ??
    returned?.Period ??
    (m.metrics ?? []).find((q) => q.MetricStat)?.MetricStat?.Period ??
    60
  );
};

const queriesOf = (a: MetricAlarmRecord, period: number): MetricDataQuery[] => {
  const m = a.metric;
  if (m.metrics) return [...m.metrics];
  return [
    {
      Id: 'm1',
      MetricStat: {
        Metric: {
          Namespace: m.namespace ?? '',
          MetricName: m.metricName ?? '',
          Dimensions: [...(m.dimensions ?? [])],
        },
        Period: period,
        Stat: m.statistic ?? 'Average',
        ...(m.unit !== undefined ? { Unit: m.unit } : {}),
      },
      ReturnData: true,
    },
  ];
};

const nameOf = (ref: string): string => ref.replace(/^arn:aws[a-z-]*:cloudwatch:[^:]*:\d*:alarm:/, '');

export class AlarmEvaluator {
  /** Alarm key → the period boundary (epoch ms) and configuration it was last evaluated at. */
  private readonly evaluatedAt = new Map<string, string>();
  private running = false;

  constructor(private readonly options: AlarmEvaluatorOptions) {}

  /** One pass over every alarm; a pass still running makes this one a no-op. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const alarms = this.options.store.list<AlarmRecord>(ALARM_KIND);
      for (const alarm of alarms) {
        if (alarm.type !== 'MetricAlarm') continue;
        try {
          await this.evaluateMetricAlarm(alarm);
        } catch (error) {
          this.options.log?.('alarm evaluation failed', { alarm: alarm.name, error: String(error) });
        }
      }
      this.evaluateComposites();
      this.options.actions.repeat(this.options.store.list<AlarmRecord>(ALARM_KIND));
    } finally {
      this.running = false;
    }
  }

  private async evaluateMetricAlarm(alarm: MetricAlarmRecord): Promise<void> {
    const now = this.options.now();
    const period = periodOf(alarm);
    const periodMs = period * 1000;
    const end = Math.floor(now / periodMs) * periodMs;
    const key = alarmKey(alarm.partitionKey, alarm.name);
    const mark = `${end}|${alarm.configurationUpdatedAt}`;
    if (this.evaluatedAt.get(key) === mark) return;
    this.evaluatedAt.set(key, mark);
    const n = alarm.metric.evaluationPeriods;
    const rangeLength = evaluationRange(n, period);
    const start = end - rangeLength * periodMs;
    const [accountId = '', region = ''] = alarm.partitionKey.split('/');
    const result = await this.options.metricData.getData(
      { accountId, region },
      {
        MetricDataQueries: queriesOf(alarm, period),
        StartTime: start / 1000,
        EndTime: end / 1000,
        ScanBy: 'TimestampDescending',
      },
    );
    const series = result.MetricDataResults?.[0];
    const values = new Map<number, number>();
    (series?.Timestamps ?? []).forEach((t, i) => {
      const v = series?.Values?.[i];
      if (v !== undefined && Number.isFinite(v)) values.set(Math.round(t * 1000), v);
    });
    const range = Array.from({ length: rangeLength }, (_, i) => end - (i + 1) * periodMs);
    const periods = periodsToEvaluate(range, values, n);
    const current = this.options.store.get<MetricAlarmRecord>(ALARM_KIND, key);
    if (!current || current.configurationUpdatedAt !== alarm.configurationUpdatedAt) return;
    const decision = decideAlarmState({
      current: current.state.value,
      comparison: current.metric.comparisonOperator,
      threshold: current.metric.threshold,
      evaluationPeriods: n,
      datapointsToAlarm: current.metric.datapointsToAlarm,
      treatMissingData: current.metric.treatMissingData,
      period,
      ...(current.metric.statistic ? { statistic: current.metric.statistic } : {}),
      periods,
      values,
      now,
    });
    if (decision) this.transition(key, decision, (a) => a.state.value !== decision.value);
  }

  /** Composite alarms follow their children, until nothing changes (composites may nest). */
  private evaluateComposites(): void {
    for (let pass = 0; pass < 5; pass += 1) {
      let changed = false;
      for (const alarm of this.options.store.list<AlarmRecord>(ALARM_KIND)) {
        if (alarm.type !== 'CompositeAlarm') continue;
        const next = this.compositeState(alarm);
        if (next.value === alarm.state.value) continue;
        changed =
          this.transition(
            alarmKey(alarm.partitionKey, alarm.name),
            next,
            (a) => a.state.value !== next.value,
          ) || changed;
      }
      if (!changed) return;
    }
  }

  private compositeState(alarm: CompositeAlarmRecord): NextState {
    const rule = parseAlarmRule(alarm.rule);
    const children = ruleAlarms(rule).map((ref) => ({
      ref,
      alarm: this.options.store.get<AlarmRecord>(ALARM_KIND, alarmKey(alarm.partitionKey, nameOf(ref))),
    }));
    const stateOf = (ref: string): AlarmStateValue | undefined =>
      children.find((c) => c.ref === ref)?.alarm?.state.value;
    const value: AlarmStateValue = evaluateRule(rule, stateOf) ? 'ALARM' : 'OK';
    const triggering = children
      .flatMap((c) => (c.alarm ? [c.alarm] : []))
      .sort((a, b) => b.state.transitionedAt - a.state.transitionedAt)[0];
    const reason = triggering
      ? `${triggering.arn} transitioned to ${triggering.state.value} at ${longReasonDate(triggering.state.transitionedAt)}`
      : `The alarm rule ${alarm.rule} evaluates to ${value === 'ALARM' ? 'TRUE' : 'FALSE'}`;
    const reasonData = JSON.stringify({
      triggeringAlarms: triggering
        ? [
            {
              arn: triggering.arn,
              state: { value: triggering.state.value, timestamp: isoTime(triggering.state.transitionedAt) },
            },
          ]
        : [],
    });
    return { value, reason, reasonData };
  }

  /** Writes `next` when `still` holds of the stored alarm; fires its actions once committed. */
  private transition(key: string, next: NextState, still: (a: AlarmRecord) => boolean): boolean {
    const done: AlarmTransition | undefined = this.options.store.transact((tx) => {
      const alarm = tx.get<AlarmRecord>(ALARM_KIND, key);
      if (!alarm || !still(alarm)) return undefined;
      return writeTransition(tx, alarm, next, this.options.now());
    });
    if (done) this.options.actions.fired(done);
    return done !== undefined;
  }
}

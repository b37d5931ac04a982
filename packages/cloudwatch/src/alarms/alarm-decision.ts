/**
 * The metric alarm decision (pure): given the values of the last EvaluationPeriods periods and
 * the alarm's settings, the state the alarm should be in, with StateReason and StateReasonData
 * worded as CloudWatch words them.
 *
 * Which periods: CloudWatch reads an evaluation range longer than EvaluationPeriods, so a metric
 * published late is not taken for missing. With at least EvaluationPeriods datapoints in the range,
 * the newest that many are evaluated and TreatMissingData plays no part; with fewer, the newest
 * EvaluationPeriods periods are, missing ones treated as configured (docs: "Configuring how
 * CloudWatch alarms treat missing data").
 *
 * Each period either has a value or is missing. TreatMissingData says what a missing one counts
 * as: breaching, notBreaching, or nothing (missing, ignore). With no period known at all, the
 * alarm goes to INSUFFICIENT_DATA (missing) or keeps its state (ignore). Otherwise it is ALARM
 * when at least DatapointsToAlarm periods breach (M out of N), else OK.
 */
import type { AlarmStateValue, StaticComparison, TreatMissingData } from './alarm-record.js';

export interface DecisionInput {
  readonly current: AlarmStateValue;
  readonly comparison: StaticComparison;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingData;
  /** Seconds. */
  readonly period: number;
  /** The statistic (single-metric alarms), for StateReasonData. */
  readonly statistic?: string;
  /** The evaluated periods' starts, epoch ms, newest first (EvaluationPeriods of them). */
  readonly periods: readonly number[];
  /** Each period's value, by its start. */
  readonly values: ReadonlyMap<number, number>;
  /** Epoch ms. */
  readonly now: number;
}

export interface AlarmDecision {
  readonly value: AlarmStateValue;
  readonly reason: string;
  readonly reasonData?: string;
}

const WORDS: Record<StaticComparison, string> = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/**
 * How many periods the evaluation range spans. AWS does not publish its exact numbers; these leave
 * room for two minutes of delay at 1-minute periods and fifty seconds at high resolution.
 */
export const evaluationRange = (evaluationPeriods: number, periodSeconds: number): number =>
  evaluationPeriods + (periodSeconds < 60 ? 5 : 2);

/**
 * The periods to evaluate (starts, newest first), out of the range's (`range`, newest first): the
 * newest `evaluationPeriods` that have a value when there are enough of them, else the newest
 * `evaluationPeriods` of the range, missing or not.
 */
export const periodsToEvaluate = (
  range: readonly number[],
  values: ReadonlyMap<number, number>,
  evaluationPeriods: number,
): number[] => {
  const present = range.filter((start) => values.has(start));
  return present.length >= evaluationPeriods
    ? present.slice(0, evaluationPeriods)
    : range.slice(0, evaluationPeriods);
};

export const breaches = (comparison: StaticComparison, value: number, threshold: number): boolean => {
  switch (comparison) {
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
};

/** A number as CloudWatch (Java) prints a double: 70 → 70.0. */
export const javaDouble = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(n));

const pad = (n: number): string => String(n).padStart(2, '0');

/** dd/MM/yy HH:mm:ss in UTC, as reasons show a datapoint's time. */
export const reasonDate = (ms: number): string => {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Thursday 03 December, 2026 14:20:00 UTC, as a composite alarm's reason names a child's change. */
export const longReasonDate = (ms: number): string => {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()] ?? ''} ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''}, ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
  );
};

/** 2026-12-03T14:20:00.000+0000, as StateReasonData and HistoryData write times. */
export const isoTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const listed = (points: readonly { at: number; value: number }[]): string =>
  `[${points.map((p) => `${javaDouble(p.value)} (${reasonDate(p.at)})`).join(', ')}]`;

const reasonData = (input: DecisionInput): string => {
  const present = input.periods.filter((p) => input.values.has(p));
  const oldest = input.periods[input.periods.length - 1] ?? input.now;
  return JSON.stringify({
    version: '1.0',
    queryDate: isoTime(input.now),
    startDate: isoTime(oldest),
    ...(input.statistic ? { statistic: input.statistic } : {}),
    period: input.period,
    recentDatapoints: present.map((p) => input.values.get(p)),
    threshold: input.threshold,
    evaluatedDatapoints: present.map((p) => ({ timestamp: isoTime(p), value: input.values.get(p) })),
  });
};

const crossedReason = (
  input: DecisionInput,
  next: 'ALARM' | 'OK',
  points: readonly { at: number; value: number }[],
  minimum: number,
): string => {
  const words = `${next === 'OK' ? 'not ' : ''}${WORDS[input.comparison]}`;
  const threshold = javaDouble(input.threshold);
  if (input.evaluationPeriods === 1 && points.length === 1)
    return `Threshold Crossed: 1 datapoint ${listed(points)} was ${words} the threshold (${threshold}).`;
  const verb = points.length === 1 ? 'was' : 'were';
  return (
    `Threshold Crossed: ${points.length} out of the last ${plural(input.evaluationPeriods, 'datapoint', 'datapoints')} ` +
    `${listed(points)} ${verb} ${words} the threshold (${threshold}) ` +
    `(minimum ${plural(minimum, 'datapoint', 'datapoints')} for ${input.current} -> ${next} transition).`
  );
};

export const decideAlarmState = (input: DecisionInput): AlarmDecision | undefined => {
  const treated = input.periods.map((at) => {
    const value = input.values.get(at);
    if (value !== undefined) return { at, value, breach: breaches(input.comparison, value, input.threshold) };
    if (input.treatMissingData === 'breaching') return { at, breach: true };
    if (input.treatMissingData === 'notBreaching') return { at, breach: false };
    return { at, breach: undefined };
  });
  const present = treated.filter(
    (t): t is { at: number; value: number; breach: boolean } => t.value !== undefined,
  );
  const known = treated.filter((t) => t.breach !== undefined);
  const data = reasonData(input);
  if (known.length === 0) {
    if (input.treatMissingData === 'ignore') return undefined;
    return {
      value: 'INSUFFICIENT_DATA',
      reason: `Insufficient Data: ${plural(input.periods.length, 'datapoint was', 'datapoints were')} unknown.`,
      reasonData: data,
    };
  }
  const breaching = known.filter((t) => t.breach === true).length;
  const next = breaching >= input.datapointsToAlarm ? 'ALARM' : 'OK';
  const wanted = next === 'ALARM';
  const shown = present.filter((t) => t.breach === wanted);
  if (shown.length === 0) {
    const treatedAs = input.treatMissingData === 'breaching' ? 'Breaching' : 'NonBreaching';
    const missing = input.periods.length - present.length;
    return {
      value: next,
      reason:
        `Threshold Crossed: no datapoints were received for ${plural(missing, 'period', 'periods')} and ` +
        `${plural(missing, 'missing datapoint was', 'missing datapoints were')} treated as [${treatedAs}].`,
      reasonData: data,
    };
  }
  const minimum = wanted ? input.datapointsToAlarm : 1;
  return { value: next, reason: crossedReason(input, next, shown, minimum), reasonData: data };
};

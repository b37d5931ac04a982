/**
 * PutMetricAlarm's checks (pure but for the messages): a static threshold over one metric
 * (Namespace, MetricName, Statistic, Period) or over a metric-math query list (`Metrics`, exactly
 * one ReturnData); ExtendedStatistic (percentiles) and anomaly-detection bands refused clearly.
 */
import type { MetricDataQuery, PutMetricAlarmInput } from '@berth/wire/cloudwatch';

import {
  invalidParameterCombination,
  invalidParameterValue,
  missingParameter,
  validationError,
} from '../services/cloudwatch-errors.js';
import { checkQueries } from '../services/metric-data/metric-data-queries.js';
import { checkNamespace, checkUnit, dimensionsOf, STATISTICS } from '../services/metric-rules.js';

import type { MetricAlarmConfig, StaticComparison, TreatMissingData } from './alarm-record.js';

const COMPARISONS: readonly StaticComparison[] = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
];
const BAND_COMPARISONS = [
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
];
const MISSING: readonly TreatMissingData[] = ['missing', 'breaching', 'notBreaching', 'ignore'];
const ONE_DAY = 86_400;
const NAME_MAX = 255;

export const checkAlarmName = (name: unknown): string => {
  if (name === undefined || name === null) throw missingParameter('AlarmName');
  if (typeof name !== 'string' || name.length < 1 || name.length > NAME_MAX)
    throw validationError(
      `1 validation error detected: Value '${JSON.stringify(name)}' at 'alarmName' failed to satisfy constraint: ` +
        `Member must have length between 1 and ${NAME_MAX}`,
    );
  return name;
};

/** Alarm periods: 10, 20, 30 or a multiple of 60 seconds. */
export const checkAlarmPeriod = (period: unknown, member = 'Period'): number => {
  if (period === undefined) throw missingParameter(member);
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 10)
    throw validationError(`The parameter ${member} must be 10, 20, 30 or a multiple of 60.`);
  if (period < 60 ? ![10, 20, 30].includes(period) : period % 60 !== 0)
    throw validationError(`The parameter ${member} must be 10, 20, 30 or a multiple of 60.`);
  return period;
};

const positive = (value: unknown, member: string): number => {
  if (value === undefined) throw missingParameter(member);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw validationError(
      `1 validation error detected: Value '${JSON.stringify(value)}' at '${member[0]!.toLowerCase()}${member.slice(1)}' ` +
        'failed to satisfy constraint: Member must have value greater than or equal to 1',
    );
  return value;
};

const checkMetrics = (metrics: readonly MetricDataQuery[]): number => {
  checkQueries(metrics);
  const returning = metrics.filter((m) => m.ReturnData !== false);
  if (metrics.filter((m) => m.ReturnData === true).length !== 1 && returning.length !== 1)
    throw validationError('Exactly one element of the metrics list should return data.');
  const returned = metrics.find((m) => m.ReturnData === true) ?? returning[0]!;
  const period =
    returned.MetricStat?.Period ?? returned.Period ?? metrics.find((m) => m.MetricStat)?.MetricStat?.Period;
  metrics.forEach((m, i) => {
    if (m.MetricStat) checkAlarmPeriod(m.MetricStat.Period, `Metrics.member.${i + 1}.MetricStat.Period`);
  });
  return checkAlarmPeriod(period, 'Metrics Period');
};

const singleMetric = (
  input: PutMetricAlarmInput,
): Pick<MetricAlarmConfig, 'metricName' | 'namespace' | 'statistic' | 'dimensions' | 'period' | 'unit'> & {
  period: number;
} => {
  if (input.ExtendedStatistic !== undefined) {
    if (input.Statistic !== undefined)
      throw invalidParameterCombination(
        'The parameters Statistic and ExtendedStatistic are mutually exclusive and you have specified both.',
      );
    throw invalidParameterCombination(
      'Berth keeps metric data as statistic sets, not raw values, so it cannot evaluate ExtendedStatistic ' +
        `(${input.ExtendedStatistic}); use Statistic instead.`,
    );
  }
  if (input.MetricName === undefined || input.MetricName === '') throw missingParameter('MetricName');
  const namespace = checkNamespace(input.Namespace, 'Namespace');
  if (input.Statistic === undefined)
    throw invalidParameterCombination(
      'One of the parameters Statistic or ExtendedStatistic must be specified.',
    );
  if (!(STATISTICS as readonly string[]).includes(input.Statistic))
    throw invalidParameterValue(`The value ${input.Statistic} for parameter Statistic is invalid.`);
  checkUnit(input.Unit, 'Unit');
  return {
    metricName: input.MetricName,
    namespace,
    statistic: input.Statistic,
    dimensions: dimensionsOf(input.Dimensions, 'Dimensions').map((d) => ({ Name: d.name, Value: d.value })),
    period: checkAlarmPeriod(input.Period),
    ...(input.Unit !== undefined ? { unit: input.Unit } : {}),
  };
};

export const checkMetricAlarm = (input: PutMetricAlarmInput): MetricAlarmConfig => {
  if (input.ThresholdMetricId !== undefined || BAND_COMPARISONS.includes(input.ComparisonOperator ?? ''))
    throw invalidParameterCombination(
      'Berth does not evaluate anomaly detection bands (ThresholdMetricId, ANOMALY_DETECTION_BAND, ' +
        `${BAND_COMPARISONS.join(', ')}); give a static Threshold.`,
    );
  if (input.EvaluationCriteria !== undefined || input.EvaluationInterval !== undefined)
    throw invalidParameterCombination(
      'Berth does not evaluate PromQL alarms (EvaluationCriteria, EvaluationInterval).',
    );
  const usesMetrics = input.Metrics !== undefined && input.Metrics.length > 0;
  if (
    usesMetrics &&
    (input.MetricName !== undefined ||
      input.Namespace !== undefined ||
      input.Statistic !== undefined ||
      input.ExtendedStatistic !== undefined ||
      input.Dimensions !== undefined ||
      input.Period !== undefined ||
      input.Unit !== undefined)
  )
    throw validationError(
      'Metrics list cannot be combined with MetricName, Namespace, Statistic, ExtendedStatistic, Dimensions, Period or Unit.',
    );
  const metric = usesMetrics
    ? { metrics: input.Metrics ?? [], period: checkMetrics(input.Metrics ?? []) }
    : singleMetric(input);
  const evaluationPeriods = positive(input.EvaluationPeriods, 'EvaluationPeriods');
  const datapointsToAlarm =
    input.DatapointsToAlarm === undefined
      ? evaluationPeriods
      : positive(input.DatapointsToAlarm, 'DatapointsToAlarm');
  if (datapointsToAlarm > evaluationPeriods)
    throw validationError('DatapointsToAlarm must be less than or equal to EvaluationPeriods.');
  if (evaluationPeriods * metric.period > ONE_DAY && metric.period < 3600)
    throw validationError(
      'Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400).',
    );
  if (input.Threshold === undefined)
    throw validationError('Threshold is required for a static threshold alarm.');
  if (typeof input.Threshold !== 'number' || !Number.isFinite(input.Threshold))
    throw invalidParameterValue(`The value ${String(input.Threshold)} for parameter Threshold is invalid.`);
  if (input.ComparisonOperator === undefined) throw missingParameter('ComparisonOperator');
  if (!(COMPARISONS as readonly string[]).includes(input.ComparisonOperator))
    throw invalidParameterValue(
      `The value ${input.ComparisonOperator} for parameter ComparisonOperator is invalid.`,
    );
  const treat = input.TreatMissingData ?? 'missing';
  if (!(MISSING as readonly string[]).includes(treat))
    throw validationError(
      `The value ${treat} is not valid for TreatMissingData. Valid values are: breaching, notBreaching, ignore, missing.`,
    );
  if (input.EvaluateLowSampleCountPercentile !== undefined)
    throw validationError(
      'EvaluateLowSampleCountPercentile applies only to percentile alarms, which Berth does not evaluate.',
    );
  return {
    ...metric,
    evaluationPeriods,
    datapointsToAlarm,
    threshold: input.Threshold,
    comparisonOperator: input.ComparisonOperator as StaticComparison,
    treatMissingData: treat as TreatMissingData,
    treatMissingDataGiven: input.TreatMissingData !== undefined,
    datapointsToAlarmGiven: input.DatapointsToAlarm !== undefined,
  };
};

/**
 * CloudWatch operations Berth does not implement yet: each answers InvalidAction saying so and
 * naming the subject. Every other operation of CLOUDWATCH_MODEL is implemented (see
 * cloudwatch-operations.test.ts, which checks the list against botocore's model).
 */
import type { Operation } from '@berth/gateway';

import { notImplemented } from '../services/cloudwatch-errors.js';

const ALARMS = 'alarms';
const DASHBOARDS = 'dashboards';
const INSIGHT_RULES = 'Contributor Insights rules';
const ANOMALY_DETECTORS = 'anomaly detection';
const METRIC_STREAMS = 'metric streams';
const TAGS = 'resource tags';
const WIDGET_IMAGES = 'metric widget images';
const OTEL = 'OpenTelemetry enrichment';

const SUBJECTS: Readonly<Record<string, string>> = {
  DeleteAlarmMuteRule: ALARMS,
  DeleteAlarms: ALARMS,
  DeleteAnomalyDetector: ANOMALY_DETECTORS,
  DeleteDashboards: DASHBOARDS,
  DeleteInsightRules: INSIGHT_RULES,
  DeleteMetricStream: METRIC_STREAMS,
  DescribeAlarmContributors: ALARMS,
  DescribeAlarmHistory: ALARMS,
  DescribeAlarms: ALARMS,
  DescribeAlarmsForMetric: ALARMS,
  DescribeAnomalyDetectors: ANOMALY_DETECTORS,
  DescribeInsightRules: INSIGHT_RULES,
  DisableAlarmActions: ALARMS,
  DisableInsightRules: INSIGHT_RULES,
  EnableAlarmActions: ALARMS,
  EnableInsightRules: INSIGHT_RULES,
  GetAlarmMuteRule: ALARMS,
  GetDashboard: DASHBOARDS,
  GetInsightRuleReport: INSIGHT_RULES,
  GetMetricStream: METRIC_STREAMS,
  GetMetricWidgetImage: WIDGET_IMAGES,
  GetOTelEnrichment: OTEL,
  ListAlarmMuteRules: ALARMS,
  ListDashboards: DASHBOARDS,
  ListManagedInsightRules: INSIGHT_RULES,
  ListMetricStreams: METRIC_STREAMS,
  ListTagsForResource: TAGS,
  PutAlarmMuteRule: ALARMS,
  PutAnomalyDetector: ANOMALY_DETECTORS,
  PutCompositeAlarm: ALARMS,
  PutDashboard: DASHBOARDS,
  PutInsightRule: INSIGHT_RULES,
  PutManagedInsightRules: INSIGHT_RULES,
  PutMetricAlarm: ALARMS,
  PutMetricStream: METRIC_STREAMS,
  SetAlarmState: ALARMS,
  StartMetricStreams: METRIC_STREAMS,
  StartOTelEnrichment: OTEL,
  StopMetricStreams: METRIC_STREAMS,
  StopOTelEnrichment: OTEL,
  TagResource: TAGS,
  UntagResource: TAGS,
};

export const UNSUPPORTED_CLOUDWATCH_OPERATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(SUBJECTS).map(([name, what]) => [name, notImplemented(name, what).message]),
);

export const unsupportedOperations = (): ReadonlyMap<string, Operation> =>
  new Map(
    Object.entries(SUBJECTS).map(([name, what]): [string, Operation] => [
      name,
      () => {
        throw notImplemented(name, what);
      },
    ]),
  );

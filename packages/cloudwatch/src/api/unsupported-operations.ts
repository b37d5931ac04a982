/**
 * CloudWatch operations Berth does not implement yet: each answers InvalidAction saying so and
 * naming the subject. Every other operation of CLOUDWATCH_MODEL is implemented (see
 * cloudwatch-operations.test.ts, which checks the list against botocore's model).
 */
import type { Operation } from '@berth/gateway';

import { notImplemented } from '../services/cloudwatch-errors.js';

const ALARMS = 'alarm mute rules and contributors';
const DASHBOARDS = 'dashboards';
const INSIGHT_RULES = 'Contributor Insights rules';
const ANOMALY_DETECTORS = 'anomaly detection';
const METRIC_STREAMS = 'metric streams';
const WIDGET_IMAGES = 'metric widget images';
const OTEL = 'OpenTelemetry enrichment';

const SUBJECTS: Readonly<Record<string, string>> = {
  DeleteAlarmMuteRule: ALARMS,
  DeleteAnomalyDetector: ANOMALY_DETECTORS,
  DeleteDashboards: DASHBOARDS,
  DeleteInsightRules: INSIGHT_RULES,
  DeleteMetricStream: METRIC_STREAMS,
  DescribeAlarmContributors: ALARMS,
  DescribeAnomalyDetectors: ANOMALY_DETECTORS,
  DescribeInsightRules: INSIGHT_RULES,
  DisableInsightRules: INSIGHT_RULES,
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
  PutAlarmMuteRule: ALARMS,
  PutAnomalyDetector: ANOMALY_DETECTORS,
  PutDashboard: DASHBOARDS,
  PutInsightRule: INSIGHT_RULES,
  PutManagedInsightRules: INSIGHT_RULES,
  PutMetricStream: METRIC_STREAMS,
  StartMetricStreams: METRIC_STREAMS,
  StartOTelEnrichment: OTEL,
  StopMetricStreams: METRIC_STREAMS,
  StopOTelEnrichment: OTEL,
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

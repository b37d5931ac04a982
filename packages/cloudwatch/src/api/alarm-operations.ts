/**
 * The alarm handlers: PutMetricAlarm, PutCompositeAlarm, DescribeAlarms, DescribeAlarmsForMetric,
 * DescribeAlarmHistory, SetAlarmState, Enable/DisableAlarmActions, DeleteAlarms, and alarm tags.
 */
import type { Operation, RequestContext } from '@berth/gateway';
import type {
  DeleteAlarmsInput,
  DescribeAlarmHistoryInput,
  DescribeAlarmsForMetricInput,
  DescribeAlarmsInput,
  DisableAlarmActionsInput,
  EnableAlarmActionsInput,
  ListTagsForResourceInput,
  PutCompositeAlarmInput,
  PutMetricAlarmInput,
  SetAlarmStateInput,
  TagResourceInput,
  UntagResourceInput,
} from '@berth/wire/cloudwatch';
import type { Partition } from '@berth/core';

import { describeAlarmHistory, describeAlarms, describeAlarmsForMetric } from '../alarms/alarm-queries.js';

import type { CloudWatchServices } from './cloudwatch-services.js';

const as = <T>(input: Record<string, unknown>): T => input as T;
const scopeOf = (ctx: RequestContext): Partition => ctx.partition;

export const alarmOperations = ({
  alarms,
  alarmTags,
  store,
}: CloudWatchServices): Record<string, Operation> => ({
  PutMetricAlarm: (ctx, input) => {
    alarms.putMetricAlarm(scopeOf(ctx), as<PutMetricAlarmInput>(input));
    return {};
  },
  PutCompositeAlarm: (ctx, input) => {
    alarms.putCompositeAlarm(scopeOf(ctx), as<PutCompositeAlarmInput>(input));
    return {};
  },
  DescribeAlarms: (ctx, input) => describeAlarms(store, scopeOf(ctx), as<DescribeAlarmsInput>(input)),
  DescribeAlarmsForMetric: (ctx, input) =>
    describeAlarmsForMetric(store, scopeOf(ctx), as<DescribeAlarmsForMetricInput>(input)),
  DescribeAlarmHistory: (ctx, input) =>
    describeAlarmHistory(store, scopeOf(ctx), as<DescribeAlarmHistoryInput>(input)),
  SetAlarmState: (ctx, input) => {
    alarms.setState(scopeOf(ctx), as<SetAlarmStateInput>(input));
    return {};
  },
  EnableAlarmActions: (ctx, input) => {
    alarms.setActionsEnabled(scopeOf(ctx), as<EnableAlarmActionsInput>(input).AlarmNames, true);
    return {};
  },
  DisableAlarmActions: (ctx, input) => {
    alarms.setActionsEnabled(scopeOf(ctx), as<DisableAlarmActionsInput>(input).AlarmNames, false);
    return {};
  },
  DeleteAlarms: (ctx, input) => {
    alarms.delete(scopeOf(ctx), as<DeleteAlarmsInput>(input).AlarmNames);
    return {};
  },
  ListTagsForResource: (ctx, input) => ({
    Tags: alarmTags.list(scopeOf(ctx), as<ListTagsForResourceInput>(input).ResourceARN),
  }),
  TagResource: (ctx, input) => {
    const request = as<TagResourceInput>(input);
    alarmTags.tag(scopeOf(ctx), request.ResourceARN, request.Tags);
    return {};
  },
  UntagResource: (ctx, input) => {
    const request = as<UntagResourceInput>(input);
    alarmTags.untag(scopeOf(ctx), request.ResourceARN, request.TagKeys);
    return {};
  },
});

/** Rule and action records as ELBv2's wire shapes, echoing conditions in the form they were sent. */
import type { Action, Rule, RuleCondition } from '@berth/wire/elbv2';

import type { ActionRecord, ConditionRecord, RuleRecord } from '../../records/rule-record.js';

export const actionView = (action: ActionRecord): Action => {
  switch (action.type) {
    case 'forward': {
      const single = action.targetGroups.length === 1 ? action.targetGroups[0] : undefined;
      return {
        Type: 'forward',
        ...(single ? { TargetGroupArn: single.targetGroupArn } : {}),
        Order: action.order,
        ForwardConfig: {
          TargetGroups: action.targetGroups.map((t) => ({
            TargetGroupArn: t.targetGroupArn,
            Weight: t.weight,
          })),
          TargetGroupStickinessConfig:
            action.stickinessSeconds === null
              ? { Enabled: false }
              : { Enabled: true, DurationSeconds: action.stickinessSeconds },
        },
      };
    }
    case 'fixed-response':
      return {
        Type: 'fixed-response',
        Order: action.order,
        FixedResponseConfig: {
          StatusCode: action.statusCode,
          ...(action.contentType !== null ? { ContentType: action.contentType } : {}),
          ...(action.messageBody !== null ? { MessageBody: action.messageBody } : {}),
        },
      };
    case 'redirect':
      return {
        Type: 'redirect',
        Order: action.order,
        RedirectConfig: {
          Protocol: action.protocol,
          Port: action.port,
          Host: action.host,
          Path: action.path,
          Query: action.query,
          StatusCode: action.statusCode,
        },
      };
  }
};

const withRegex = (values: readonly string[], regex: readonly string[]) => ({
  Values: [...values],
  ...(regex.length > 0 ? { RegexValues: [...regex] } : {}),
});

export const conditionView = (c: ConditionRecord): RuleCondition => {
  switch (c.field) {
    case 'host-header':
      return {
        Field: c.field,
        ...(c.legacyValues ? { Values: [...c.values] } : {}),
        HostHeaderConfig: withRegex(c.values, c.regexValues),
      };
    case 'path-pattern':
      return {
        Field: c.field,
        ...(c.legacyValues ? { Values: [...c.values] } : {}),
        PathPatternConfig: withRegex(c.values, c.regexValues),
      };
    case 'http-header':
      return {
        Field: c.field,
        HttpHeaderConfig: { HttpHeaderName: c.headerName, ...withRegex(c.values, c.regexValues) },
      };
    case 'http-request-method':
      return { Field: c.field, HttpRequestMethodConfig: { Values: [...c.values] } };
    case 'query-string':
      return {
        Field: c.field,
        QueryStringConfig: {
          Values: c.values.map((p) => ({ ...(p.key !== null ? { Key: p.key } : {}), Value: p.value })),
        },
      };
    case 'source-ip':
      return { Field: c.field, SourceIpConfig: { Values: [...c.values] } };
  }
};

export const ruleView = (rule: RuleRecord): Rule => ({
  RuleArn: rule.arn,
  Priority: rule.priority === 'default' ? 'default' : String(rule.priority),
  Conditions: rule.conditions.map(conditionView),
  Actions: rule.actions.map(actionView),
  IsDefault: rule.priority === 'default',
});

/**
 * The ECS account settings Berth knows: their names, AWS's documented defaults, the values each
 * accepts, and what Berth does with each. Pure.
 *
 * Sources: [M] botocore PutAccountSetting / PutAccountSettingDefault / Setting; [G] the ECS
 * Developer Guide "Account settings" page (ecs-account-settings.md) and "Prepare for AWS Fargate
 * task retirement" (prepare-task-retirement.md).
 */
import { invalidParameter, unsupportedFeature } from '@berth/core';
import type { SettingType } from '@berth/wire/ecs';

export interface SettingRule {
  readonly values: readonly string[];
  /** What a principal with no setting of its own and no account default gets. */
  readonly defaultValue: string;
  readonly type: SettingType;
  /** Values Berth cannot honour: refused with this error instead of stored. */
  readonly refuse?: (value: string) => Error | undefined;
  /** [M] fargateTaskRetirementWaitPeriod: only the root user may set it. */
  readonly rootOnly?: boolean;
}

const ENABLED = ['enabled', 'disabled'];
const ON = ['on', 'off'];

/**
 * [G ecs-account-settings "ARN and resource ID format timeline"]: the opt-out period for the long
 * ARN format ended on April 1, 2021; every new resource receives the long format and accounts can
 * no longer opt out. Berth issues long ARNs only, so a request to go back is refused. (impl) wording.
 */
const longArnOnly = (value: string): Error | undefined =>
  value === 'disabled'
    ? invalidParameter(
        'The long ARN and resource ID format can no longer be disabled: every new resource receives it.',
      )
    : undefined;

/**
 * Account settings by name, in the order ListAccountSettings lists them (the model's enum order,
 * then dualStackIPv6, which [G] documents but the model's enum lacks). What Berth does with each:
 * - the three *LongArnFormat settings: always enabled (see longArnOnly).
 * - containerInsights: the default `settings` of clusters created without one (CreateCluster).
 * - defaultLogDriverMode: the `mode` log option of containers whose logConfiguration has none
 *   (default non-blocking since June 25, 2025 [M]); the agent hands it to Docker.
 * - awsvpcTrunking: stored and reported. Berth's awsvpc "ENIs" are loopback addresses with no
 *   per-instance limit, so instances place as many awsvpc tasks with it as without.
 * - dualStackIPv6: stored and reported. It only matters in dual-stack subnets, and Berth's task
 *   networks are IPv4 loopback addresses: no task gets an IPv6 address either way.
 * - tagResourceAuthorization: stored and reported. Berth authorizes by credentials alone (no IAM
 *   policies), so there is no extra ecs:TagResource authorization to switch on or off.
 * - fargateTaskRetirementWaitPeriod (0, 7 or 14 days; default 7 [G prepare-task-retirement]) and
 *   fargateEventWindows: stored and reported. Berth never retires Fargate tasks for maintenance.
 * - fargateFIPSMode: Berth's managed capacity runs no FIPS-140 validated cryptography, so `enabled`
 *   is refused (UnsupportedFeatureException); `disabled` is stored.
 * - guardDutyActivate: AWS-managed and read-only [M Setting.type]; always `off` (Berth has no
 *   GuardDuty Runtime Monitoring).
 */
export const SETTING_RULES: ReadonlyMap<string, SettingRule> = new Map<string, SettingRule>([
  ['serviceLongArnFormat', { values: ENABLED, defaultValue: 'enabled', type: 'user', refuse: longArnOnly }],
  ['taskLongArnFormat', { values: ENABLED, defaultValue: 'enabled', type: 'user', refuse: longArnOnly }],
  [
    'containerInstanceLongArnFormat',
    { values: ENABLED, defaultValue: 'enabled', type: 'user', refuse: longArnOnly },
  ],
  ['awsvpcTrunking', { values: ENABLED, defaultValue: 'disabled', type: 'user' }],
  [
    'containerInsights',
    { values: ['enabled', 'disabled', 'enhanced'], defaultValue: 'disabled', type: 'user' },
  ],
  [
    'fargateFIPSMode',
    {
      values: ENABLED,
      defaultValue: 'disabled',
      type: 'user',
      refuse: (value) =>
        value === 'enabled'
          ? unsupportedFeature('Berth cannot run Fargate tasks with FIPS-140 validated cryptography.')
          : undefined,
    },
  ],
  ['tagResourceAuthorization', { values: ON, defaultValue: 'on', type: 'user' }],
  [
    'fargateTaskRetirementWaitPeriod',
    { values: ['0', '7', '14'], defaultValue: '7', type: 'user', rootOnly: true },
  ],
  ['guardDutyActivate', { values: ON, defaultValue: 'off', type: 'aws_managed' }],
  [
    'defaultLogDriverMode',
    { values: ['blocking', 'non-blocking'], defaultValue: 'non-blocking', type: 'user' },
  ],
  ['fargateEventWindows', { values: ENABLED, defaultValue: 'disabled', type: 'user' }],
  ['dualStackIPv6', { values: ENABLED, defaultValue: 'enabled', type: 'user' }],
]);

export const SETTING_NAMES: readonly string[] = [...SETTING_RULES.keys()];

/**
 * The rule for a setting name, or InvalidParameterException in ECS's wording for an unknown one
 * (`<name> should be one of [...]`, as recorded in moto's tests/test_ecs/test_ecs_account_settings.py).
 */
export const settingRule = (name: unknown): { name: string; rule: SettingRule } => {
  const rule = typeof name === 'string' ? SETTING_RULES.get(name) : undefined;
  if (typeof name !== 'string' || !rule) {
    throw invalidParameter(`${String(name)} should be one of [${SETTING_NAMES.join(',')}]`);
  }
  return { name, rule };
};

/**
 * A value to store for a setting: one it accepts (else ECS's `Invalid setting 'value'`, seen on the
 * wire in aws/aws-cli#3785 and terraform-provider-aws#32114), not AWS-managed, not one Berth refuses.
 */
export const settingValue = (name: string, rule: SettingRule, value: unknown): string => {
  if (rule.type === 'aws_managed') {
    // (impl) [M Setting.type]: aws_managed settings are read-only.
    throw invalidParameter(`The ${name} account setting is managed by AWS and is read-only.`);
  }
  if (typeof value !== 'string' || !rule.values.includes(value)) {
    throw invalidParameter("Invalid setting 'value'");
  }
  const refused = rule.refuse?.(value);
  if (refused) throw refused;
  return value;
};

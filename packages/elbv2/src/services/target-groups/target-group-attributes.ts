/**
 * ALB target group attributes (instance and ip targets): defaults, the values each accepts, and
 * the rules across them (an app_cookie needs a cookie name that is not one of ALB's own; slow
 * start cannot be combined with weighted_random; anomaly mitigation needs weighted_random).
 */
import type { TargetGroupAttribute } from '@berth/wire/elbv2';

import {
  applyAttributeChanges,
  boolValue,
  integerIn,
  oneOf,
  type AttributeCheck,
  type AttributeSpecs,
} from '../attribute-changes.js';
import { invalidConfiguration, validationError } from '../elbv2-errors.js';

const percentage: AttributeCheck = (v) => v === 'off' || integerIn(1, 100)(v);

const ATTRIBUTES: AttributeSpecs = {
  'deregistration_delay.timeout_seconds': ['300', integerIn(0, 3600)],
  'slow_start.duration_seconds': ['0', (v) => v === '0' || integerIn(30, 900)(v)],
  'stickiness.enabled': ['false', boolValue],
  'stickiness.type': ['lb_cookie', oneOf('lb_cookie', 'app_cookie')],
  'stickiness.lb_cookie.duration_seconds': ['86400', integerIn(1, 604800)],
  'stickiness.app_cookie.cookie_name': ['', (v) => v.length <= 256],
  'stickiness.app_cookie.duration_seconds': ['86400', integerIn(1, 604800)],
  'load_balancing.algorithm.type': [
    'round_robin',
    oneOf('round_robin', 'least_outstanding_requests', 'weighted_random'),
  ],
  'load_balancing.algorithm.anomaly_mitigation': ['off', oneOf('on', 'off')],
  'load_balancing.cross_zone.enabled': [
    'use_load_balancer_configuration',
    oneOf('true', 'false', 'use_load_balancer_configuration'),
  ],
  'target_group_health.dns_failover.minimum_healthy_targets.count': [
    '1',
    (v) => v === 'off' || integerIn(1, 1000)(v),
  ],
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': ['off', percentage],
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': ['1', integerIn(1, 1000)],
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': ['off', percentage],
};

const RESERVED_COOKIES = ['AWSALB', 'AWSALBAPP', 'AWSALBTG', 'AWSALBCORS', 'AWSALBTGCORS'];

export const DEFAULT_TARGET_GROUP_ATTRIBUTES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ATTRIBUTES).map(([key, [value]]) => [key, value]),
);

const checkCombination = (a: Readonly<Record<string, string>>): void => {
  if (a['stickiness.enabled'] === 'true' && a['stickiness.type'] === 'app_cookie') {
    const name = a['stickiness.app_cookie.cookie_name'] ?? '';
    if (name === '')
      throw validationError("An application cookie name must be specified for 'app_cookie' stickiness");
    if (RESERVED_COOKIES.some((r) => name.toUpperCase().startsWith(r)))
      throw validationError(`The application cookie name '${name}' is reserved for use by the load balancer`);
  }
  const algorithm = a['load_balancing.algorithm.type'];
  if (algorithm === 'weighted_random' && a['slow_start.duration_seconds'] !== '0')
    throw invalidConfiguration(
      'Slow start mode cannot be enabled with the weighted_random routing algorithm',
    );
  if (algorithm !== 'weighted_random' && a['load_balancing.algorithm.anomaly_mitigation'] === 'on')
    throw invalidConfiguration(
      'Anomaly mitigation can only be enabled with the weighted_random routing algorithm',
    );
};

/** The attributes after a ModifyTargetGroupAttributes, or the ELBv2 error it would answer. */
export const modifiedTargetGroupAttributes = (
  current: Readonly<Record<string, string>>,
  changes: readonly TargetGroupAttribute[] | undefined,
): Record<string, string> => {
  const next = applyAttributeChanges('Target group', ATTRIBUTES, current, changes);
  checkCombination(next);
  return next;
};

export const wireTargetGroupAttributes = (
  attributes: Readonly<Record<string, string>>,
): TargetGroupAttribute[] => Object.entries(attributes).map(([Key, Value]) => ({ Key, Value }));

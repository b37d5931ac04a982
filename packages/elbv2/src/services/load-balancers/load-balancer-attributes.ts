/**
 * Application Load Balancer attributes: their defaults and the values each accepts. Berth acts on
 * idle_timeout and deletion_protection; the routing.http.* and logging keys are validated and
 * echoed (the data plane may read them).
 */
import type { LoadBalancerAttribute } from '@berth/wire/elbv2';

import {
  applyAttributeChanges,
  boolValue,
  integerIn,
  oneOf,
  type AttributeCheck,
  type AttributeSpecs,
} from '../attribute-changes.js';

const any: AttributeCheck = () => true;

const ATTRIBUTES: AttributeSpecs = {
  'idle_timeout.timeout_seconds': ['60', integerIn(1, 4000)],
  'deletion_protection.enabled': ['false', boolValue],
  'client_keep_alive.seconds': ['3600', integerIn(60, 604800)],
  'routing.http2.enabled': ['true', boolValue],
  'routing.http.drop_invalid_header_fields.enabled': ['false', boolValue],
  'routing.http.desync_mitigation_mode': ['defensive', oneOf('monitor', 'defensive', 'strictest')],
  'routing.http.preserve_host_header.enabled': ['false', boolValue],
  'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': ['false', boolValue],
  'routing.http.xff_client_port.enabled': ['false', boolValue],
  'routing.http.xff_header_processing.mode': ['append', oneOf('append', 'preserve', 'remove')],
  'access_logs.s3.enabled': ['false', boolValue],
  'access_logs.s3.bucket': ['', any],
  'access_logs.s3.prefix': ['', any],
  'connection_logs.s3.enabled': ['false', boolValue],
  'connection_logs.s3.bucket': ['', any],
  'connection_logs.s3.prefix': ['', any],
  'health_check_logs.s3.enabled': ['false', boolValue],
  'health_check_logs.s3.bucket': ['', any],
  'health_check_logs.s3.prefix': ['', any],
  'load_balancing.cross_zone.enabled': ['true', oneOf('true')],
  'waf.fail_open.enabled': ['false', boolValue],
  'zonal_shift.config.enabled': ['false', boolValue],
};

export const DEFAULT_LOAD_BALANCER_ATTRIBUTES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ATTRIBUTES).map(([key, [value]]) => [key, value]),
);

/** The attributes after a ModifyLoadBalancerAttributes, or the ELBv2 error it would answer. */
export const modifiedLoadBalancerAttributes = (
  current: Readonly<Record<string, string>>,
  changes: readonly LoadBalancerAttribute[] | undefined,
): Record<string, string> => {
  const next = applyAttributeChanges('Load balancer', ATTRIBUTES, current, changes);
  return next;
};

export const wireAttributes = (attributes: Readonly<Record<string, string>>): LoadBalancerAttribute[] =>
  Object.entries(attributes).map(([Key, Value]) => ({ Key, Value }));

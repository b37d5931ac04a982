/**
 * Application Load Balancer attributes: their defaults and the values each accepts. Berth acts on
 * idle_timeout and deletion_protection; the routing.http.* and logging keys are validated and
 * echoed (the data plane may read them).
 */
import type { LoadBalancerAttribute } from '@berth/wire/elbv2';

import { applyAttributeChanges, type AttributeCheck, type AttributeSpecs } from '../attribute-changes.js';

type Check = AttributeCheck;

const bool: Check = (v) => v === 'true' || v === 'false';
const intIn =
  (min: number, max: number): Check =>
  (v) =>
    /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v);
const any: Check = () => true;

const ATTRIBUTES: AttributeSpecs = {
  'idle_timeout.timeout_seconds': ['60', intIn(1, 4000)],
  'deletion_protection.enabled': ['false', bool],
  'client_keep_alive.seconds': ['3600', intIn(60, 604800)],
  'routing.http2.enabled': ['true', bool],
  'routing.http.drop_invalid_header_fields.enabled': ['false', bool],
  'routing.http.desync_mitigation_mode': ['defensive', oneOf('monitor', 'defensive', 'strictest')],
  'routing.http.preserve_host_header.enabled': ['false', bool],
  'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': ['false', bool],
  'routing.http.xff_client_port.enabled': ['false', bool],
  'routing.http.xff_header_processing.mode': ['append', oneOf('append', 'preserve', 'remove')],
  'access_logs.s3.enabled': ['false', bool],
  'access_logs.s3.bucket': ['', any],
  'access_logs.s3.prefix': ['', any],
  'connection_logs.s3.enabled': ['false', bool],
  'connection_logs.s3.bucket': ['', any],
  'connection_logs.s3.prefix': ['', any],
  'health_check_logs.s3.enabled': ['false', bool],
  'health_check_logs.s3.bucket': ['', any],
  'health_check_logs.s3.prefix': ['', any],
  'load_balancing.cross_zone.enabled': ['true', oneOf('true')],
  'waf.fail_open.enabled': ['false', bool],
  'zonal_shift.config.enabled': ['false', bool],
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

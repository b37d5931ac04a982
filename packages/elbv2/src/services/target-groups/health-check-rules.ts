/**
 * Pure health-check settings for ALB target groups: ALB's defaults (HTTP, traffic-port, path /,
 * interval 30 s, timeout 5 s, healthy 5, unhealthy 2, matcher 200) and their ranges.
 */
import type { CreateTargetGroupInput, ModifyTargetGroupInput } from '@berth/wire/elbv2';

import type { HealthCheckSettings } from '../../records/target-group-record.js';
import { validationError } from '../elbv2-errors.js';

export const DEFAULT_HEALTH_CHECK: HealthCheckSettings = {
  protocol: 'HTTP',
  port: 'traffic-port',
  enabled: true,
  path: '/',
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThresholdCount: 5,
  unhealthyThresholdCount: 2,
  matcher: '200',
};

type HealthCheckInput = Pick<
  CreateTargetGroupInput & ModifyTargetGroupInput,
  | 'HealthCheckProtocol'
  | 'HealthCheckPort'
  | 'HealthCheckEnabled'
  | 'HealthCheckPath'
  | 'HealthCheckIntervalSeconds'
  | 'HealthCheckTimeoutSeconds'
  | 'HealthyThresholdCount'
  | 'UnhealthyThresholdCount'
  | 'Matcher'
>;

const inRange = (value: number, name: string, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max)
    throw validationError(`Health check ${name} '${value}' must be between '${min}' and '${max}'`);
  return value;
};

/** A matcher of codes 200–499: single codes, lists ("200,202") and ranges ("200-299"). */
const checkMatcher = (code: string): string => {
  const ok = code.split(',').every((part) => {
    const [low, high, extra] = part.split('-');
    const inCodes = (v: string | undefined) =>
      v !== undefined && /^\d{3}$/.test(v) && Number(v) >= 200 && Number(v) <= 499;
    return (
      extra === undefined &&
      inCodes(low) &&
      (high === undefined || (inCodes(high) && Number(high) >= Number(low)))
    );
  });
  if (!ok) throw validationError(`Health check matcher HTTP code '${code}' must be within '200-499'`);
  return code;
};

/** The settings after applying a request's health-check members over `base`. */
export const healthCheckSettings = (
  base: HealthCheckSettings,
  input: HealthCheckInput,
  targetType: 'instance' | 'ip',
): HealthCheckSettings => {
  const protocol = input.HealthCheckProtocol ?? base.protocol;
  if (protocol !== 'HTTP' && protocol !== 'HTTPS')
    throw validationError(
      `Health check protocol '${protocol}' is not supported for target groups with the HTTP or HTTPS protocol`,
    );
  const port = input.HealthCheckPort ?? base.port;
  if (port !== 'traffic-port' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    throw validationError(`Health check port '${port}' must be 'traffic-port' or between 1 and 65535`);
  if (input.HealthCheckEnabled === false)
    throw validationError(
      `Health checks cannot be disabled for target groups with target type '${targetType}'`,
    );
  const path = input.HealthCheckPath ?? base.path;
  if (!path.startsWith('/') || path.length > 1024)
    throw validationError("Health check path must begin with a '/' character and be at most 1024 characters");
  const interval = inRange(input.HealthCheckIntervalSeconds ?? base.intervalSeconds, 'interval', 5, 300);
  const timeout = inRange(input.HealthCheckTimeoutSeconds ?? base.timeoutSeconds, 'timeout', 2, 120);
  if (timeout >= interval) throw validationError(`Health check interval must be greater than the timeout.`);
  if (input.Matcher?.GrpcCode !== undefined)
    throw validationError('A gRPC matcher requires the GRPC protocol version');
  return {
    protocol,
    port,
    enabled: true,
    path,
    intervalSeconds: interval,
    timeoutSeconds: timeout,
    healthyThresholdCount: inRange(
      input.HealthyThresholdCount ?? base.healthyThresholdCount,
      'healthy threshold',
      2,
      10,
    ),
    unhealthyThresholdCount: inRange(
      input.UnhealthyThresholdCount ?? base.unhealthyThresholdCount,
      'unhealthy threshold',
      2,
      10,
    ),
    matcher: checkMatcher(input.Matcher?.HttpCode ?? base.matcher),
  };
};

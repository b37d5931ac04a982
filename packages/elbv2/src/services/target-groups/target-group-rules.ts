/** Pure checks of CreateTargetGroup's name, protocol, port, VPC and target type. */
import type { CreateTargetGroupInput } from '@berth/wire/elbv2';

import { notSupported, rangeError, validationError } from '../elbv2-errors.js';

export const checkTargetGroupName = (name: unknown): string => {
  if (typeof name !== 'string' || name.length === 0)
    throw validationError('A target group name must be specified');
  if (name.length > 32)
    throw validationError(`Target group name '${name}' cannot be longer than '32' characters`);
  if (!/^[a-zA-Z0-9-]+$/.test(name))
    throw validationError(
      `Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
    );
  if (name.startsWith('-') || name.endsWith('-'))
    throw validationError(`Target group name '${name}' cannot begin or end with '-'`);
  return name;
};

export interface TargetGroupKind {
  readonly targetType: 'instance' | 'ip';
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly port: number;
  readonly vpcId: string;
}

export const checkTargetGroupKind = (request: CreateTargetGroupInput): TargetGroupKind => {
  const targetType = request.TargetType ?? 'instance';
  if (targetType === 'lambda' || targetType === 'alb')
    throw notSupported(
      `target type '${targetType}'`,
      "the data plane forwards HTTP to addresses only, so target types 'instance' and 'ip' are implemented",
    );
  if (targetType !== 'instance' && targetType !== 'ip')
    throw validationError(`Target type '${String(targetType)}' is not valid`);
  const protocol = request.Protocol;
  if (protocol === undefined)
    throw validationError(`A protocol must be specified for target type '${targetType}'`);
  if (protocol !== 'HTTP' && protocol !== 'HTTPS')
    throw notSupported(
      `target group protocol '${protocol}'`,
      'only Application Load Balancers exist in Berth, and they forward HTTP or HTTPS',
    );
  const port = request.Port;
  if (port === undefined) throw validationError(`A port must be specified for target type '${targetType}'`);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw validationError(rangeError(port, 'port', 1, 65535));
  const vpcId = request.VpcId;
  if (vpcId === undefined || vpcId === '')
    throw validationError(`A VPC ID must be specified for target type '${targetType}'`);
  if (request.ProtocolVersion !== undefined && request.ProtocolVersion !== 'HTTP1')
    throw notSupported(
      `protocol version '${request.ProtocolVersion}'`,
      'the data plane speaks HTTP/1.1 to targets',
    );
  if (request.IpAddressType !== undefined && request.IpAddressType !== 'ipv4')
    throw notSupported(`IpAddressType '${request.IpAddressType}'`, 'target addresses are IPv4');
  return { targetType, protocol, port, vpcId };
};

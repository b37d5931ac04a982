/** Pure checks and derivations for CreateLoadBalancer: the name, type, zones and DNS name. */
import { ApiError } from '@berth/core';
import type { CreateLoadBalancerInput } from '@berth/wire/elbv2';

import type { LoadBalancerZone } from '../../records/load-balancer-record.js';
import { enumError, invalidConfiguration, notSupported, validationError } from '../elbv2-errors.js';

/** The VPC Berth reports for load balancers (Berth has no VPCs; subnets are only echoed). */
export const BERTH_VPC_ID = 'vpc-00000000000000b0e';
/** The Route 53 zone Berth reports for its load balancers' DNS names. */
export const BERTH_HOSTED_ZONE_ID = 'Z0BERTHELB00000000000';

export const checkLoadBalancerName = (name: unknown): string => {
  if (typeof name !== 'string' || name.length === 0)
    throw validationError('A load balancer name must be specified');
  if (name.length > 32)
    throw validationError(`The load balancer name '${name}' cannot be longer than '32' characters`);
  if (!/^[a-zA-Z0-9-]+$/.test(name))
    throw validationError(
      `The load balancer name '${name}' can only contain characters that are alphanumeric characters and hyphens(-)`,
    );
  if (name.startsWith('-') || name.endsWith('-'))
    throw validationError(`The load balancer name '${name}' cannot begin or end with a hyphen(-)`);
  if (name.toLowerCase().startsWith('internal-'))
    throw validationError(`The load balancer name '${name}' cannot begin with 'internal-'`);
  return name;
};

export const checkLoadBalancerKind = (
  request: CreateLoadBalancerInput,
): { scheme: 'internet-facing' | 'internal' } => {
  const type = request.Type ?? 'application';
  if (type === 'network' || type === 'gateway')
    throw notSupported(
      `${type} load balancers`,
      'only Application Load Balancers (Type application) are implemented, over an HTTP data plane',
    );
  if (type !== 'application') throw validationError(`Load balancer type '${String(type)}' is not valid`);
  const scheme = request.Scheme ?? 'internet-facing';
  if (scheme !== 'internet-facing' && scheme !== 'internal')
    throw validationError(enumError(String(scheme), 'scheme', ['internet-facing', 'internal']));
  const ipType = request.IpAddressType ?? 'ipv4';
  if (ipType !== 'ipv4')
    throw notSupported(
      `IpAddressType '${ipType}'`,
      "load balancer addresses are loopback IPv4, so only 'ipv4' is",
    );
  if (request.CustomerOwnedIpv4Pool !== undefined || request.IpamPools !== undefined)
    throw invalidConfiguration(
      'Customer-owned and IPAM address pools are not available for this load balancer',
    );
  return { scheme };
};

/**
 * The zones a load balancer reports: one per subnet (zone letters a, b, c… in the order given),
 * or one default zone without a subnet when none was given.
 */
export const zonesOf = (region: string, request: CreateLoadBalancerInput): LoadBalancerZone[] => {
  const subnets = [
    ...(request.Subnets ?? []),
    ...(request.SubnetMappings ?? []).map((m) => m.SubnetId ?? ''),
  ];
  const bad = subnets.find((s) => !/^subnet-[0-9a-zA-Z]+$/.test(s));
  if (bad !== undefined) throw new ApiError('SubnetNotFound', `The subnet ID '${bad}' is not valid`, 400);
  const unique = [...new Set(subnets)];
  if (unique.length === 0) return [{ zoneName: `${region}a`, subnetId: null }];
  return unique.map((subnetId, i) => ({
    zoneName: `${region}${String.fromCharCode(97 + (i % 26))}`,
    subnetId,
  }));
};

/** `<name>-<10 digits from the id>.<region>.elb.localhost`, shaped like ELB's DNS names. */
export const dnsNameOf = (name: string, id: string, region: string): string => {
  const digits = (BigInt(`0x${id}`) % 10_000_000_000n).toString().padStart(10, '0');
  return `${name}-${digits}.${region}.elb.localhost`.toLowerCase();
};

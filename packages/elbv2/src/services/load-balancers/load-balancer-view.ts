/** A LoadBalancerRecord as ELBv2's LoadBalancer wire shape. */
import type { LoadBalancer } from '@berth/wire/elbv2';

import type { LoadBalancerRecord } from '../../records/load-balancer-record.js';
import { epochSeconds } from '../service-deps.js';

export const loadBalancerView = (lb: LoadBalancerRecord): LoadBalancer => ({
  LoadBalancerArn: lb.arn,
  DNSName: lb.dnsName,
  CanonicalHostedZoneId: lb.canonicalHostedZoneId,
  CreatedTime: epochSeconds(lb.createdAt),
  LoadBalancerName: lb.name,
  Scheme: lb.scheme,
  VpcId: lb.vpcId,
  State: { Code: lb.state },
  Type: lb.type,
  AvailabilityZones: lb.zones.map((zone) => ({
    ZoneName: zone.zoneName,
    ...(zone.subnetId !== null ? { SubnetId: zone.subnetId } : {}),
    LoadBalancerAddresses: [{ IpAddress: lb.address }],
  })),
  SecurityGroups: [...lb.securityGroups],
  IpAddressType: lb.ipAddressType,
});

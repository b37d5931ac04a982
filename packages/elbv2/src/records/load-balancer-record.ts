/** What Berth keeps of one Application Load Balancer. Every field is required. */

export type LoadBalancerStateCode = 'provisioning' | 'active';

export interface LoadBalancerZone {
  readonly zoneName: string;
  /** null only for the default zone of a load balancer created without subnets. */
  readonly subnetId: string | null;
}

export interface LoadBalancerRecord {
  readonly arn: string;
  /** The 16-hex-digit id at the end of the ARN. */
  readonly id: string;
  readonly name: string;
  readonly partitionKey: string;
  readonly type: 'application';
  readonly scheme: 'internet-facing' | 'internal';
  readonly ipAddressType: 'ipv4';
  /** provisioning until the data plane binds its listeners (LoadBalancersService.markActive). */
  readonly state: LoadBalancerStateCode;
  readonly dnsName: string;
  readonly canonicalHostedZoneId: string;
  readonly vpcId: string;
  readonly zones: readonly LoadBalancerZone[];
  readonly securityGroups: readonly string[];
  /** The loopback IPv4 its listeners bind, from the LoadBalancerAddressPool. */
  readonly address: string;
  /** Every attribute with its value (defaults included), as DescribeLoadBalancerAttributes shows them. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Epoch ms. */
  readonly createdAt: number;
}

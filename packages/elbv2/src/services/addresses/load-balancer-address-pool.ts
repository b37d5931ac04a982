/**
 * Where each load balancer's listener address comes from: every load balancer binds its own
 * loopback IPv4, so two load balancers can both listen on port 80. The data plane binds it; the
 * API reports it in AvailabilityZones[].LoadBalancerAddresses[].IpAddress.
 */
export interface LoadBalancerAddressPool {
  /** The address of this load balancer: the same one on every call until it is released. */
  allocate(lbArn: string): string;
  release(lbArn: string): void;
}

const BASE = (127 << 24) | (2 << 16); // 127.2.0.0/16
const SIZE = 1 << 16;

const dotted = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/**
 * An in-memory pool over 127.2.0.0/16 (127.2.0.1–127.2.255.254), lowest free address first.
 * Seed it with the addresses existing load balancers already hold so a restart keeps them.
 */
export class InMemoryLoadBalancerAddressPool implements LoadBalancerAddressPool {
  private readonly byArn = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(held: Iterable<readonly [lbArn: string, address: string]> = []) {
    for (const [arn, address] of held) {
      this.byArn.set(arn, address);
      this.taken.add(address);
    }
  }

  allocate(lbArn: string): string {
    const held = this.byArn.get(lbArn);
    if (held) return held;
    for (let offset = 1; offset < SIZE - 1; offset += 1) {
      const address = dotted(BASE + offset);
      if (this.taken.has(address)) continue;
      this.taken.add(address);
      this.byArn.set(lbArn, address);
      return address;
    }
    throw new Error('The load balancer address pool 127.2.0.0/16 is exhausted');
  }

  release(lbArn: string): void {
    const address = this.byArn.get(lbArn);
    if (address === undefined) return;
    this.byArn.delete(lbArn);
    this.taken.delete(address);
  }
}

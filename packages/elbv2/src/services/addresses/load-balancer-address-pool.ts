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

const DEFAULT_CIDR = '127.2.0.0/16';

const dotted = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/** The first address and size of an IPv4 CIDR block, or an error naming it. */
const blockOf = (cidr: string): { base: number; size: number } => {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const bits = match ? Number(match[5]) : -1;
  if (!match || octets.some((o) => o > 255) || bits < 8 || bits > 30)
    throw new Error(`Not an IPv4 block of /8 to /30: ${cidr}`);
  const size = 2 ** (32 - bits);
  const value = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { base: value - (value % size), size };
};

/**
 * An in-memory pool over a loopback block (default 127.2.0.0/16), lowest free address first,
 * never the block's first or last address. Seed it with the addresses existing load balancers
 * already hold so a restart keeps them.
 */
export class InMemoryLoadBalancerAddressPool implements LoadBalancerAddressPool {
  private readonly byArn = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly block: { base: number; size: number };

  constructor(
    held: Iterable<readonly [lbArn: string, address: string]> = [],
    private readonly cidr: string = DEFAULT_CIDR,
  ) {
    this.block = blockOf(cidr);
    for (const [arn, address] of held) {
      this.byArn.set(arn, address);
      this.taken.add(address);
    }
  }

  allocate(lbArn: string): string {
    const held = this.byArn.get(lbArn);
    if (held) return held;
    for (let offset = 1; offset < this.block.size - 1; offset += 1) {
      const address = dotted(this.block.base + offset);
      if (this.taken.has(address)) continue;
      this.taken.add(address);
      this.byArn.set(lbArn, address);
      return address;
    }
    throw new Error(`The load balancer address pool ${this.cidr} is exhausted`);
  }

  release(lbArn: string): void {
    const address = this.byArn.get(lbArn);
    if (address === undefined) return;
    this.byArn.delete(lbArn);
    this.taken.delete(address);
  }
}

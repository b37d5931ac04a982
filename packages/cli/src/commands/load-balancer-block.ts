/**
 * The loopback block a `berth server` gives its load balancers' addresses from: `--lb-cidr` when
 * given, else the first /24 of 127.2.0.0/16 no live server holds, claimed in the host registry the
 * agents use (so two servers on one host never bind the same listener address). A server with a
 * data directory claims under that directory's name, so a restart takes its block back.
 */
import type { HostRegistry } from '@berth/agent';

export interface LoadBalancerBlock {
  readonly cidr: string;
  release(): void;
}

export const claimLoadBalancerBlock = (
  registry: HostRegistry,
  owner: string,
  given: string | undefined,
): LoadBalancerBlock => {
  if (given !== undefined) return { cidr: given, release: () => undefined };
  for (let third = 0; third < 256; third++) {
    const cidr = `127.2.${third}.0/24`;
    if (registry.claim(cidr, owner)) return { cidr, release: () => registry.release(cidr, owner) };
  }
  throw new Error(
    'Every load balancer block of 127.2.0.0/16 is held by a live berth server; pass --lb-cidr.',
  );
};

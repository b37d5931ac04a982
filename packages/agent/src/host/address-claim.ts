/**
 * Which address block an agent's awsvpc tasks get: the CIDR it was given (`--awsvpc-cidr`), which
 * must not be held by another running agent; else the block it had before (kept in its state
 * directory, so a restarted agent keeps its tasks' addresses), else the first free /22 of the
 * default pool. The claim is held in the host registry until the agent stops.
 */
import { defaultBlocks, parseBlock, type AddressBlock } from './address-block.js';
import type { HostRegistry } from './host-registry.js';

export interface BlockChoice {
  /** `--awsvpc-cidr`: this block or none. */
  readonly configured?: string;
  /** The block this agent held before. */
  readonly previous?: string;
}

export const claimAddressBlock = (
  registry: HostRegistry,
  owner: string,
  choice: BlockChoice,
): AddressBlock => {
  if (choice.configured !== undefined) {
    const block = parseBlock(choice.configured);
    if (!block) throw new Error(`--awsvpc-cidr ${choice.configured} is not an IPv4 CIDR between /8 and /30`);
    if (registry.claim(block.cidr, owner)) return block;
    const holder = registry.liveClaims().find((c) => c.block === block.cidr);
    throw new Error(
      `address block ${block.cidr} is held by another running Berth agent (${holder?.owner ?? 'unknown'}, pid ${holder?.pid ?? '?'})`,
    );
  }
  const previous = choice.previous === undefined ? undefined : parseBlock(choice.previous);
  const candidates = [...(previous ? [previous] : []), ...defaultBlocks()];
  const block = candidates.find((b) => registry.claim(b.cidr, owner));
  if (!block) throw new Error('every address block of 127.1.0.0/16 is held by a running Berth agent');
  return block;
};

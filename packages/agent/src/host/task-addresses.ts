/**
 * The agent's address management for awsvpc tasks (DESIGN.md §8): addresses come from the agent's
 * own block, and one is never handed out while a container still binds it — whoever owns that
 * container (another Berth, one that died, or none) — nor while a task of this agent holds it.
 * Addresses are handed out round-robin, so one just released is not reused at once.
 */
import type { ContainerRuntime } from '../runtime/container-runtime.js';
import { blockAddresses, type AddressBlock } from './address-block.js';

export class TaskAddresses {
  private readonly addresses: readonly string[];
  /** taskArn → address. */
  private readonly held = new Map<string, string>();
  private cursor = 0;

  constructor(
    readonly block: AddressBlock,
    private readonly runtime: Pick<ContainerRuntime, 'boundHostIps'>,
  ) {
    this.addresses = blockAddresses(block);
  }

  /** The task's address: the one it holds, or a free one. Throws when the block is exhausted. */
  async allocate(taskArn: string): Promise<string> {
    const own = this.held.get(taskArn);
    if (own !== undefined) return own;
    const bound = await this.runtime.boundHostIps();
    const again = this.held.get(taskArn);
    if (again !== undefined) return again;
    const taken = new Set([...this.held.values(), ...bound]);
    for (let i = 0; i < this.addresses.length; i++) {
      const index = (this.cursor + i) % this.addresses.length;
      const address = this.addresses[index] ?? '';
      if (taken.has(address)) continue;
      this.cursor = index + 1;
      this.held.set(taskArn, address);
      return address;
    }
    throw new Error(`no free address left in ${this.block.cidr}`);
  }

  /** A task found running after an agent restart keeps its address. */
  adopt(taskArn: string, address: string): void {
    this.held.set(taskArn, address);
  }

  release(taskArn: string): void {
    this.held.delete(taskArn);
  }

  addressOf(taskArn: string): string | undefined {
    return this.held.get(taskArn);
  }
}

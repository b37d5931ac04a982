/**
 * The Berth agents running on this host, as claim files in one host-wide directory
 * (`BERTH_RUN_DIR`; default `/run/berth` when it can be created, else `<tmpdir>/berth-run`).
 *
 * Every running agent holds exactly one claim: the address block its awsvpc tasks get addresses
 * from. A claim is a file named after its block, created exclusively (O_EXCL), naming the process
 * that holds it and the owner its containers are labelled with (its container-instance or managed
 * host ARN). So:
 * - two agents — in one process or in two `berth server`s — never hold the same block;
 * - a claim whose process is gone is stale: another agent may take its block over, and `berth gc`
 *   deletes it;
 * - a Berth container whose owner holds no live claim was left by an agent that is no longer
 *   running (see leftovers.ts).
 * A claim held by this very process is live: agents release their claim when they stop.
 */
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AgentClaim {
  /** The address block, e.g. `127.1.4.0/22`. */
  readonly block: string;
  /** The owner label of the agent's containers. */
  readonly owner: string;
  readonly pid: number;
  /** Epoch ms. */
  readonly claimedAt: number;
}

const fileNameOf = (block: string): string => `${block.replace('/', '_')}.json`;

const errorCode = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** Whether a process exists (EPERM: it does, owned by someone else). */
const processAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
};

export const defaultRunDir = (): string => {
  const configured = process.env.BERTH_RUN_DIR;
  if (configured) return configured;
  try {
    mkdirSync('/run/berth', { recursive: true });
    return '/run/berth';
  } catch {
    return join(tmpdir(), 'berth-run');
  }
};

export class HostRegistry {
  readonly dir: string;

  constructor(readonly runDir: string = defaultRunDir()) {
    this.dir = join(runDir, 'agents');
    mkdirSync(this.dir, { recursive: true });
  }

  /** Every claim on file, live or stale. */
  claims(): AgentClaim[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => {
        try {
          return [JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as AgentClaim];
        } catch {
          return [];
        }
      });
  }

  liveClaims(): AgentClaim[] {
    return this.claims().filter((c) => processAlive(c.pid));
  }

  /**
   * Claims `block` for `owner`: true when this process now holds it (already held by this owner
   * counts). A stale claim is taken over; a live one of another owner refuses.
   */
  claim(block: string, owner: string): boolean {
    const path = join(this.dir, fileNameOf(block));
    const claim: AgentClaim = { block, owner, pid: process.pid, claimedAt: Date.now() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(path, JSON.stringify(claim), { flag: 'wx' });
        return true;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const held = this.read(path);
      if (held && processAlive(held.pid)) return held.owner === owner && held.pid === process.pid;
      this.unlink(path);
    }
    return false;
  }

  /** Gives `block` up, if `owner` holds it. */
  release(block: string, owner: string): void {
    const path = join(this.dir, fileNameOf(block));
    if (this.read(path)?.owner === owner) this.unlink(path);
  }

  /** Deletes the claims of processes that are gone; returns them. */
  pruneStale(): AgentClaim[] {
    const stale = this.claims().filter((c) => !processAlive(c.pid));
    for (const c of stale) this.unlink(join(this.dir, fileNameOf(c.block)));
    return stale;
  }

  private read(path: string): AgentClaim | undefined {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as AgentClaim;
    } catch {
      return undefined;
    }
  }

  private unlink(path: string): void {
    try {
      unlinkSync(path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

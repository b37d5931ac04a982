/**
 * Where shipping stopped, per container, in the agent's state directory (`log-offsets/<id>.json`):
 * the receive time (ns) of the last shipped line and how many lines at that time were shipped. A
 * restarted shipper follows from `since=` that time and skips those lines: nothing lost, nothing
 * shipped twice. Written by rename, so a crash leaves the old offset or the new one; removed with
 * the container.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LineCursor } from './log-event.js';

interface StoredOffset {
  readonly timestampNs: string;
  readonly countAtTimestamp: number;
}

export class LogOffsets {
  private readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'log-offsets');
  }

  load(containerId: string): LineCursor | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.path(containerId), 'utf8')) as StoredOffset;
      return { timestampNs: BigInt(stored.timestampNs), countAtTimestamp: stored.countAtTimestamp };
    } catch {
      return undefined;
    }
  }

  save(containerId: string, cursor: LineCursor): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.path(containerId);
    const stored: StoredOffset = {
      timestampNs: cursor.timestampNs.toString(),
      countAtTimestamp: cursor.countAtTimestamp,
    };
    writeFileSync(`${path}.tmp`, JSON.stringify(stored));
    renameSync(`${path}.tmp`, path);
  }

  /** The container is gone: nothing of it is left to ship. */
  forget(containerId: string): void {
    rmSync(this.path(containerId), { force: true });
  }

  private path(containerId: string): string {
    return join(this.dir, `${containerId.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
  }
}

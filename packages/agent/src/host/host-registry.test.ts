import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { claimAddressBlock } from './address-claim.js';
import { HostRegistry } from './host-registry.js';
import { findLeftovers } from './leftovers.js';

let dir: string;
let registry: HostRegistry;

/** A pid that is not running (the highest pid Linux hands out is below 2^22). */
const DEAD_PID = 2 ** 22 + 1;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-registry-'));
  registry = new HostRegistry(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const staleClaim = (block: string, owner: string): void =>
  writeFileSync(
    join(dir, 'agents', `${block.replace('/', '_')}.json`),
    JSON.stringify({ block, owner, pid: DEAD_PID, claimedAt: 0 }),
  );

describe('HostRegistry', () => {
  it('gives a block to one owner only; a stale claim is taken over', () => {
    expect(registry.claim('127.1.0.0/22', 'a')).toBe(true);
    expect(registry.claim('127.1.0.0/22', 'a')).toBe(true);
    expect(registry.claim('127.1.0.0/22', 'b')).toBe(false);
    staleClaim('127.1.4.0/22', 'dead');
    expect(registry.claim('127.1.4.0/22', 'b')).toBe(true);
    expect(
      registry
        .liveClaims()
        .map((c) => [c.block, c.owner])
        .sort(),
    ).toEqual([
      ['127.1.0.0/22', 'a'],
      ['127.1.4.0/22', 'b'],
    ]);
  });

  it('releases only its own claim, and prunes stale ones', () => {
    registry.claim('127.1.0.0/22', 'a');
    registry.release('127.1.0.0/22', 'b');
    expect(registry.liveClaims()).toHaveLength(1);
    registry.release('127.1.0.0/22', 'a');
    expect(registry.claims()).toEqual([]);
    staleClaim('127.1.8.0/22', 'dead');
    expect(registry.pruneStale().map((c) => c.owner)).toEqual(['dead']);
    expect(registry.claims()).toEqual([]);
  });
});

describe('claimAddressBlock', () => {
  it('takes the first free /22, keeps a previous block, and refuses a configured block held by another', () => {
    expect(claimAddressBlock(registry, 'a', {}).cidr).toBe('127.1.0.0/22');
    expect(claimAddressBlock(registry, 'b', {}).cidr).toBe('127.1.4.0/22');
    expect(claimAddressBlock(registry, 'c', { previous: '127.1.40.0/22' }).cidr).toBe('127.1.40.0/22');
    expect(() => claimAddressBlock(registry, 'd', { configured: '127.1.4.0/22' })).toThrow(
      /127\.1\.4\.0\/22 is held by another running Berth agent \(b, pid \d+\)/,
    );
    expect(() => claimAddressBlock(registry, 'd', { configured: 'nope' })).toThrow(/not an IPv4 CIDR/);
    expect(claimAddressBlock(registry, 'd', { configured: '10.9.0.0/24' }).cidr).toBe('10.9.0.0/24');
  });
});

describe('findLeftovers', () => {
  it('lists Berth containers and volumes whose owner holds no live claim', async () => {
    registry.claim('127.1.0.0/22', 'live');
    staleClaim('127.1.4.0/22', 'dead');
    const labelled = (owner: string) => ({
      'dev.berth.managed': 'true',
      'dev.berth.container-instance': owner,
    });
    const runtime = {
      listManagedContainers: () =>
        Promise.resolve([
          { id: '1', name: 'a', labels: labelled('live'), state: 'running' },
          { id: '2', name: 'b', labels: labelled('dead'), state: 'running' },
          { id: '3', name: 'c', labels: labelled('gone'), state: 'exited' },
        ]),
      listManagedVolumes: () => Promise.resolve([{ name: 'v', labels: labelled('gone') }]),
    };
    const left = await findLeftovers(runtime, registry);
    expect(left.containers.map((c) => c.id)).toEqual(['2', '3']);
    expect(left.volumes.map((v) => v.name)).toEqual(['v']);
    expect(left.owners).toEqual(['dead', 'gone']);
  });
});

import { describe, expect, it } from 'vitest';

import { grantedUlimits, ulimitNotices } from './ulimit-grants.js';

const seedWeb = {
  name: 'web',
  ulimits: [
    { name: 'nofile' as const, softLimit: 65536, hardLimit: 65536 },
    { name: 'nproc' as const, softLimit: 100, hardLimit: 200 },
  ],
};
const ceilings = new Map([['nofile', 20000]]);

describe('ulimit grants', () => {
  it('grants the most the host allows, and says so once per ulimit', () => {
    expect(grantedUlimits(seedWeb, { ceilings, strict: false })).toEqual([
      { name: 'nofile', soft: 20000, hard: 20000 },
      { name: 'nproc', soft: 100, hard: 200 },
    ]);
    expect(ulimitNotices([seedWeb], { ceilings, strict: false })).toEqual([
      "(container web) ulimit nofile 65536:65536 is above this host's maximum of 20000; it runs with 20000:20000 (berth agent --strict-ulimits fails such tasks instead).",
    ]);
  });

  it('keeps a soft limit under the ceiling and leaves limits within it alone', () => {
    const d = { name: 'c', ulimits: [{ name: 'nofile' as const, softLimit: 1024, hardLimit: 65536 }] };
    expect(grantedUlimits(d, { ceilings, strict: false })).toEqual([
      { name: 'nofile', soft: 1024, hard: 20000 },
    ]);
    const fits = { name: 'c', ulimits: [{ name: 'nofile' as const, softLimit: 4096, hardLimit: 4096 }] };
    expect(ulimitNotices([fits], { ceilings, strict: false })).toEqual([]);
  });

  it('strict: passes the limits as given, with no notice', () => {
    expect(grantedUlimits(seedWeb, { ceilings, strict: true })[0]).toEqual({
      name: 'nofile',
      soft: 65536,
      hard: 65536,
    });
    expect(ulimitNotices([seedWeb], { ceilings, strict: true })).toEqual([]);
  });
});

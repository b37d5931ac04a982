import { describe, expect, it } from 'vitest';

import { hasSysResource, parseHardLimits } from './ulimit-ceilings.js';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max processes             unlimited            unlimited            processes
Max open files            20000                20000                files
Max locked memory         8388608              8388608              bytes
`;

describe('ulimit ceilings', () => {
  it('reads the hard limits of /proc/<pid>/limits, leaving out unlimited ones', () => {
    expect(parseHardLimits(LIMITS)).toEqual(
      new Map([
        ['nofile', 20000],
        ['memlock', 8388608],
      ]),
    );
  });

  it('tells whether CAP_SYS_RESOURCE is effective', () => {
    expect(hasSysResource('Name:\tcontainerd\nCapEff:\t000001ffffffffff\n')).toBe(true);
    expect(hasSysResource('CapEff:\t00000000a80425fb\n')).toBe(false);
    expect(hasSysResource('CapEff:\t00000000a94425fb\n')).toBe(true);
  });
});

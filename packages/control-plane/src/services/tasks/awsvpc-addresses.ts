/**
 * awsvpc tasks get an address of their own. On a single host these are loopback addresses in
 * 127.1.0.0/16 (the whole 127/8 range is local on Linux); an address is free again once its
 * task is STOPPED.
 */
const FIRST = (127 << 24) | (1 << 16) | 1;
const LAST = (127 << 24) | (1 << 16) | (255 << 8) | 254;

const toText = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export const allocateAddress = (inUse: ReadonlySet<string>): string | undefined => {
  for (let n = FIRST; n <= LAST; n += 1) {
    if ((n & 255) === 0 || (n & 255) === 255) continue;
    const address = toText(n);
    if (!inUse.has(address)) return address;
  }
  return undefined;
};

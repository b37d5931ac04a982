/**
 * Address blocks for awsvpc task addresses (IPv4 CIDRs). On one host the addresses are loopback
 * addresses (the whole 127/8 is local on Linux) and each agent owns a block of its own: by default
 * the first free /22 of 127.1.0.0/16 (64 blocks of 1,016 task addresses), or the CIDR it is given.
 * Pure.
 */
export interface AddressBlock {
  /** `a.b.c.d/n`, normalised to the network address. */
  readonly cidr: string;
  readonly network: number;
  readonly prefix: number;
}

export const DEFAULT_POOL = '127.1.0.0/16';
export const DEFAULT_BLOCK_PREFIX = 22;

const toNumber = (address: string): number | undefined => {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    n = n * 256 + Number(part);
  }
  return n;
};

export const addressText = (n: number): string =>
  [Math.floor(n / 2 ** 24) % 256, Math.floor(n / 2 ** 16) % 256, Math.floor(n / 256) % 256, n % 256].join(
    '.',
  );

/** Parses a CIDR; undefined when it is not one. */
export const parseBlock = (cidr: string): AddressBlock | undefined => {
  const [address = '', bits = ''] = cidr.split('/');
  const n = toNumber(address);
  const prefix = Number(bits);
  if (n === undefined || !/^\d{1,2}$/.test(bits) || prefix < 8 || prefix > 30) return undefined;
  const size = 2 ** (32 - prefix);
  const network = n - (n % size);
  return { cidr: `${addressText(network)}/${prefix}`, network, prefix };
};

/** The usable task addresses of a block, in order: no network or broadcast address, none ending in .0 or .255. */
export const blockAddresses = (block: AddressBlock): string[] => {
  const size = 2 ** (32 - block.prefix);
  const out: string[] = [];
  for (let n = block.network + 1; n < block.network + size - 1; n++) {
    if (n % 256 !== 0 && n % 256 !== 255) out.push(addressText(n));
  }
  return out;
};

/** The /22 blocks of the default pool, in order. */
export const defaultBlocks = (): AddressBlock[] => {
  const pool = parseBlock(DEFAULT_POOL);
  if (!pool) return [];
  const count = 2 ** (DEFAULT_BLOCK_PREFIX - pool.prefix);
  const size = 2 ** (32 - DEFAULT_BLOCK_PREFIX);
  return Array.from({ length: count }, (_, i) => ({
    cidr: `${addressText(pool.network + i * size)}/${DEFAULT_BLOCK_PREFIX}`,
    network: pool.network + i * size,
    prefix: DEFAULT_BLOCK_PREFIX,
  }));
};

export const inBlock = (block: AddressBlock, address: string): boolean => {
  const n = toNumber(address);
  return n !== undefined && n >= block.network && n < block.network + 2 ** (32 - block.prefix);
};

/** A CIDR split in its two halves (for two agents of one `berth server`); undefined if it cannot be. */
export const splitAddressBlock = (cidr: string): [string, string] | undefined => {
  const block = parseBlock(cidr);
  if (!block || block.prefix >= 30) return undefined;
  const half = 2 ** (32 - block.prefix - 1);
  return [
    `${addressText(block.network)}/${block.prefix + 1}`,
    `${addressText(block.network + half)}/${block.prefix + 1}`,
  ];
};
